import { dot, parallel } from './geometry';
import type { SeriesGeometry } from './seriesGeometry';

/**
 * Linked scrolling by patient position: the slice of another series that lies closest to a given slice, measured
 * along the normal. Phases have different z-ranges and spacings, so slice indices are never compared.
 */

export interface SliceMatch {
  /** Index of the nearest target slice (clamped to the series). */
  index: number;
  /** Distance (mm) between the source plane and that target slice along the normal. */
  distanceMm: number;
  /** False when the source plane lies outside the target's extent (beyond half a slice spacing). */
  inRange: boolean;
}

export type Linkability = { linkable: true } | { linkable: false; reason: string };

/** Whether two series can be linked by position: same frame of reference and parallel slices. */
export function linkability(a: SeriesGeometry, b: SeriesGeometry): Linkability {
  if (!a.frameOfReferenceUid || !b.frameOfReferenceUid) {
    return { linkable: false, reason: 'a series has no Frame of Reference UID, so positions cannot be compared' };
  }
  if (a.frameOfReferenceUid !== b.frameOfReferenceUid) {
    return { linkable: false, reason: 'the series have different frames of reference (different patient positioning)' };
  }
  if (!parallel(a.normal, b.normal, 1)) {
    return { linkable: false, reason: 'the series are not in parallel planes (e.g. axial and coronal)' };
  }
  return { linkable: true };
}

/** The target slice nearest to the plane of source slice `sourceIndex`, or null when the series cannot be linked. */
export function matchSlice(source: SeriesGeometry, sourceIndex: number, target: SeriesGeometry): SliceMatch | null {
  if (!Number.isInteger(sourceIndex) || sourceIndex < 0 || sourceIndex >= source.slices.length) {
    throw new RangeError(`source slice index ${sourceIndex} is outside 0..${source.slices.length - 1}`);
  }
  if (!linkability(source, target).linkable) return null;
  const t = dot(source.slices[sourceIndex].plane.origin, target.normal);
  return nearestSliceAt(target, t);
}

/** The slice of `series` nearest to position `t` (mm along the series normal). */
export function nearestSliceAt(series: SeriesGeometry, t: number): SliceMatch {
  const { slices } = series;
  // positions are strictly descending with k
  let lo = 0;
  let hi = slices.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (slices[mid].position >= t) lo = mid;
    else hi = mid;
  }
  const index = Math.abs(slices[lo].position - t) <= Math.abs(slices[hi].position - t) ? lo : hi;
  const distanceMm = Math.abs(slices[index].position - t);
  const half = (series.sliceSpacing ?? 0) / 2;
  const top = slices[0].position + half;
  const bottom = slices[slices.length - 1].position - half;
  const eps = 1e-6;
  return { index, distanceMm, inRange: t <= top + eps && t >= bottom - eps };
}
