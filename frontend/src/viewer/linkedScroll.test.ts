import { describe, expect, it } from 'vitest';
import { linkability, matchSlice } from './linkedScroll';
import { buildSeriesGeometry } from './seriesGeometry';
import { syntheticInstances } from './testing/syntheticSeries';

// the demo situation: 79 slices at 3 mm (z 250.91..484.91) and a second phase at 6 mm over a sub-range
const arterial = buildSeriesGeometry(
  syntheticInstances({ seriesUid: '1.1', count: 79, firstPosition: [0, 0, 484.91], step: [0, 0, -3] }),
);
const venous = buildSeriesGeometry(
  syntheticInstances({ seriesUid: '1.2', count: 31, firstPosition: [3, -2, 460.91], step: [0, 0, -6] }),
);

function bruteForceNearest(z: number, zs: number[]): number {
  let best = 0;
  zs.forEach((t, n) => {
    if (Math.abs(t - z) < Math.abs(zs[best] - z)) best = n;
  });
  return best;
}

describe('linked scrolling by patient position', () => {
  it('maps every slice to the nearest slice of the other series by z, not by index', () => {
    const zsV = venous.slices.map((s) => s.plane.origin[2]);
    for (let k = 0; k < arterial.slices.length; k++) {
      const z = arterial.slices[k].plane.origin[2];
      const m = matchSlice(arterial, k, venous)!;
      expect(Math.abs(zsV[m.index] - z)).toBeCloseTo(Math.abs(zsV[bruteForceNearest(z, zsV)] - z), 9);
      expect(m.distanceMm).toBeCloseTo(Math.abs(zsV[m.index] - z), 9);
      expect(m.inRange).toBe(z <= 460.91 + 3 + 1e-9 && z >= 460.91 - 30 * 6 - 3 - 1e-9);
    }
  });

  it('finds the exact slice when positions coincide, in both directions', () => {
    // arterial slice 8 is at z = 460.91 = venous slice 0; arterial 10 (454.91) = venous 1
    expect(matchSlice(arterial, 8, venous)).toEqual({ index: 0, distanceMm: 0, inRange: true });
    expect(matchSlice(arterial, 10, venous)?.index).toBe(1);
    expect(matchSlice(venous, 1, arterial)?.index).toBe(10);
    expect(matchSlice(venous, 30, arterial)?.index).toBe(68);
  });

  it('clamps and flags positions outside the other series', () => {
    const m = matchSlice(arterial, 0, venous)!;
    expect(m.index).toBe(0);
    expect(m.inRange).toBe(false);
    expect(m.distanceMm).toBeCloseTo(24, 9);
  });

  it('refuses to link across frames of reference or non-parallel planes', () => {
    const other = buildSeriesGeometry(syntheticInstances({ seriesUid: '2.1', frameOfReferenceUid: '9.9', count: 3 }));
    expect(matchSlice(arterial, 0, other)).toBeNull();
    expect(linkability(arterial, other)).toMatchObject({ linkable: false, reason: expect.stringMatching(/frames of reference/) });
    const coronal = buildSeriesGeometry(
      syntheticInstances({ seriesUid: '3.1', count: 3, orientation: [1, 0, 0, 0, 0, -1], step: [0, 2, 0] }),
    );
    expect(matchSlice(arterial, 0, coronal)).toBeNull();
    expect(() => matchSlice(arterial, 79, venous)).toThrow(RangeError);
  });
});
