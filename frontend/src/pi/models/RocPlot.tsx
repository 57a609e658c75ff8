import type { ClassifierEvaluation } from '../../api/models';
import { frame } from '../chartGeometry';
import { UnitSquareAxes } from './UnitSquareAxes';
import { rocSeries, unitSquare } from './evaluationGeometry';

/**
 * ROC curves on the study's labelled cases: one-vs-rest per class and the micro-average (dashed), the chance
 * diagonal, and each curve's AUC with its bootstrap 95 % CI in the legend.
 */
export function RocPlot({ evaluation }: { evaluation: ClassifierEvaluation }) {
  const f = frame(360, 340, { left: 48, right: 14, top: 14, bottom: 44 });
  const square = unitSquare(f);
  const series = rocSeries(
    evaluation.labels,
    evaluation.oneVsRest,
    evaluation.oneVsRestAuc,
    evaluation.microAverage,
    evaluation.microAuc,
    square,
  );
  return (
    <div data-testid="roc-plot">
      <svg className="chart" width={f.width} height={f.height} viewBox={`0 0 ${f.width} ${f.height}`} role="img" aria-label="ROC curves">
        <UnitSquareAxes f={f} square={square} />
        <line {...square.diagonal} className="roc-diagonal" data-testid="roc-diagonal" />
        {series.map((s) => (
          <path
            key={s.key}
            d={s.path}
            fill="none"
            stroke={s.colour}
            strokeWidth={2}
            strokeDasharray={s.dashed ? '6 4' : undefined}
            data-testid="roc-curve"
            data-series={s.key}
          >
            <title>{s.legend}</title>
          </path>
        ))}
        <text x={(f.left + f.right) / 2} y={f.height - 8} textAnchor="middle" className="axis-label">
          False-positive rate (1 − specificity)
        </text>
        <text x={12} y={(f.top + f.bottom) / 2} transform={`rotate(-90 12 ${(f.top + f.bottom) / 2})`} textAnchor="middle" className="axis-label">
          True-positive rate (sensitivity)
        </text>
      </svg>
      <ul className="chart-legend" data-testid="roc-legend">
        {series.map((s) => (
          <li key={s.key} data-series={s.key}>
            <span className={`legend-swatch${s.dashed ? ' dashed' : ''}`} style={{ borderTopColor: s.colour }} />
            {s.legend}
          </li>
        ))}
        <li>
          <span className="legend-swatch dashed" style={{ borderTopColor: '#8fa3b6' }} /> chance (AUC 0.5)
        </li>
      </ul>
    </div>
  );
}
