import { emptyMask, type Mask2D } from './rasterise';

/**
 * Labelmap interpolation between slices: shape-based interpolation (Raya & Udupa, IEEE TMI 1990; Herman et al.
 * 1992). Each key slice becomes a signed Euclidean distance map in mm (negative inside), the maps are blended
 * linearly at the gap slice's fractional position, and the zero level set is the interpolated shape. Cornerstone
 * 5.14 interpolates contour annotations only; this covers brushed (labelmap) lesions.
 */

const INF = 1e20;

/** 1-D squared distance transform with weight w (spacing²), lower envelope of parabolas (Felzenszwalb & Huttenlocher 2012). */
function transform1d(f: Float64Array, n: number, w: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s: number;
    for (;;) {
      const p = v[k];
      s = (f[q] + w * q * q - (f[p] + w * p * p)) / (2 * w * (q - p));
      if (s <= z[k] && k > 0) k--;
      else break;
    }
    if (s <= z[k]) {
      // k === 0 and the new parabola dominates everywhere
      v[0] = q;
      z[0] = -Infinity;
      z[1] = Infinity;
      k = 0;
      continue;
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1] < q) k++;
    const p = v[k];
    d[q] = w * (q - p) * (q - p) + f[p];
  }
}

/** Squared Euclidean distance (mm²) from every pixel centre to the nearest pixel where `target(p)` holds. */
export function squaredDistanceTo(mask: Mask2D, target: 0 | 1, sx: number, sy: number): Float64Array {
  const { width, height, data } = mask;
  const out = new Float64Array(width * height);
  for (let p = 0; p < out.length; p++) out[p] = (data[p] ? 1 : 0) === target ? 0 : INF;
  const n = Math.max(width, height);
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) f[x] = out[x + width * y];
    transform1d(f, width, sx * sx, d, v, z);
    for (let x = 0; x < width; x++) out[x + width * y] = d[x];
  }
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) f[y] = out[x + width * y];
    transform1d(f, height, sy * sy, d, v, z);
    for (let y = 0; y < height; y++) out[x + width * y] = d[y];
  }
  return out;
}

/** Signed distance map (mm): positive outside the shape, negative inside, zero crossing half-way between pixels. */
export function signedDistance(mask: Mask2D, sx: number, sy: number): Float64Array {
  const toInside = squaredDistanceTo(mask, 1, sx, sy);
  const toOutside = squaredDistanceTo(mask, 0, sx, sy);
  const out = new Float64Array(toInside.length);
  for (let p = 0; p < out.length; p++) {
    out[p] = mask.data[p] ? -Math.sqrt(toOutside[p]) : Math.sqrt(toInside[p]);
  }
  return out;
}

function isEmpty(mask: Mask2D): boolean {
  return !mask.data.some((x) => x !== 0);
}

/**
 * The shapes of the `gap` slices between key slices `a` and `b` (a first), by blending their signed distance maps at
 * t = m / (gap + 1). Both keys must be non-empty (a shape cannot be interpolated towards nothing).
 */
export function interpolateMasks(a: Mask2D, b: Mask2D, gap: number, sx: number, sy: number): Mask2D[] {
  if (a.width !== b.width || a.height !== b.height) throw new RangeError('key slices differ in size');
  if (!Number.isInteger(gap) || gap < 0) throw new RangeError(`gap must be a non-negative integer, got ${gap}`);
  if (isEmpty(a) || isEmpty(b)) throw new RangeError('both key slices must contain the shape');
  const da = signedDistance(a, sx, sy);
  const db = signedDistance(b, sx, sy);
  const result: Mask2D[] = [];
  for (let m = 1; m <= gap; m++) {
    const t = m / (gap + 1);
    const mask = emptyMask(a.width, a.height);
    for (let p = 0; p < mask.data.length; p++) {
      if ((1 - t) * da[p] + t * db[p] < 0) mask.data[p] = 1;
    }
    result.push(mask);
  }
  return result;
}
