import { describe, expect, it } from 'vitest';
import type { CanonicalLesion, Point3 } from './canonical';
import { pixelToPatient } from './geometry';
import { maskToContours } from './labelmapContours';
import { emptyMask } from './rasterise';
import { buildSeriesGeometry, type SeriesGeometry } from './seriesGeometry';
import { measureLesion, rasteriseLesion } from './volume';
import { seededRandom, syntheticInstances } from './testing/syntheticSeries';

function lesion(series: SeriesGeometry, contours: CanonicalLesion['contours']): CanonicalLesion {
  return { id: 'L1', label: 'primary tumour', seriesInstanceUid: series.seriesInstanceUid, contours };
}

/** A polygon given in pixel coordinates of slice k, as patient points. */
function onSlice(series: SeriesGeometry, k: number, pixels: [number, number][]) {
  return { sopInstanceUid: series.slices[k].sopInstanceUid, points: pixels.map(([x, y]) => pixelToPatient(series.slices[k].plane, x, y) as Point3) };
}

function circle(cx: number, cy: number, rx: number, ry: number, n = 720): [number, number][] {
  return Array.from({ length: n }, (_, m) => [cx + rx * Math.cos((2 * Math.PI * m) / n), cy + ry * Math.sin((2 * Math.PI * m) / n)]);
}

const axial = buildSeriesGeometry(syntheticInstances({ count: 40, rows: 120, columns: 100, pixelSpacing: [0.5, 0.8], step: [0, 0, -2.5] }));
const c = Math.cos(0.4);
const s = Math.sin(0.4);
const oblique = buildSeriesGeometry(
  syntheticInstances({
    count: 30,
    rows: 90,
    columns: 80,
    pixelSpacing: [0.7, 0.7],
    orientation: [c, s, 0, 0, 0, -1],
    firstPosition: [12, -40, 7],
    // the step must follow the normal (−s, c, 0) for a regular grid
    step: [-s * 2, c * 2, 0],
  }),
);

describe('lesion volume from the canonical form', () => {
  it('counts a box drawn on pixel edges exactly: 20 × 30 pixels on 10 slices', () => {
    const box = Array.from({ length: 10 }, (_, n) => onSlice(axial, 5 + n, [[9.5, 4.5], [29.5, 4.5], [29.5, 34.5], [9.5, 34.5]]));
    const m = measureLesion(lesion(axial, box), axial);
    expect(m.voxelCount).toBe(6000);
    expect(m.volumeMl).toBeCloseTo((6000 * 0.8 * 0.5 * 2.5) / 1000, 12);
    expect(m.sliceRange).toEqual({ first: 5, last: 14 });
    expect(m.problem).toBeNull();
  });

  it('subtracts a hole (even-odd) exactly', () => {
    const outer = onSlice(axial, 3, [[9.5, 9.5], [49.5, 9.5], [49.5, 49.5], [9.5, 49.5]]);
    const hole = onSlice(axial, 3, [[19.5, 19.5], [29.5, 19.5], [29.5, 29.5], [19.5, 29.5]]);
    expect(measureLesion(lesion(axial, [outer, hole]), axial).voxelCount).toBe(40 * 40 - 10 * 10);
  });

  it('approaches the analytic volume of a sphere (Σ disc areas) within the pixel discretisation error', () => {
    // sphere of radius 20 mm centred in the stack; disc on each slice whose plane cuts it
    const R = 20;
    const kc = 19.5; // centre between slices 19 and 20
    const contours = [];
    let analytic = 0;
    for (let k = 0; k < axial.slices.length; k++) {
      const z = (k - kc) * 2.5;
      if (Math.abs(z) >= R) continue;
      const r = Math.sqrt(R * R - z * z);
      analytic += Math.PI * r * r * 2.5; // mm³ of this slice's slab, exact for the polygon's ideal disc
      contours.push(onSlice(axial, k, circle(50, 60, r / 0.8, r / 0.5)));
    }
    const m = measureLesion(lesion(axial, contours), axial);
    const perimeterBound = contours.length * 2 * Math.PI * R * 0.8 * 2.5; // ≤ one pixel width along each outline
    expect(Math.abs(m.volumeMl! * 1000 - analytic)).toBeLessThan(perimeterBound);
    expect(Math.abs(m.volumeMl! * 1000 - analytic) / analytic).toBeLessThan(0.02);
    // and the slab sum is itself close to 4/3 π R³ for this spacing
    expect(analytic / ((4 / 3) * Math.PI * R ** 3)).toBeCloseTo(1, 1);
  });

  it('gives the same count on an oblique grid as on an axial one for the same pixel polygon', () => {
    const square: [number, number][] = [[10.5, 10.5], [30.5, 10.5], [30.5, 20.5], [10.5, 20.5]];
    expect(measureLesion(lesion(oblique, [onSlice(oblique, 4, square)]), oblique).voxelCount).toBe(200);
    expect(oblique.grid).not.toBeNull();
  });

  it('reports contours on instances outside the series and grids it cannot use', () => {
    const bad = { sopInstanceUid: '9.9.9', points: [[0, 0, 0], [1, 0, 0], [0, 1, 0]] as Point3[] };
    expect(measureLesion(lesion(axial, [bad]), axial).problem).toMatch(/not in the series/);
    const gappy = syntheticInstances({ count: 5, step: [0, 0, 3] });
    gappy.splice(2, 1);
    const irregular = buildSeriesGeometry(gappy);
    const m = measureLesion(lesion(irregular, [onSlice(irregular, 0, [[1.5, 1.5], [4.5, 1.5], [4.5, 4.5]])]), irregular);
    expect(m.volumeMl).toBeNull();
    expect(m.problem).toMatch(/not uniform/);
  });
});

describe('labelmap → canonical contours → voxels round trip', () => {
  it('reproduces random brushed masks voxel for voxel through patient coordinates (axial and oblique)', () => {
    const random = seededRandom(11);
    for (const series of [axial, oblique]) {
      for (let trial = 0; trial < 25; trial++) {
        const k = Math.floor(random() * series.slices.length);
        const mask = emptyMask(series.columns, series.rows);
        // random blobs plus salt noise
        for (let d = 0; d < 5; d++) {
          const x0 = random() * series.columns;
          const y0 = random() * series.rows;
          const r = 2 + random() * 15;
          for (let y = 0; y < series.rows; y++) for (let x = 0; x < series.columns; x++) if ((x - x0) ** 2 + (y - y0) ** 2 < r * r) mask.data[x + series.columns * y] = random() < 0.97 ? 1 : 0;
        }
        const contours = maskToContours(mask, series, k);
        const back = rasteriseLesion(lesion(series, contours), series).get(k);
        expect(back?.data, `trial ${trial}`).toEqual(mask.data);
        expect(contours.every((cc) => cc.origin === 'brush' && cc.sopInstanceUid === series.slices[k].sopInstanceUid)).toBe(true);
      }
    }
  });
});
