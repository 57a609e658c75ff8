/**
 * Geometry of the hand-made SVG charts: linear scales, "nice" axis ticks, the Bland–Altman plot's axes and marks,
 * and the confidence-interval whiskers of the per-reader summary. Pure functions; the components only draw.
 */

export interface Scale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
}

/** Maps [d0, d1] linearly onto [r0, r1]; a zero-width domain maps everything to the middle of the range. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const f = ((value: number) =>
    d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0)) as Scale;
  f.domain = domain;
  f.range = range;
  return f;
}

/** The step 1, 2 or 5 × 10^k that divides the span into at most maxTicks intervals. */
export function niceStep(span: number, maxTicks: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, maxTicks);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) {
    if (m * power >= raw - 1e-12 * power) return m * power;
  }
  return 10 * power;
}

/** Rounds away floating-point noise (0.30000000000000004 → 0.3) at the precision of the step. */
function clean(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(decimals, 12)));
}

/** [min, max] widened outwards to multiples of a nice step. */
export function niceExtent(min: number, max: number, maxTicks = 5): [number, number] {
  if (max < min) [min, max] = [max, min];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, maxTicks);
  return [clean(Math.floor(min / step + 1e-9) * step, step), clean(Math.ceil(max / step - 1e-9) * step, step)];
}

