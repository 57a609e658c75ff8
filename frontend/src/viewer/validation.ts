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
  if (pts.length >= 3) {
    let area2 = 0;
    const xy = pts.map((p) => patientToPixel(plane, p));
    for (let n = 0, prev = xy.length - 1; n < xy.length; prev = n++) {
      area2 += xy[prev][0] * xy[n][1] - xy[n][0] * xy[prev][1];
    }
    const areaMm2 = (Math.abs(area2) / 2) * plane.rowSpacing * plane.columnSpacing;
    if (areaMm2 < 1e-6) issues.push('encloses no area (its points are collinear)');
  }
  return issues;
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
      for (const m of contourIssues(c, series, options.planeToleranceMm)) error(`contour ${n + 1} ${m}`, n);
    });
  }
  return issues;
}
