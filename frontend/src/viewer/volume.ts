import type { CanonicalContour, CanonicalLesion } from './canonical';
import { patientToPixel } from './geometry';
import { emptyMask, rasterisePolygons, type Mask2D, type Point2 } from './rasterise';
import { voxelVolumeMm3, type SeriesGeometry } from './seriesGeometry';

/**
 * Lesion volume computed from the canonical form with the server's rule: per slice, the voxel centres inside the
 * lesion's contours on that slice (even–odd, rasterise.ts), counted over all slices, times the voxel volume of the
 * series grid. The panel shows this number, so it matches what the server computes.
 */

export interface LesionMeasure {
  /** Volume in mL, or null when it cannot be computed (see problem). */
  volumeMl: number | null;
  voxelCount: number;
  /** Indices (display order, 0-based) of the first and last slice carrying voxels, or null when empty. */
  sliceRange: { first: number; last: number } | null;
  contourCount: number;
  problem: string | null;
}

/** Groups a lesion's contours by slice index of the series; contours on unknown instances are returned apart. */
export function contoursBySlice(
  contours: readonly CanonicalContour[],
  series: SeriesGeometry,
): { bySlice: Map<number, CanonicalContour[]>; unknown: CanonicalContour[] } {
  const bySlice = new Map<number, CanonicalContour[]>();
  const unknown: CanonicalContour[] = [];
  for (const c of contours) {
    const k = series.indexOfSop.get(c.sopInstanceUid);
    if (k === undefined) {
      unknown.push(c);
      continue;
    }
    const list = bySlice.get(k);
    if (list) list.push(c);
    else bySlice.set(k, [c]);
  }
  return { bySlice, unknown };
}

/** The contours of one slice in that slice's pixel coordinates. */
export function contoursToPixelPolygons(contours: readonly CanonicalContour[], series: SeriesGeometry, k: number): Point2[][] {
  const plane = series.slices[k].plane;
  return contours.map((c) =>
    c.points.map((p) => {
      const [x, y] = patientToPixel(plane, p);
      return [x, y] as Point2;
    }),
  );
}

/** Rasterises a lesion slice by slice (only slices that carry contours appear in the map). */
export function rasteriseLesion(lesion: CanonicalLesion, series: SeriesGeometry): Map<number, Mask2D> {
  const { bySlice } = contoursBySlice(lesion.contours, series);
  const masks = new Map<number, Mask2D>();
  for (const [k, contours] of bySlice) {
    const mask = emptyMask(series.columns, series.rows);
    rasterisePolygons(contoursToPixelPolygons(contours, series, k), mask);
    masks.set(k, mask);
  }
  return masks;
}

export function measureLesion(lesion: CanonicalLesion, series: SeriesGeometry): LesionMeasure {
  if (lesion.seriesInstanceUid !== series.seriesInstanceUid) {
    throw new Error(`lesion ${lesion.id} is on series ${lesion.seriesInstanceUid}, not ${series.seriesInstanceUid}`);
  }
  const { bySlice, unknown } = contoursBySlice(lesion.contours, series);
  let voxelCount = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const [k, contours] of bySlice) {
    const mask = emptyMask(series.columns, series.rows);
    const n = rasterisePolygons(contoursToPixelPolygons(contours, series, k), mask);
    if (n > 0) {
      voxelCount += n;
      first = Math.min(first, k);
      last = Math.max(last, k);
    }
  }
  const problems: string[] = [];
  if (unknown.length) problems.push(`${unknown.length} contour(s) reference instances not in the series`);
  if (!series.grid) problems.push(`no volume: ${series.gridProblem}`);
  return {
    volumeMl: series.grid ? (voxelCount * voxelVolumeMm3(series.grid)) / 1000 : null,
    voxelCount,
    sliceRange: voxelCount > 0 ? { first, last } : null,
    contourCount: lesion.contours.length,
    problem: problems.length ? problems.join('; ') : null,
  };
}