/** Tick values at multiples of a nice step inside [min, max]. */
export function ticks(min: number, max: number, maxTicks = 5): number[] {
  const step = niceStep(max - min, maxTicks);
  const out: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) out.push(clean(v, step));
  return out;
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The plotting area of an SVG of the given size with margins (left, right, top, bottom). */
export function frame(width: number, height: number, margin: { left: number; right: number; top: number; bottom: number }): Frame {
  return { width, height, left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
}

// ---------------------------------------------------------------------------------------------------------------
// Bland–Altman

export interface BlandAltmanInput {
  points: { a: string; b: string; meanMl: number; diffMl: number; caseId: number; label: string }[];
  pairs: { a: string; b: string; n: number; biasMl: number | null; lowerLoaMl: number | null; upperLoaMl: number | null }[];
}

export interface BlandAltmanAxes {
  x: [number, number];
  y: [number, number];
  xTicks: number[];
  yTicks: number[];
}

/**
 * Axes of a Bland–Altman plot: x (mean volume) from 0 to the largest mean, y (difference) symmetric about zero so
 * that a bias is seen as an offset from the centre line; both cover every point, bias and limit of agreement.
 */
export function blandAltmanAxes(input: BlandAltmanInput): BlandAltmanAxes {
  const means = input.points.map((p) => p.meanMl).filter(Number.isFinite);
  const ys = [
    ...input.points.map((p) => p.diffMl),
    ...input.pairs.flatMap((p) => [p.biasMl, p.lowerLoaMl, p.upperLoaMl]),
  ].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const maxMean = Math.max(0, ...means);
  const x = niceExtent(Math.min(0, ...means), maxMean > 0 ? maxMean : 1);
  const reach = Math.max(0, ...ys.map(Math.abs));
  const y = niceExtent(-(reach > 0 ? reach : 1), reach > 0 ? reach : 1, 6);
  const half = Math.max(Math.abs(y[0]), Math.abs(y[1]));
  const ySym: [number, number] = [-half, half];
  return { x, y: ySym, xTicks: ticks(x[0], x[1]), yTicks: ticks(ySym[0], ySym[1], 6) };
}

/** Key of a reader pair as the API orders it (a before b). */
export const pairKey = (a: string, b: string) => `${a}|${b}`;

/** Okabe–Ito colour-blind-safe palette (without black, which vanishes on the dark theme). */
export const PAIR_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#bbbbbb'];
export const PAIR_SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;
export type Shape = (typeof PAIR_SHAPES)[number];

export interface PairStyle {
  key: string;
  a: string;
  b: string;
  colour: string;
  shape: Shape;
}

/** One colour (and, past eight pairs, another marker shape) per reader pair, in first-seen order. */
export function pairStyles(input: BlandAltmanInput): PairStyle[] {
  const seen = new Map<string, { a: string; b: string }>();
  for (const p of [...input.pairs, ...input.points]) if (!seen.has(pairKey(p.a, p.b))) seen.set(pairKey(p.a, p.b), p);
  return [...seen.entries()].map(([key, p], i) => ({
    key,
    a: p.a,
    b: p.b,
    colour: PAIR_COLOURS[i % PAIR_COLOURS.length],
    shape: PAIR_SHAPES[Math.floor(i / PAIR_COLOURS.length) % PAIR_SHAPES.length],
  }));
}

export interface PlacedPoint {
  x: number;
  y: number;
  pair: string;
  caseId: number;
  label: string;
  meanMl: number;
  diffMl: number;
}

export interface PlacedLine {
  pair: string;
  kind: 'bias' | 'lower' | 'upper';
  value: number;
  y: number;
}

export interface BlandAltmanLayout {
  axes: BlandAltmanAxes;
  points: PlacedPoint[];
  lines: PlacedLine[];
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
  zeroY: number;
}

export function blandAltmanLayout(input: BlandAltmanInput, f: Frame): BlandAltmanLayout {
  const axes = blandAltmanAxes(input);
  const sx = linearScale(axes.x, [f.left, f.right]);
  const sy = linearScale(axes.y, [f.bottom, f.top]);
  const lines: PlacedLine[] = [];
  for (const p of input.pairs) {
    const key = pairKey(p.a, p.b);
    if (p.biasMl !== null) lines.push({ pair: key, kind: 'bias', value: p.biasMl, y: sy(p.biasMl) });
    if (p.lowerLoaMl !== null) lines.push({ pair: key, kind: 'lower', value: p.lowerLoaMl, y: sy(p.lowerLoaMl) });
    if (p.upperLoaMl !== null) lines.push({ pair: key, kind: 'upper', value: p.upperLoaMl, y: sy(p.upperLoaMl) });
  }
  return {
    axes,
    points: input.points.map((p) => ({
      x: sx(p.meanMl),
      y: sy(p.diffMl),
      pair: pairKey(p.a, p.b),
      caseId: p.caseId,
      label: p.label,
      meanMl: p.meanMl,
      diffMl: p.diffMl,
    })),
    lines,
    xTicks: axes.xTicks.map((value) => ({ value, x: sx(value) })),
    yTicks: axes.yTicks.map((value) => ({ value, y: sy(value) })),
    zeroY: sy(0),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// confidence-interval whiskers

/**
 * The Dice axis of the per-reader summary: up to 1, down to 0.5 or to the tenth below the lowest mean or CI bound.
 * (A t-interval of few cases may reach past 0 or 1; such bounds are clipped and marked, not stretched into the axis.)
 */
export function diceAxis(values: readonly (number | null | undefined)[]): [number, number] {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const lowest = finite.length ? Math.min(...finite) : 0.5;
  return [Math.max(0, Math.min(0.5, Math.floor(lowest * 10 + 1e-9) / 10)), 1];
}

export interface Whisker {
  cx: number;
  /** Ends of the interval on screen, or null when there is no interval (fewer than two cases). */
  x1: number | null;
  x2: number | null;
  clippedLow: boolean;
  clippedHigh: boolean;
}

/** Screen geometry of a mean and its interval; null when there is no mean. Bounds outside the axis are clipped. */
export function whisker(mean: number | null, low: number | null, high: number | null, scale: Scale): Whisker | null {
  if (mean === null || !Number.isFinite(mean)) return null;
  const [d0, d1] = scale.domain;
  const clamp = (v: number) => Math.min(d1, Math.max(d0, v));
  const hasCi = low !== null && high !== null && Number.isFinite(low) && Number.isFinite(high);
  return {
    cx: scale(clamp(mean)),
    x1: hasCi ? scale(clamp(low)) : null,
    x2: hasCi ? scale(clamp(high)) : null,
    clippedLow: hasCi && low < d0,
    clippedHigh: hasCi && high > d1,
  };
}
