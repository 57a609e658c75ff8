import type { FeatureIcc, IccType } from '../../api/features';
import { linearScale, ticks, type Frame } from '../chartGeometry';
import { EXCELLENT_ICC, GOOD_ICC, iccOf, sortByIcc } from './robustness';

/**
 * Geometry of the ICC plot: features along x in order of their ICC (highest left), the ICC and its 95 % CI on y,
 * shaded bands for good (0.75–0.9) and excellent (≥ 0.9) reliability with reference lines at both thresholds.
 */

/** The ICC axis: up to 1, down to 0 or to the tenth below the lowest ICC or CI bound, but not below −1. */
export function iccAxis(values: readonly (number | null)[]): [number, number] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lowest = finite.length ? Math.min(...finite) : 0;
  return [Math.max(-1, Math.min(0, Math.floor(lowest * 10 + 1e-9) / 10)), 1];
}

export interface IccMark {
  feature: string;
  rank: number;
  x: number;
  value: number;
  low: number | null;
  high: number | null;
  y: number;
  /** Whisker ends on screen; null without an interval. Bounds beyond the axis are clipped and flagged. */
  y1: number | null;
  y2: number | null;
  clippedLow: boolean;
  passesGood: boolean;
}

export interface IccBand {
  from: number;
  to: number;
  yTop: number;
  yBottom: number;
  kind: 'good' | 'excellent';
}

export interface IccPlotLayout {
  domain: [number, number];
  marks: IccMark[];
  /** Features without a defined ICC of this type (not drawn). */
  undefinedCount: number;
  bands: IccBand[];
  references: { value: number; y: number }[];
  yTicks: { value: number; y: number }[];
  /** Ranks labelled on the x axis (1-based). */
  xTicks: { rank: number; x: number }[];
  step: number;
}

export function iccPlotLayout(features: readonly FeatureIcc[], type: IccType, f: Frame): IccPlotLayout {
  const sorted = sortByIcc(features, type).map((feature) => ({ feature, icc: iccOf(feature, type) }));
  const defined = sorted.filter((s) => s.icc.value !== null);
  const domain = iccAxis(defined.flatMap((s) => [s.icc.value, s.icc.low]));
  const y = linearScale(domain, [f.bottom, f.top]);
  const clamp = (v: number) => Math.min(domain[1], Math.max(domain[0], v));
  const n = Math.max(1, defined.length);
  const step = (f.right - f.left) / n;
  const xOf = (i: number) => f.left + (i + 0.5) * step;

  const marks: IccMark[] = defined.map((s, i) => {
    const value = s.icc.value as number;
    const hasCi = s.icc.low !== null && s.icc.high !== null;
    return {
      feature: s.feature.feature,
      rank: i + 1,
      x: xOf(i),
      value,
      low: s.icc.low,
      high: s.icc.high,
      y: y(clamp(value)),
      y1: hasCi ? y(clamp(s.icc.low as number)) : null,
      y2: hasCi ? y(clamp(s.icc.high as number)) : null,
      clippedLow: hasCi && (s.icc.low as number) < domain[0],
      passesGood: value >= GOOD_ICC,
    };
  });

  const bands: IccBand[] = [
    { from: GOOD_ICC, to: EXCELLENT_ICC, yTop: y(EXCELLENT_ICC), yBottom: y(GOOD_ICC), kind: 'good' },
    { from: EXCELLENT_ICC, to: 1, yTop: y(1), yBottom: y(EXCELLENT_ICC), kind: 'excellent' },
  ];
  const rankTicks = ticks(1, n, 8).filter((r) => Number.isInteger(r) && r >= 1 && r <= n);
  return {
    domain,
    marks,
    undefinedCount: sorted.length - defined.length,
    bands,
    references: [GOOD_ICC, EXCELLENT_ICC].map((value) => ({ value, y: y(value) })),
    yTicks: ticks(domain[0], domain[1], 6).map((value) => ({ value, y: y(value) })),
    xTicks: (rankTicks.length && rankTicks[0] === 1 ? rankTicks : [1, ...rankTicks]).map((rank) => ({ rank, x: xOf(rank - 1) })),
    step,
  };
}
