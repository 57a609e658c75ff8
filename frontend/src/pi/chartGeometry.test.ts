import { describe, expect, it } from 'vitest';
import {
  blandAltmanAxes,
  blandAltmanLayout,
  diceAxis,
  frame,
  linearScale,
  niceExtent,
  niceStep,
  pairStyles,
  PAIR_COLOURS,
  ticks,
  whisker,
  type BlandAltmanInput,
} from './chartGeometry';

const point = (a: string, b: string, meanMl: number, diffMl: number, caseId = 1) => ({ a, b, meanMl, diffMl, caseId, label: 'L' });

describe('scales and ticks', () => {
  it('maps linearly, including inverted screen y', () => {
    const s = linearScale([0, 10], [100, 0]);
    expect(s(0)).toBe(100);
    expect(s(10)).toBe(0);
    expect(s(2.5)).toBe(75);
    expect(linearScale([3, 3], [0, 50])(3)).toBe(25);
  });

  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(1, 5)).toBeCloseTo(0.2, 12);
    expect(niceStep(37, 5)).toBe(10);
    expect(niceStep(0.07, 5)).toBeCloseTo(0.02, 12);
    expect(niceStep(0, 5)).toBe(1);
  });

  it('widens extents to nice bounds and lists clean ticks', () => {
    expect(niceExtent(0.3, 9.2)).toEqual([0, 10]);
    expect(niceExtent(-3.1, 3.1, 6)).toEqual([-4, 4]);
    expect(niceExtent(5, 5)).toEqual([4.4, 5.6]);
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(-4, 4, 6)).toEqual([-4, -2, 0, 2, 4]);
  });
});

describe('Bland–Altman geometry', () => {
  const input: BlandAltmanInput = {
    points: [point('r1', 'r2', 12.4, -1.5, 1), point('r1', 'r2', 8, 0.5, 2), point('r1', 'r3', 10, 3.2, 1)],
    pairs: [
      { a: 'r1', b: 'r2', n: 2, biasMl: -0.5, lowerLoaMl: -3.27, upperLoaMl: 2.27 },
      { a: 'r1', b: 'r3', n: 1, biasMl: 3.2, lowerLoaMl: null, upperLoaMl: null },
    ],
  };

  it('runs x from zero past the largest mean and y symmetrically past every difference and limit', () => {
    const axes = blandAltmanAxes(input);
    expect(axes.x).toEqual([0, 15]); // 12.4 over at most 5 steps: step 5
    expect(axes.y).toEqual([-4, 4]);
    expect(axes.xTicks[0]).toBe(0);
    expect(axes.xTicks).toEqual([0, 5, 10, 15]);
    expect(axes.yTicks).toContain(0);
  });

  it('has a usable frame even without points', () => {
    const axes = blandAltmanAxes({ points: [], pairs: [] });
    expect(axes.x).toEqual([0, 1]);
    expect(axes.y).toEqual([-1, 1]);
  });

  it('places points and one bias and two limit lines per pair with enough reads', () => {
    const f = frame(500, 300, { left: 50, right: 10, top: 10, bottom: 40 });
    const layout = blandAltmanLayout(input, f);
    expect(layout.points).toHaveLength(3);
    const p = layout.points[2];
    expect(p.x).toBeCloseTo(50 + (10 / 15) * 440, 9);
    expect(p.y).toBeCloseTo(260 - ((3.2 + 4) / 8) * 250, 9);
    expect(layout.zeroY).toBeCloseTo(135, 9);
    expect(layout.lines.filter((l) => l.pair === 'r1|r2').map((l) => l.kind)).toEqual(['bias', 'lower', 'upper']);
    expect(layout.lines.filter((l) => l.pair === 'r1|r3').map((l) => l.kind)).toEqual(['bias']);
    for (const l of layout.lines) expect(l.y).toBeGreaterThanOrEqual(f.top);
    for (const l of layout.lines) expect(l.y).toBeLessThanOrEqual(f.bottom);
  });

  it('gives every pair its own colour, and a new shape once the palette repeats', () => {
    const readers = ['a', 'b', 'c', 'd', 'e'];
    const pairs = readers.flatMap((a, i) => readers.slice(i + 1).map((b) => ({ a, b, n: 0, biasMl: null, lowerLoaMl: null, upperLoaMl: null })));
    const styles = pairStyles({ points: [], pairs });
    expect(styles).toHaveLength(10);
    expect(new Set(styles.slice(0, PAIR_COLOURS.length).map((s) => s.colour)).size).toBe(PAIR_COLOURS.length);
    expect(styles[0].shape).toBe('circle');
    expect(styles[8].shape).toBe('square');
    expect(new Set(styles.map((s) => `${s.colour}/${s.shape}`)).size).toBe(10);
  });
});

describe('confidence-interval whiskers', () => {
  const scale = linearScale([0.5, 1], [100, 600]);

  it('spans the axis from 0.5 (or lower) to 1', () => {
    expect(diceAxis([0.8, 0.95, null])).toEqual([0.5, 1]);
    expect(diceAxis([0.62, 0.31])).toEqual([0.3, 1]);
    expect(diceAxis([-0.2])).toEqual([0, 1]);
    expect(diceAxis([])).toEqual([0.5, 1]);
  });

  it('places mean and interval ends', () => {
    const w = whisker(0.8, 0.7, 0.9, scale)!;
    expect(w.cx).toBeCloseTo(400, 9);
    expect(w.x1).toBeCloseTo(300, 9);
    expect(w.x2).toBeCloseTo(500, 9);
    expect([w.clippedLow, w.clippedHigh]).toEqual([false, false]);
  });

  it('draws no interval for a single case and nothing without a mean', () => {
    const w = whisker(0.8, null, null, scale)!;
    expect(w.cx).toBeCloseTo(400, 9);
    expect([w.x1, w.x2, w.clippedLow, w.clippedHigh]).toEqual([null, null, false, false]);
    expect(whisker(null, null, null, scale)).toBeNull();
  });

  it('clips bounds beyond the axis and says so', () => {
    const w = whisker(0.97, 0.9, 1.04, scale)!;
    expect(w.x2).toBe(600);
    expect(w.clippedHigh).toBe(true);
    expect(w.clippedLow).toBe(false);
    expect(whisker(0.55, 0.41, 0.69, scale)).toMatchObject({ x1: 100, clippedLow: true });
  });
});
