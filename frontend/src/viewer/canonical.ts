/**
 * The canonical saved form of a read: the only thing the server stores, and what the agreement engine rasterises.
 *
 *   { "lesions": [ { "id": "uuid", "label": "primary tumour", "seriesInstanceUid": "1.2…",
 *                    "contours": [ { "sopInstanceUid": "1.2…", "points": [[x,y,z], …], "origin": "freehand" } ] } ] }
 *
 * Points are DICOM patient coordinates (LPS, mm) on the plane of the referenced slice. A contour is a closed
 * polygon given WITHOUT repeating its first point. Inside = voxel centres inside the polygons of that lesion on
 * that slice under the even–odd rule (see README.md for the exact crossing rule). `origin` is advisory.
 */

export type Point3 = [number, number, number];

/** How a contour was produced. Advisory: the geometry alone defines the lesion. */
export type ContourOrigin = 'freehand' | 'spline' | 'livewire' | 'interpolated' | 'brush' | 'imported';

export const CONTOUR_ORIGINS: readonly ContourOrigin[] = ['freehand', 'spline', 'livewire', 'interpolated', 'brush', 'imported'];

export interface CanonicalContour {
  sopInstanceUid: string;
  points: Point3[];
  origin?: ContourOrigin;
}

export interface CanonicalLesion {
  id: string;
  label: string;
  /** The series the lesion is drawn on; every contour references an instance of it. */
  seriesInstanceUid: string;
  contours: CanonicalContour[];
}

export interface CanonicalRead {
  lesions: CanonicalLesion[];
}

export class CanonicalFormatError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'CanonicalFormatError';
  }
}

export function emptyRead(): CanonicalRead {
  return { lesions: [] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new CanonicalFormatError(path, 'must be a non-empty string');
  return v;
}

function point(v: unknown, path: string): Point3 {
  if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new CanonicalFormatError(path, 'must be [x, y, z] with three finite numbers (mm)');
  }
  return [v[0], v[1], v[2]];
}

function contour(v: unknown, path: string): CanonicalContour {
  if (!isObject(v)) throw new CanonicalFormatError(path, 'must be an object');
  const sopInstanceUid = nonEmptyString(v.sopInstanceUid, `${path}.sopInstanceUid`);
  if (!Array.isArray(v.points)) throw new CanonicalFormatError(`${path}.points`, 'must be an array of points');
  const points = v.points.map((p, n) => point(p, `${path}.points[${n}]`));
  const result: CanonicalContour = { sopInstanceUid, points };
  if (v.origin !== undefined) {
    if (!CONTOUR_ORIGINS.includes(v.origin as ContourOrigin)) {
      throw new CanonicalFormatError(`${path}.origin`, `must be one of ${CONTOUR_ORIGINS.join(', ')}`);
    }
    result.origin = v.origin as ContourOrigin;
  }
  return result;
}

function lesion(v: unknown, path: string): CanonicalLesion {
  if (!isObject(v)) throw new CanonicalFormatError(path, 'must be an object');
  if (!Array.isArray(v.contours)) throw new CanonicalFormatError(`${path}.contours`, 'must be an array');
  return {
    id: nonEmptyString(v.id, `${path}.id`),
    label: nonEmptyString(v.label, `${path}.label`),
    seriesInstanceUid: nonEmptyString(v.seriesInstanceUid, `${path}.seriesInstanceUid`),
    contours: v.contours.map((c, n) => contour(c, `${path}.contours[${n}]`)),
  };
}

/**
 * Parses and structurally checks a canonical read (types and shapes only; geometric rules are in validation.ts).
 * Unknown properties are dropped, so what is returned is exactly the canonical form.
 */
export function parseCanonicalRead(json: unknown): CanonicalRead {
  if (!isObject(json)) throw new CanonicalFormatError('read', 'must be an object with a "lesions" array');
  if (!Array.isArray(json.lesions)) throw new CanonicalFormatError('read.lesions', 'must be an array');
  const lesions = json.lesions.map((l, n) => lesion(l, `read.lesions[${n}]`));
  const ids = new Set<string>();
  lesions.forEach((l, n) => {
    if (ids.has(l.id)) throw new CanonicalFormatError(`read.lesions[${n}].id`, `duplicate lesion id ${l.id}`);
    ids.add(l.id);
  });
  return { lesions };
}

/** Serialises with a fixed key order, so equal reads give equal text (useful for change detection). */
export function serialiseCanonicalRead(read: CanonicalRead): string {
  return JSON.stringify({
    lesions: read.lesions.map((l) => ({
      id: l.id,
      label: l.label,
      seriesInstanceUid: l.seriesInstanceUid,
      contours: l.contours.map((c) =>
        c.origin === undefined
          ? { sopInstanceUid: c.sopInstanceUid, points: c.points }
          : { sopInstanceUid: c.sopInstanceUid, points: c.points, origin: c.origin },
      ),
    })),
  });
}
