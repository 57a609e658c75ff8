/**
 * Plane geometry of DICOM slices in the patient coordinate system (LPS, millimetres).
 *
 * Conventions (DICOM PS3.3 C.7.6.2): Image Position (Patient) is the centre of the first transmitted pixel;
 * the first three values of Image Orientation (Patient) are the direction of increasing column index ("row
 * direction"), the last three the direction of increasing row index ("column direction"). Pixel Spacing is
 * [spacing between rows, spacing between columns]. Here `i` is the column index and `j` the row index, the same as
 * the backend's ImageGrid.
 */

export type Vec3 = [number, number, number];

/** An error in geometry input that a person can act on (the message says what is wrong). */
export class GeometryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeometryError';
  }
}

export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

export function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

export function scale(a: Vec3, s: number): Vec3 {
  return [a[0] * s, a[1] * s, a[2] * s];
}

export function norm(a: Vec3): number {
  return Math.sqrt(dot(a, a));
}

export function isFiniteVec(v: readonly number[]): boolean {
  return v.every((x) => Number.isFinite(x));
}

const UNIT_TOLERANCE = 1e-3;
const ORTHO_TOLERANCE = 1e-3;

/** One slice's plane and pixel grid. */
export interface SlicePlane {
  /** Image Position (Patient): centre of pixel (i=0, j=0). */
  readonly origin: Vec3;
  /** Unit vector of increasing column index i. */
  readonly rowDir: Vec3;
  /** Unit vector of increasing row index j. */
  readonly colDir: Vec3;
  /** rowDir × colDir. */
  readonly normal: Vec3;
  /** Millimetres between adjacent columns (Pixel Spacing[1]), i.e. the step along rowDir. */
  readonly columnSpacing: number;
  /** Millimetres between adjacent rows (Pixel Spacing[0]), i.e. the step along colDir. */
  readonly rowSpacing: number;
  readonly rows: number;
  readonly columns: number;
}

function unit(what: string, v: Vec3): Vec3 {
  if (!isFiniteVec(v)) throw new GeometryError(`${what} has non-finite components`);
  const n = norm(v);
  if (Math.abs(n - 1) > UNIT_TOLERANCE) {
    throw new GeometryError(`${what} must be a unit vector, has length ${n.toFixed(4)}`);
  }
  return scale(v, 1 / n);
}

/**
 * Builds a slice plane from Image Orientation (Patient), Image Position (Patient), Pixel Spacing, Rows and Columns.
 * Rejects non-orthogonal or non-unit orientations and non-positive spacings.
 */
export function slicePlane(
  imageOrientationPatient: readonly number[],
  imagePositionPatient: readonly number[],
  pixelSpacing: readonly number[],
  rows: number,
  columns: number,
): SlicePlane {
  if (imageOrientationPatient.length !== 6) {
    throw new GeometryError(`Image Orientation (Patient) needs 6 values, got ${imageOrientationPatient.length}`);
  }
  if (imagePositionPatient.length !== 3 || !isFiniteVec(imagePositionPatient)) {
    throw new GeometryError('Image Position (Patient) needs 3 finite values');
  }
  if (pixelSpacing.length !== 2 || !(pixelSpacing[0] > 0) || !(pixelSpacing[1] > 0)) {
    throw new GeometryError(`Pixel Spacing must be two positive values, got [${pixelSpacing.join(', ')}]`);
  }
  if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows <= 0 || columns <= 0) {
    throw new GeometryError(`Rows and Columns must be positive integers, got ${rows}×${columns}`);
  }
  const rowDir = unit('Image Orientation (Patient) row direction', [
    imageOrientationPatient[0],
    imageOrientationPatient[1],
    imageOrientationPatient[2],
  ]);
  const colDir = unit('Image Orientation (Patient) column direction', [
    imageOrientationPatient[3],
    imageOrientationPatient[4],
    imageOrientationPatient[5],
  ]);
  if (Math.abs(dot(rowDir, colDir)) > ORTHO_TOLERANCE) {
    throw new GeometryError('Image Orientation (Patient) row and column directions are not orthogonal');
  }
  return {
    origin: [imagePositionPatient[0], imagePositionPatient[1], imagePositionPatient[2]],
    rowDir,
    colDir,
    normal: cross(rowDir, colDir),
    rowSpacing: pixelSpacing[0],
    columnSpacing: pixelSpacing[1],
    rows,
    columns,
  };
}

/** Patient coordinates (mm) of the continuous pixel index (i = column, j = row) on the plane. */
export function pixelToPatient(plane: SlicePlane, i: number, j: number): Vec3 {
  const { origin, rowDir, colDir, columnSpacing, rowSpacing } = plane;
  return [
    origin[0] + i * columnSpacing * rowDir[0] + j * rowSpacing * colDir[0],
    origin[1] + i * columnSpacing * rowDir[1] + j * rowSpacing * colDir[1],
    origin[2] + i * columnSpacing * rowDir[2] + j * rowSpacing * colDir[2],
  ];
}

/**
 * Continuous pixel index of a patient point projected onto the plane, and its signed distance (mm) from the plane
 * along the normal: [i, j, distance].
 */
export function patientToPixel(plane: SlicePlane, p: Vec3): Vec3 {
  const d = sub(p, plane.origin);
  return [dot(d, plane.rowDir) / plane.columnSpacing, dot(d, plane.colDir) / plane.rowSpacing, dot(d, plane.normal)];
}

/** Signed distance (mm) of a patient point from the plane. */
export function distanceFromPlane(plane: SlicePlane, p: Vec3): number {
  return dot(sub(p, plane.origin), plane.normal);
}

/** The point projected orthogonally onto the plane. */
export function projectOntoPlane(plane: SlicePlane, p: Vec3): Vec3 {
  return sub(p, scale(plane.normal, distanceFromPlane(plane, p)));
}

/** True when both planes have (anti)parallel normals within the given angle (degrees). */
export function parallel(a: Vec3, b: Vec3, toleranceDegrees = 0.5): boolean {
  return Math.abs(dot(a, b)) >= Math.cos((toleranceDegrees * Math.PI) / 180);
}
