import type { FeatureIcc, IccType } from '../../api/features';
import { frame } from '../chartGeometry';
import { fixed } from '../../kit/format';
import { iccPlotLayout } from './iccPlot';
import { formatIcc, ICC_LABEL } from './robustness';

const PASS = '#3fb6a8';
const BELOW = '#8fa3b6';

/**
 * Every feature of a group ordered by its ICC, with the 95 % CI as a vertical whisker; the good (0.75–0.9) and
 * excellent (≥ 0.9) ranges shaded, with reference lines at both thresholds. Hover a mark for the feature.
 */
export function IccPlot({ features, type }: { features: FeatureIcc[]; type: IccType }) {
  const f = frame(960, 300, { left: 52, right: 16, top: 26, bottom: 42 });
  const layout = iccPlotLayout(features, type, f);
  const r = Math.max(1.5, Math.min(4, layout.step / 3));
  return (
    <svg
      className="chart icc-plot"
      width={f.width}
      height={f.height}
      viewBox={`0 0 ${f.width} ${f.height}`}
      role="img"
      aria-label={`${ICC_LABEL[type]} of ${layout.marks.length} features with 95 % confidence intervals, highest first`}
      data-testid="icc-plot"
      data-type={type}
    >
      <rect x={f.left} y={f.top} width={f.right - f.left} height={f.bottom - f.top} className="plot-area" />
      {layout.bands.map((b) => (
        <rect
          key={b.kind}
          x={f.left}
          width={f.right - f.left}
          y={b.yTop}
          height={b.yBottom - b.yTop}
          className={`icc-band icc-band-${b.kind}`}
          data-testid={`icc-band-${b.kind}`}
        >
          <title>{`${b.kind} reliability: ${b.from} ≤ ICC ${b.to === 1 ? '≤ 1' : `< ${b.to}`}`}</title>
        </rect>
      ))}
      {layout.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={f.left - 4} x2={f.left} y1={t.y} y2={t.y} className="tick" />
          <text x={f.left - 8} y={t.y} textAnchor="end" dominantBaseline="middle" className="tick-label">
            {fixed(t.value, 1)}
          </text>
        </g>
      ))}
      {layout.references.map((ref) => (
        <g key={ref.value} data-testid="icc-reference" data-value={ref.value}>
          <line x1={f.left} x2={f.right} y1={ref.y} y2={ref.y} className="icc-reference" />
          <text x={f.right - 4} y={ref.y - 4} textAnchor="end" className="tick-label">
            {ref.value}
          </text>
        </g>
      ))}
      {layout.marks.map((m) => {
        const colour = m.passesGood ? PASS : BELOW;
        return (
          <g key={m.feature} data-testid="icc-mark" data-feature={m.feature} data-value={m.value}>
            <title>{`#${m.rank} ${m.feature}: ${ICC_LABEL[type]} ${formatIcc(m)}`}</title>
            {m.y1 !== null && m.y2 !== null && (
              <line x1={m.x} x2={m.x} y1={m.y1} y2={m.y2} stroke={colour} strokeOpacity={0.55} strokeWidth={Math.min(2, r)} />
            )}
            {m.clippedLow && m.y1 !== null && <path d={`M${m.x},${m.y1} l-3,-5 l6,0 Z`} fill={colour} />}
            <circle cx={m.x} cy={m.y} r={r} fill={colour} />
          </g>
        );
      })}
      {layout.xTicks.map((t) => (
        <text key={t.rank} x={t.x} y={f.bottom + 14} textAnchor="middle" className="tick-label">
          {t.rank}
        </text>
      ))}
      <text x={(f.left + f.right) / 2} y={f.height - 6} textAnchor="middle" className="axis-label">
        Features ranked by {ICC_LABEL[type]}
        {layout.undefinedCount > 0 ? ` (${layout.undefinedCount} without a defined ICC not shown)` : ''}
      </text>
      <text x={14} y={(f.top + f.bottom) / 2} transform={`rotate(-90 14 ${(f.top + f.bottom) / 2})`} textAnchor="middle" className="axis-label">
        {ICC_LABEL[type]}
      </text>
      <g className="legend" transform={`translate(${f.left}, 12)`}>
        <circle cx={5} cy={0} r={4} fill={PASS} />
        <text x={13} y={4} className="tick-label">
          ICC ≥ 0.75
        </text>
        <circle cx={95} cy={0} r={4} fill={BELOW} />
        <text x={103} y={4} className="tick-label">
          below 0.75
        </text>
        <text x={190} y={4} className="tick-label muted-text">
          whisker: 95 % CI · shaded: good 0.75–0.9, excellent ≥ 0.9
        </text>
      </g>
    </svg>
  );
}
