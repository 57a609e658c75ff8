import { describe, expect, it } from 'vitest';
import { traceBoundaries } from './boundaryTracer';
import { emptyMask, insideEvenOdd, rasterisePolygons, type Mask2D, type Point2 } from './rasterise';
import { seededRandom } from './testing/syntheticSeries';

function maskFrom(rows: string[]): Mask2D {
  const m = emptyMask(rows[0].length, rows.length);
  rows.forEach((r, y) => [...r].forEach((c, x) => (m.data[x + m.width * y] = c === '#' ? 1 : 0)));
  return m;
}

function roundTrip(mask: Mask2D): Mask2D {
  const back = emptyMask(mask.width, mask.height);
  rasterisePolygons(
    traceBoundaries(mask).map((p) => p.points),
    back,
  );
  return back;
}

function randomMask(width: number, height: number, density: number, random: () => number): Mask2D {
  const m = emptyMask(width, height);
  for (let n = 0; n < m.data.length; n++) m.data[n] = random() < density ? 1 : 0;
  return m;
}

/** Blobby masks: union of random discs minus random discs (holes, touching parts, image borders). */
function blobMask(width: number, height: number, random: () => number): Mask2D {
  const m = emptyMask(width, height);
  const discs = Array.from({ length: 6 }, () => ({ x: random() * width, y: random() * height, r: 1 + random() * 8, add: random() < 0.7 }));
  for (const d of discs) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if ((x - d.x) ** 2 + (y - d.y) ** 2 <= d.r * d.r) m.data[x + width * y] = d.add ? 1 : 0;
      }
    }
  }
  return m;
}

describe('pixel-edge boundary tracer', () => {
  it('reproduces random masks exactly under the even-odd centre rule (noise, all densities)', () => {
    const random = seededRandom(20261127);
    for (let trial = 0; trial < 300; trial++) {
      const w = 1 + Math.floor(random() * 24);
      const h = 1 + Math.floor(random() * 24);
      const mask = randomMask(w, h, random(), random);
      expect(roundTrip(mask).data, `trial ${trial} (${w}×${h})`).toEqual(mask.data);
    }
  });

  it('reproduces blobby masks with holes and border contact exactly', () => {
    const random = seededRandom(42);
    for (let trial = 0; trial < 200; trial++) {
      const mask = blobMask(40, 30, random);
      expect(roundTrip(mask).data, `trial ${trial}`).toEqual(mask.data);
    }
  });

  it('gives one rectangle with four corner vertices for a solid block', () => {
    const polys = traceBoundaries(maskFrom(['.....', '.###.', '.###.', '.....']));
    expect(polys).toHaveLength(1);
    expect(polys[0].isHole).toBe(false);
    expect(polys[0].points).toEqual([
      [3.5, 0.5],
      [3.5, 2.5],
      [0.5, 2.5],
      [0.5, 0.5],
    ]);
  });

  it('separates an outer boundary from a hole', () => {
    const polys = traceBoundaries(maskFrom(['#####', '#...#', '#.#.#', '#...#', '#####']));
    expect(polys.map((p) => p.isHole).sort()).toEqual([false, false, true]);
    const hole = polys.find((p) => p.isHole)!;
    expect(hole.points).toHaveLength(4);
  });

  it('keeps diagonally touching pixels in separate, non-crossing loops', () => {
    const polys = traceBoundaries(maskFrom(['#.', '.#']));
    expect(polys).toHaveLength(2);
    for (const p of polys) expect(p.points).toHaveLength(4);
  });

  it('puts vertices only on pixel corners and only where the direction changes', () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 50; trial++) {
      for (const { points } of traceBoundaries(blobMask(30, 30, random))) {
        expect(points.length).toBeGreaterThanOrEqual(4);
        for (let n = 0; n < points.length; n++) {
          const [x, y] = points[n];
          expect(Math.abs(x % 1)).toBe(0.5);
          expect(Math.abs(y % 1)).toBe(0.5);
          const a = points[(n + points.length - 1) % points.length];
          const c = points[(n + 1) % points.length];
          const collinear = (a[0] === x && x === c[0]) || (a[1] === y && y === c[1]);
          expect(collinear).toBe(false);
        }
      }
    }
  });

  it('traces the 12 corners of a plus sign', () => {
    const polys = traceBoundaries(maskFrom(['.#.', '###', '.#.']));
    expect(polys).toHaveLength(1);
    expect(polys[0].points).toHaveLength(12);
  });

  it('returns nothing for an empty mask', () => {
    expect(traceBoundaries(emptyMask(4, 4))).toEqual([]);
  });
});

describe('even-odd rasteriser', () => {
  it('agrees with the point-by-point PNPOLY test on random (self-intersecting) polygons', () => {
    const random = seededRandom(99);
    for (let trial = 0; trial < 200; trial++) {
      const polys: Point2[][] = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        Array.from({ length: 3 + Math.floor(random() * 8) }, () => [random() * 24 - 2, random() * 20 - 2] as Point2),
      );
      const mask = emptyMask(20, 16);
      const n = rasterisePolygons(polys, mask);
      let expected = 0;
      for (let y = 0; y < 16; y++) {
        for (let x = 0; x < 20; x++) {
          const inside = insideEvenOdd(polys, x, y);
          expected += inside ? 1 : 0;
          expect(mask.data[x + 20 * y], `trial ${trial} at ${x},${y}`).toBe(inside ? 1 : 0);
        }
      }
      expect(n).toBe(expected);
    }
  });

  it('counts the pixels of an axis-aligned rectangle on pixel edges exactly', () => {
    const mask = emptyMask(50, 50);
    expect(rasterisePolygons([[[9.5, 4.5], [29.5, 4.5], [29.5, 34.5], [9.5, 34.5]]], mask)).toBe(20 * 30);
  });

  it('includes a centre lying exactly on a left edge and excludes one on a right edge (the PNPOLY tie rule)', () => {
    const square: Point2[] = [[2, 1.5], [5, 1.5], [5, 3.5], [2, 3.5]];
    const mask = emptyMask(8, 6);
    rasterisePolygons([square], mask);
    expect(mask.data[2 + 8 * 2]).toBe(1);
    expect(mask.data[5 + 8 * 2]).toBe(0);
    expect(insideEvenOdd([square], 2, 2)).toBe(true);
    expect(insideEvenOdd([square], 5, 2)).toBe(false);
  });
});
