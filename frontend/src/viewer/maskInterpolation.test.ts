import { describe, expect, it } from 'vitest';
import { interpolateMasks, squaredDistanceTo } from './maskInterpolation';
import { countMask, emptyMask, type Mask2D } from './rasterise';
import { seededRandom } from './testing/syntheticSeries';

function disc(w: number, h: number, cx: number, cy: number, r: number): Mask2D {
  const m = emptyMask(w, h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) m.data[x + w * y] = 1;
  return m;
}

function centroid(m: Mask2D): [number, number] {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) if (m.data[x + m.width * y]) { sx += x; sy += y; n++; }
  return [sx / n, sy / n];
}

describe('distance transform', () => {
  it('equals brute-force squared Euclidean distances with anisotropic spacing', () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 20; trial++) {
      const m = emptyMask(17, 13);
      for (let p = 0; p < m.data.length; p++) m.data[p] = random() < 0.1 ? 1 : 0;
      m.data[Math.floor(random() * m.data.length)] = 1;
      const d = squaredDistanceTo(m, 1, 0.7, 1.3);
      for (let y = 0; y < 13; y++) {
        for (let x = 0; x < 17; x++) {
          let best = Infinity;
          for (let v = 0; v < 13; v++) for (let u = 0; u < 17; u++) if (m.data[u + 17 * v]) best = Math.min(best, ((x - u) * 0.7) ** 2 + ((y - v) * 1.3) ** 2);
          expect(d[x + 17 * y]).toBeCloseTo(best, 9);
        }
      }
    }
  });
});

describe('shape-based interpolation of labelmap slices', () => {
  it('grows a disc linearly in radius between key slices of radius 10 and 20', () => {
    const [mid] = interpolateMasks(disc(64, 64, 32, 32, 10), disc(64, 64, 32, 32, 20), 1, 1, 1);
    const area = countMask(mid);
    expect(Math.abs(area - Math.PI * 15 * 15)).toBeLessThan(2 * Math.PI * 15); // within one pixel of the perimeter
    const quarter = interpolateMasks(disc(64, 64, 32, 32, 10), disc(64, 64, 32, 32, 20), 3, 1, 1);
    expect(quarter.map(countMask)).toEqual([...quarter.map(countMask)].sort((a, b) => a - b));
  });

  it('moves a shape half-way when it shifts between overlapping key slices', () => {
    const [mid] = interpolateMasks(disc(80, 40, 30, 20, 12), disc(80, 40, 40, 20, 12), 1, 1, 1);
    const [cx, cy] = centroid(mid);
    expect(cx).toBeCloseTo(35, 0);
    expect(cy).toBeCloseTo(20, 5);
  });

  it('gives nothing half-way between shapes that do not overlap (a known limit of the method)', () => {
    const [mid] = interpolateMasks(disc(80, 40, 20, 20, 8), disc(80, 40, 50, 20, 8), 1, 1, 1);
    expect(countMask(mid)).toBe(0);
  });

  it('leaves identical key slices unchanged and refuses empty keys', () => {
    const a = disc(30, 30, 12, 15, 6);
    for (const m of interpolateMasks(a, a, 3, 0.8, 0.8)) expect(m.data).toEqual(a.data);
    expect(() => interpolateMasks(a, emptyMask(30, 30), 1, 1, 1)).toThrow(/must contain the shape/);
    expect(() => interpolateMasks(a, emptyMask(31, 30), 1, 1, 1)).toThrow(/differ in size/);
  });
});
