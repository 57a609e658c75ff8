import type { Calibration, ConfidenceInterval, RocCurve, ServerNumber } from '../../api/models';
import { linearScale, PAIR_COLOURS, ticks, type Frame } from '../chartGeometry';
import { fixed, MISSING } from '../../kit/format';

/**
 * Geometry of the evaluation charts: ROC curves (one-vs-rest per class and the micro-average) and the calibration
 * (reliability) plot, both on the unit square with the diagonal for reference. Pure; the components only draw.
 */

/** A number the server sent, or null when it is undefined ("NaN", "Infinity", null, missing). */
export function finite(v: ServerNumber | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** "AUC 0.854 (95 % CI 0.794–0.909)"; without interval when the bootstrap could not give one. */
export function aucText(auc: ServerNumber | undefined, ci?: ConfidenceInterval): string {
  const a = finite(auc);
  if (a === null) return `AUC ${MISSING}`;
  const lo = finite(ci?.lower);
  const hi = finite(ci?.upper);
  const level = ci ? Math.round(ci.level * 100) : 95;
  return lo === null || hi === null ? `AUC ${fixed(a, 3)}` : `AUC ${fixed(a, 3)} (${level} % CI ${fixed(lo, 3)}–${fixed(hi, 3)})`;
}

export interface UnitSquare {
  x: (v: number) => number;
  y: (v: number) => number;
  ticks: { value: number; x: number; y: number }[];
  diagonal: { x1: number; y1: number; x2: number; y2: number };
}

/** Both axes 0–1 inside the frame, ticks every 0.2, the line y = x. */
export function unitSquare(f: Frame): UnitSquare {
  const x = linearScale([0, 1], [f.left, f.right]);
  const y = linearScale([0, 1], [f.bottom, f.top]);
  return {
    x,
    y,
    ticks: ticks(0, 1, 5).map((value) => ({ value, x: x(value), y: y(value) })),
    diagonal: { x1: x(0), y1: y(0), x2: x(1), y2: y(1) },
  };
}

/** An SVG path through the curve's operating points (false-positive rate → x, true-positive rate → y). */
export function rocPath(curve: Pick<RocCurve, 'points'>, square: Pick<UnitSquare, 'x' | 'y'>): string {
  return curve.points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${round(square.x(p.falsePositiveRate))},${round(square.y(p.truePositiveRate))}`)
    .join(' ');
}

const round = (v: number) => Math.round(v * 100) / 100;

export const MICRO_COLOUR = '#dfe7ef';

export interface RocSeries {
  key: string;
  label: string;
  colour: string;
  dashed: boolean;
  path: string;
  legend: string;
}

/** One series per class (“G1 vs rest”) in the model's class order, then the micro-average, dashed. */
export function rocSeries(
  labels: readonly string[],
  oneVsRest: readonly RocCurve[],
  oneVsRestAuc: readonly ConfidenceInterval[],
  micro: RocCurve,
  microAuc: ConfidenceInterval,
  square: Pick<UnitSquare, 'x' | 'y'>,
): RocSeries[] {
  const perClass = labels.map((label, i) => ({
    key: `class-${label}`,
    label: `${label} vs rest`,
    colour: PAIR_COLOURS[i % PAIR_COLOURS.length],
    dashed: false,
    path: rocPath(oneVsRest[i], square),
    legend: `${label} vs rest: ${aucText(oneVsRest[i].auc, oneVsRestAuc[i])}`,
  }));
  return [
    ...perClass,
    {
      key: 'micro',
      label: 'micro-average',
      colour: MICRO_COLOUR,
      dashed: true,
      path: rocPath(micro, square),
      legend: `micro-average: ${aucText(micro.auc, microAuc)}`,
    },
  ];
}

export interface CalibrationPoint {
  x: number;
  y: number;
  r: number;
  meanPredicted: number;
  observed: number;
  count: number;
  lower: number;
  upper: number;
}

export interface CalibrationSeries {
  label: string;
  colour: string;
  points: CalibrationPoint[];
  /** The line joining the non-empty bins in order of predicted probability. */
  path: string;
  brier: number | null;
}

/**
 * Reliability points of each class: mean predicted probability (x) against the observed fraction (y) per non-empty
 * bin; marker area proportional to the bin's cases (radius 3 px for one case up to 9 px for the fullest bin).
 */
export function calibrationSeries(
  labels: readonly string[],
  calibration: readonly Calibration[],
  square: Pick<UnitSquare, 'x' | 'y'>,
): CalibrationSeries[] {
  const fullest = Math.max(1, ...calibration.flatMap((c) => c.bins.map((b) => b.count)));
  return labels.map((label, i) => {
    const c = calibration[i];
    const points: CalibrationPoint[] = [];
    for (const b of c?.bins ?? []) {
      const p = finite(b.meanPredicted);
      const o = finite(b.observedFraction);
      if (b.count === 0 || p === null || o === null) continue;
      points.push({
        x: square.x(p),
        y: square.y(o),
        r: 3 + 6 * Math.sqrt((b.count - 1) / Math.max(1, fullest - 1)),
        meanPredicted: p,
        observed: o,
        count: b.count,
        lower: b.lower,
        upper: b.upper,
      });
    }
    points.sort((a, b) => a.meanPredicted - b.meanPredicted);
    return {
      label,
      colour: PAIR_COLOURS[i % PAIR_COLOURS.length],
      points,
      path: points.map((p, j) => `${j === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' '),
      brier: finite(c?.brier),
    };
  });
}

export interface ConfusionRow {
  truth: string;
  cells: { predicted: string; count: number; correct: boolean }[];
  total: number;
}

/** Rows = true class, columns = predicted class (arg-max), with row totals and the overall accuracy. */
export function confusionTable(confusion: { labels: string[]; counts: number[][] }): { rows: ConfusionRow[]; total: number; accuracy: number | null } {
  const rows = confusion.labels.map((truth, i) => {
    const counts = confusion.counts[i] ?? [];
    const cells = confusion.labels.map((predicted, j) => ({ predicted, count: counts[j] ?? 0, correct: i === j }));
    return { truth, cells, total: cells.reduce((s, c) => s + c.count, 0) };
  });
  const total = rows.reduce((s, r) => s + r.total, 0);
  const correct = rows.reduce((s, r) => s + r.cells.filter((c) => c.correct).reduce((t, c) => t + c.count, 0), 0);
  return { rows, total, accuracy: total > 0 ? correct / total : null };
}
