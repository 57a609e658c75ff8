import { traceBoundaries } from './boundaryTracer';
import type { CanonicalContour, ContourOrigin, Point3 } from './canonical';
import { pixelToPatient } from './geometry';
import type { Mask2D } from './rasterise';
import type { SeriesGeometry } from './seriesGeometry';

/**
 * Labelmap (brush) slices → canonical contours: the pixel-edge outlines of the slice's mask (outer boundaries and
 * holes), in patient coordinates on the slice's plane. Rasterising them with the even–odd centre rule gives the
 * same pixels back (boundaryTracer.ts), so saving a brushed lesion loses nothing.
 */
export function maskToContours(mask: Mask2D, series: SeriesGeometry, k: number, origin: ContourOrigin = 'brush'): CanonicalContour[] {
  const slice = series.slices[k];
  if (!slice) throw new RangeError(`slice ${k} is outside 0..${series.slices.length - 1}`);
  if (mask.width !== series.columns || mask.height !== series.rows) {
    throw new RangeError(`mask is ${mask.width}×${mask.height}, the series is ${series.columns}×${series.rows}`);
  }
  return traceBoundaries(mask).map(({ points }) => ({
    sopInstanceUid: slice.sopInstanceUid,
    points: points.map(([x, y]) => pixelToPatient(slice.plane, x, y) as Point3),
    origin,
  }));
}

/** The pixels equal to `label` in one labelmap slice (values as stored by Cornerstone: segment index per pixel). */
export function maskOfLabel(values: ArrayLike<number>, width: number, height: number, label: number): Mask2D | null {
  if (values.length !== width * height) throw new RangeError(`labelmap slice has ${values.length} values, expected ${width * height}`);
  let data: Uint8Array | null = null;
  for (let n = 0; n < values.length; n++) {
    if (values[n] === label) {
      data ??= new Uint8Array(width * height);
      data[n] = 1;
    }
  }
  return data ? { width, height, data } : null;
}
