import type { CanonicalContour, CanonicalRead } from './canonical';
import { distanceFromPlane, patientToPixel } from './geometry';
import type { SeriesGeometry } from './seriesGeometry';

/**
 * Geometric rules of the canonical form: every contour is a closed polygon (given without repeating its first
 * point) with at least three distinct points and non-zero area, references an instance of its lesion's series, and
 * all its points lie on that instance's plane (within PLANE_TOLERANCE_MM).
 */

export const PLANE_TOLERANCE_MM = 0.01;
const SAME_POINT_MM = 1e-6;

export interface ValidationIssue {
  severity: 'error' | 'warning';
  lesionId: string;
  contourIndex?: number;
  message: string;
}

export interface ValidationOptions {
  /** Allowed lesion labels; when given, other labels are errors. */
  allowedLabels?: readonly string[];
  planeToleranceMm?: number;
}

function samePoint(a: readonly number[], b: readonly number[]): boolean {
  return Math.abs(a[0] - b[0]) <= SAME_POINT_MM && Math.abs(a[1] - b[1]) <= SAME_POINT_MM && Math.abs(a[2] - b[2]) <= SAME_POINT_MM;
}

/** True when every point lies (within 1e-6 mm) on one line — checked directly, as self-crossing outlines can have zero signed area. */
function collinear(xy: readonly number[][], sx: number, sy: number): boolean {
  const mm = xy.map((p) => [p[0] * sx, p[1] * sy]);
  let far = 0;
  let farDist = 0;
  for (let n = 1; n < mm.length; n++) {
    const d = Math.hypot(mm[n][0] - mm[0][0], mm[n][1] - mm[0][1]);
    if (d > farDist) {
      farDist = d;
      far = n;
    }
  }
  if (farDist < 1e-6) return true;
  const [ux, uy] = [(mm[far][0] - mm[0][0]) / farDist, (mm[far][1] - mm[0][1]) / farDist];
  return mm.every((p) => Math.abs((p[0] - mm[0][0]) * uy - (p[1] - mm[0][1]) * ux) < 1e-6);
}

/** Problems of one contour against its series (pure; no exceptions for bad geometry, only issues). */
export function contourIssues(contour: CanonicalContour, series: SeriesGeometry | undefined, planeToleranceMm = PLANE_TOLERANCE_MM): string[] {
  const issues: string[] = [];
  const pts = contour.points;
  if (pts.length < 3) issues.push(`has ${pts.length} point(s); a contour needs at least 3`);
  if (pts.length >= 2 && samePoint(pts[0], pts[pts.length - 1])) {
    issues.push('repeats its first point at the end; contours are closed implicitly, give each vertex once');
  }
  for (let n = 1; n < pts.length; n++) {
    if (samePoint(pts[n], pts[n - 1])) {
      issues.push(`has consecutive duplicate points at ${n - 1} and ${n}`);
      break;
    }
  }
  if (!series) return issues;
  const k = series.indexOfSop.get(contour.sopInstanceUid);
  if (k === undefined) {
    issues.push(`references instance ${contour.sopInstanceUid}, which is not in series ${series.seriesInstanceUid}`);
    return issues;
  }
  const plane = series.slices[k].plane;
  let worst = 0;
  for (const p of pts) worst = Math.max(worst, Math.abs(distanceFromPlane(plane, p)));
  if (worst > planeToleranceMm) {
    issues.push(`is not on the plane of its slice: a point lies ${worst.toFixed(3)} mm away (tolerance ${planeToleranceMm} mm)`);
  }
  if (pts.length >= 3 && collinear(pts.map((p) => patientToPixel(plane, p)), plane.columnSpacing, plane.rowSpacing)) {
    issues.push('encloses no area (its points are collinear)');
  }
  return issues;
}

function segmentsCross(a: number[], b: number[], c: number[], d: number[]): boolean {
  const orient = (p: number[], q: number[], r: number[]) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** True when two non-adjacent edges of the closed polygon cross (proper crossings only). */
export function selfIntersects(xy: readonly number[][]): boolean {
  const n = xy.length;
  for (let i = 0; i < n; i++) {
    const a = xy[i];
    const b = xy[(i + 1) % n];
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing edge
      if (segmentsCross(a, b, xy[j], xy[(j + 1) % n])) return true;
    }
  }
  return false;
}

/**
 * Validates a read. `seriesOf(uid)` gives the geometry of a series the case holds (undefined = not part of the
 * case). Errors make the read unsavable on submit; autosave still stores drafts.
 */
export function validateRead(
  read: CanonicalRead,
  seriesOf: (seriesInstanceUid: string) => SeriesGeometry | undefined,
  options: ValidationOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ids = new Set<string>();
  for (const lesion of read.lesions) {
    const error = (message: string, contourIndex?: number) =>
      issues.push({ severity: 'error', lesionId: lesion.id, contourIndex, message });
    if (ids.has(lesion.id)) error(`duplicate lesion id ${lesion.id}`);
    ids.add(lesion.id);
    if (options.allowedLabels && !options.allowedLabels.includes(lesion.label)) {
      error(`label "${lesion.label}" is not one of this study's lesion labels`);
    }
    const series = seriesOf(lesion.seriesInstanceUid);
    if (!series) error(`series ${lesion.seriesInstanceUid} is not part of this case`);
    if (lesion.contours.length === 0) {
      issues.push({ severity: 'warning', lesionId: lesion.id, message: `lesion "${lesion.label}" has no contours` });
    }
    lesion.contours.forEach((c, n) => {
      const problems = contourIssues(c, series, options.planeToleranceMm);
      for (const m of problems) error(`contour ${n + 1} ${m}`, n);
      const k = series?.indexOfSop.get(c.sopInstanceUid);
      if (!problems.length && series && k !== undefined) {
        const xy = c.points.map((p) => patientToPixel(series.slices[k].plane, p));
        if (selfIntersects(xy)) {
          issues.push({
            severity: 'warning',
            lesionId: lesion.id,
            contourIndex: n,
            message: `lesion "${lesion.label}": contour ${n + 1} (slice ${k + 1}) crosses itself; where it overlaps itself the area counts as outside (even–odd rule)`,
          });
        }
      }
    });
  }
  return issues;
}
