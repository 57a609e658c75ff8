/**
 * Even–odd rasterisation of polygons on one slice's pixel grid — the rule the server uses to turn canonical
 * contours into voxels.
 *
 * Coordinates are continuous pixel indices (x = column i, y = row j); pixel (i, j) has its centre at (i, j).
 * Pixel centre (x, y) is inside when a ray from it towards +x crosses an odd number of polygon edges, where
 * edge (a, b) crosses when (a.y > y) ≠ (b.y > y) and x < a.x + (y − a.y)·(b.x − a.x)/(b.y − a.y)
 * (W. R. Franklin's PNPOLY crossing test). All polygons given for a slice count together (holes work by parity).
 */

export type Point2 = [number, number];

/** One binary slice: width × height, index x + width·y, 1 = inside. */
export interface Mask2D {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export function emptyMask(width: number, height: number): Mask2D {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`mask size must be positive integers, got ${width}×${height}`);
  }
  return { width, height, data: new Uint8Array(width * height) };
}

/**
 * Sets to 1 the pixels of `mask` whose centres are inside the polygons, even–odd over all of them together (a
 * polygon inside another is a hole). Pixels outside the grid are ignored. Returns the number of pixels inside.
 */
export function rasterisePolygons(polygons: readonly (readonly Point2[])[], mask: Mask2D): number {
  const { width, height, data } = mask;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const poly of polygons) {
    for (const [, y] of poly) {
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (!(minY <= maxY)) return 0;
  const jStart = Math.max(0, Math.ceil(minY) - 1);
  const jEnd = Math.min(height - 1, Math.floor(maxY) + 1);
  const crossings: number[] = [];
  let count = 0;
  for (let j = jStart; j <= jEnd; j++) {
    crossings.length = 0;
    for (const poly of polygons) {
      const n = poly.length;
      for (let e = 0, prev = n - 1; e < n; prev = e++) {
        const a = poly[prev];
        const b = poly[e];
        if (a[1] > j !== b[1] > j) {
          crossings.push(a[0] + ((j - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
        }
      }
    }
    if (crossings.length < 2) continue;
    crossings.sort((p, q) => p - q);
    // centre x is inside iff an odd number of crossings lie strictly right of it: x ∈ [c(2n), c(2n+1))
    for (let c = 0; c + 1 < crossings.length; c += 2) {
      const iStart = Math.max(0, Math.ceil(crossings[c]));
      const iEnd = Math.min(width - 1, Math.ceil(crossings[c + 1]) - 1);
      const row = j * width;
      for (let i = iStart; i <= iEnd; i++) {
        data[row + i] = 1;
        count++;
      }
    }
  }
  return count;
}

/** The reference point-in-polygon test (same rule, one point), for tests and hit-testing. */
export function insideEvenOdd(polygons: readonly (readonly Point2[])[], x: number, y: number): boolean {
  let inside = false;
  for (const poly of polygons) {
    const n = poly.length;
    for (let e = 0, prev = n - 1; e < n; prev = e++) {
      const a = poly[prev];
      const b = poly[e];
      if (a[1] > y !== b[1] > y && x < a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1])) inside = !inside;
    }
  }
  return inside;
}

export function countMask(mask: Mask2D): number {
  let n = 0;
  for (let p = 0; p < mask.data.length; p++) n += mask.data[p] ? 1 : 0;
  return n;
}
