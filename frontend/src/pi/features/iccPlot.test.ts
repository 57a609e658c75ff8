import { describe, expect, it } from 'vitest';
import type { FeatureIcc } from '../../api/features';
import { frame } from '../chartGeometry';
import { iccAxis, iccPlotLayout } from './iccPlot';

const f = (feature: string, v: number | null, low: number | null, high: number | null, v31: number | null = v): FeatureIcc => ({
  feature, icc21: v, icc21Low: low, icc21High: high, icc31: v31, icc31Low: null, icc31High: null,
});

describe('ICC plot geometry', () => {
  it('spans up to 1 and down to 0, or to the tenth below the lowest value, never below −1', () => {
    expect(iccAxis([0.95, 0.3])).toEqual([0, 1]);
    expect(iccAxis([0.9, -0.35])).toEqual([-0.4, 1]);
    expect(iccAxis([-0.3])).toEqual([-0.3, 1]);
    expect(iccAxis([-3])).toEqual([-1, 1]);
    expect(iccAxis([null])).toEqual([0, 1]);
    expect(iccAxis([])).toEqual([0, 1]);
  });

  // plot area x 50–450, y 10 (ICC 1) – 210 (ICC −1): y(v) = 210 − 100·(v + 1)
  const box = frame(500, 240, { left: 50, right: 50, top: 10, bottom: 30 });

  it('places features by rank, ICC and CI, clipping intervals beyond the axis', () => {
    const layout = iccPlotLayout(
      [f('mid', 0.5, -0.2, 0.8), f('none', null, null, null), f('best', 0.95, 0.9, 0.99), f('wide', 0.8, -2, 0.95)],
      'ICC21',
      box,
    );
    expect(layout.domain).toEqual([-1, 1]);
    expect(layout.undefinedCount).toBe(1);
    expect(layout.marks.map((m) => m.feature)).toEqual(['best', 'wide', 'mid']);
    expect(layout.step).toBeCloseTo(400 / 3, 9);
    const [best, wide, mid] = layout.marks;
    expect(best.x).toBeCloseTo(50 + 400 / 6, 9);
    expect(mid.x).toBeCloseTo(450 - 400 / 6, 9);
    expect(best.y).toBeCloseTo(15, 9);
    expect(best.y1).toBeCloseTo(20, 9);
    expect(best.y2).toBeCloseTo(11, 9);
    expect(best.clippedLow).toBe(false);
    expect(wide.y1).toBeCloseTo(210, 9);
    expect(wide.clippedLow).toBe(true);
    expect(mid.y).toBeCloseTo(60, 9);
    expect(layout.marks.map((m) => m.passesGood)).toEqual([true, true, false]);
    expect(layout.marks.map((m) => m.rank)).toEqual([1, 2, 3]);
  });

  it('shades 0.75–0.9 and 0.9–1 and draws both reference lines', () => {
    const layout = iccPlotLayout([f('a', 0.5, -1, 1)], 'ICC21', box);
    expect(layout.bands.map((b) => [b.kind, b.from, b.to])).toEqual([['good', 0.75, 0.9], ['excellent', 0.9, 1]]);
    expect(layout.bands[0].yTop).toBeCloseTo(20, 9);
    expect(layout.bands[0].yBottom).toBeCloseTo(35, 9);
    expect(layout.bands[1].yTop).toBeCloseTo(10, 9);
    expect(layout.references.map((r) => r.value)).toEqual([0.75, 0.9]);
    expect(layout.references[0].y).toBeCloseTo(35, 9);
  });

  it('has no whisker without an interval and orders by the ICC type asked for', () => {
    const layout = iccPlotLayout([f('a', 0.9, null, null, 0.1), f('b', 0.2, null, null, 0.8)], 'ICC31', box);
    expect(layout.marks.map((m) => m.feature)).toEqual(['b', 'a']);
    expect(layout.domain).toEqual([0, 1]);
    expect(layout.marks[0].y1).toBeNull();
    expect(layout.marks[0].y2).toBeNull();
  });

  it('labels the first rank and round ranks on the x axis', () => {
    const many = Array.from({ length: 211 }, (_, i) => f(`f${i}`, 1 - i / 300, null, null));
    const layout = iccPlotLayout(many, 'ICC21', box);
    expect(layout.xTicks.map((t) => t.rank)).toEqual([1, 50, 100, 150, 200]);
    expect(layout.xTicks[0].x).toBeCloseTo(50 + 400 / 211 / 2, 9);
    expect(iccPlotLayout([], 'ICC21', box).marks).toEqual([]);
  });
});
