import { describe, expect, it } from 'vitest';
import type { Calibration, ConfidenceInterval, RocCurve } from '../../api/models';
import { frame } from '../chartGeometry';
import { aucText, calibrationSeries, confusionTable, finite, rocPath, rocSeries, unitSquare } from './evaluationGeometry';

// plot area x 40–240, y 10 (1) – 210 (0)
const square = unitSquare(frame(260, 240, { left: 40, right: 20, top: 10, bottom: 30 }));

const ci = (estimate: number, lower: number | string, upper: number | string): ConfidenceInterval => ({
  estimate, lower, upper, level: 0.95, resamples: 2000, skippedResamples: 0, seed: 42,
});

describe('numbers from the server', () => {
  it('treats NaN, infinities and null as undefined', () => {
    expect(finite(0.5)).toBe(0.5);
    expect(finite(0)).toBe(0);
    for (const v of ['NaN', 'Infinity', '-Infinity', null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(finite(v as never)).toBeNull();
    }
  });

  it('writes an AUC with its bootstrap interval', () => {
    expect(aucText(0.85444, ci(0.85444, 0.79379, 0.908805))).toBe('AUC 0.854 (95 % CI 0.794–0.909)');
    expect(aucText(0.5, ci(0.5, 'NaN', 'NaN'))).toBe('AUC 0.500');
    expect(aucText('NaN')).toBe('AUC —');
  });
});

describe('ROC geometry', () => {
  it('maps the unit square onto the plot area with the diagonal from (0,0) to (1,1)', () => {
    expect(square.diagonal).toEqual({ x1: 40, y1: 210, x2: 240, y2: 10 });
    expect(square.ticks.map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('draws the operating points in order, (0,0) first', () => {
    const curve = {
      points: [
        { falsePositiveRate: 0, truePositiveRate: 0, threshold: 'Infinity' },
        { falsePositiveRate: 0, truePositiveRate: 0.5, threshold: 0.9 },
        { falsePositiveRate: 0.5, truePositiveRate: 1, threshold: 0.4 },
        { falsePositiveRate: 1, truePositiveRate: 1, threshold: 0.1 },
      ],
    };
    expect(rocPath(curve, square)).toBe('M40,210 L40,110 L140,10 L240,10');
  });

  it('gives one series per class, then the dashed micro-average, each with its AUC in the legend', () => {
    const curve = (auc: number): RocCurve => ({
      points: [
        { falsePositiveRate: 0, truePositiveRate: 0, threshold: 'Infinity' },
        { falsePositiveRate: 1, truePositiveRate: 1, threshold: 0 },
      ],
      auc, positives: 1, negatives: 1,
    });
    const series = rocSeries(['G1', 'G2/G3'], [curve(0.8), curve(0.8)], [ci(0.8, 0.6, 0.95), ci(0.8, 0.6, 0.95)], curve(0.81), ci(0.81, 0.7, 0.9), square);
    expect(series.map((s) => [s.key, s.dashed])).toEqual([['class-G1', false], ['class-G2/G3', false], ['micro', true]]);
    expect(series[0].legend).toBe('G1 vs rest: AUC 0.800 (95 % CI 0.600–0.950)');
    expect(series[2].legend).toBe('micro-average: AUC 0.810 (95 % CI 0.700–0.900)');
    expect(new Set(series.map((s) => s.colour)).size).toBe(3);
    expect(series[2].path).toBe('M40,210 L240,10');
  });
});

describe('calibration geometry', () => {
  const calibration = (bins: [number, number | string, number | string][], brier: number | string): Calibration => ({
    bins: bins.map(([count, meanPredicted, observedFraction], i) => ({
      lower: i / bins.length, upper: (i + 1) / bins.length, count, meanPredicted, observedFraction,
    })),
    brier,
    cases: bins.reduce((s, b) => s + b[0], 0),
  });

  it('plots non-empty bins at (mean predicted, observed), sized by their cases', () => {
    const [g1] = calibrationSeries(
      ['G1'],
      [calibration([[1, 0.1, 0], [0, 'NaN', 'NaN'], [3, 0.5, 2 / 3], [5, 0.9, 1]], 0.12)],
      square,
    );
    expect(g1.points.map((p) => [p.x, p.y, p.count])).toEqual([
      [60, 210, 1],
      [140, 210 - 200 * (2 / 3), 3],
      [220, 10, 5],
    ]);
    expect(g1.points[0].r).toBe(3);
    expect(g1.points[1].r).toBeCloseTo(3 + 6 * Math.sqrt(2 / 4), 9);
    expect(g1.points[2].r).toBe(9);
    expect(g1.path).toBe('M60,210 L140,76.67 L220,10');
    expect(g1.brier).toBe(0.12);
  });

  it('leaves out a class with only empty bins and reports an undefined Brier as null', () => {
    const [a, b] = calibrationSeries(['a', 'b'], [calibration([[0, 'NaN', 'NaN']], 'NaN'), calibration([[2, 0.3, 0.5]], 0.2)], square);
    expect(a.points).toEqual([]);
    expect(a.path).toBe('');
    expect(a.brier).toBeNull();
    expect(b.points[0].r).toBe(9);
  });
});

describe('confusion matrix', () => {
  it('has true classes as rows with totals, and the accuracy', () => {
    // the radiomics demo model's pooled out-of-fold confusion (cv-report.txt): accuracy 0.882 on its card
    const t = confusionTable({ labels: ['G1', 'G2/G3'], counts: [[44, 1], [12, 53]] });
    expect(t.rows.map((r) => [r.truth, r.total, r.cells.map((c) => c.count)])).toEqual([
      ['G1', 45, [44, 1]],
      ['G2/G3', 65, [12, 53]],
    ]);
    expect(t.rows[1].cells.map((c) => c.correct)).toEqual([false, true]);
    expect(t.total).toBe(110);
    expect(t.accuracy).toBeCloseTo(0.8818181818181818, 12);
    expect(confusionTable({ labels: ['a', 'b'], counts: [[0, 0], [0, 0]] }).accuracy).toBeNull();
  });
});
