import type { ClassifierEvaluation } from '../../api/models';
import { frame } from '../chartGeometry';
import { UnitSquareAxes } from './UnitSquareAxes';
import { fixed } from '../../kit/format';
import { calibrationSeries, finite, unitSquare } from './evaluationGeometry';

/**
 * Reliability diagram per class: in each probability bin with cases, the mean predicted probability against the
 * fraction of cases that were that class; perfectly calibrated points lie on the diagonal. Brier scores below.
 */
export function CalibrationPlot({ evaluation }: { evaluation: ClassifierEvaluation }) {
  const f = frame(360, 340, { left: 48, right: 14, top: 14, bottom: 44 });
  const square = unitSquare(f);
  const series = calibrationSeries(evaluation.labels, evaluation.calibration, square);
  const brier = finite(evaluation.multiclassBrier);
  return (
    <div data-testid="calibration-plot">
      <svg className="chart" width={f.width} height={f.height} viewBox={`0 0 ${f.width} ${f.height}`} role="img" aria-label="Calibration plot">
        <UnitSquareAxes f={f} square={square} />
        <line {...square.diagonal} className="cal-diagonal" data-testid="calibration-diagonal" />
        {series.map((s) => (
          <g key={s.label} data-testid="calibration-series" data-label={s.label}>
            {s.points.length > 1 && <path d={s.path} fill="none" stroke={s.colour} strokeWidth={1.5} strokeOpacity={0.7} />}
            {s.points.map((p) => (
              <circle key={p.lower} cx={p.x} cy={p.y} r={p.r} fill={s.colour} fillOpacity={0.8} data-testid="calibration-point">
                <title>{`${s.label}, bin ${fixed(p.lower, 1)}–${fixed(p.upper, 1)}: ${p.count} case${p.count === 1 ? '' : 's'}, mean predicted ${fixed(p.meanPredicted, 3)}, observed ${fixed(p.observed, 3)}`}</title>
              </circle>
            ))}
          </g>
        ))}
        <text x={(f.left + f.right) / 2} y={f.height - 8} textAnchor="middle" className="axis-label">
          Mean predicted probability (per bin)
        </text>
        <text x={12} y={(f.top + f.bottom) / 2} transform={`rotate(-90 12 ${(f.top + f.bottom) / 2})`} textAnchor="middle" className="axis-label">
          Observed fraction
        </text>
      </svg>
      <ul className="chart-legend" data-testid="calibration-legend">
        {series.map((s) => (
          <li key={s.label}>
            <span className="legend-swatch" style={{ borderTopColor: s.colour }} />
            {s.label} vs rest: Brier {fixed(s.brier, 3)} ({s.points.length} non-empty bin{s.points.length === 1 ? '' : 's'})
          </li>
        ))}
        <li data-testid="multiclass-brier">
          Multi-class Brier score {fixed(brier, 3)} (0 = perfect, 2 = worst); marker area ∝ cases in the bin
        </li>
      </ul>
    </div>
  );
}
