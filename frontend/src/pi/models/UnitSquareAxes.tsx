import type { Frame } from '../chartGeometry';
import { fixed } from '../../kit/format';
import type { UnitSquare } from './evaluationGeometry';

/** The plot area and the 0–1 grid with tick labels shared by the ROC and calibration plots. */
export function UnitSquareAxes({ f, square }: { f: Frame; square: UnitSquare }) {
  return (
    <>
      <rect x={f.left} y={f.top} width={f.right - f.left} height={f.bottom - f.top} className="plot-area" />
      {square.ticks.map((t) => (
        <g key={t.value}>
          <line x1={t.x} x2={t.x} y1={f.top} y2={f.bottom} className="grid" />
          <line x1={f.left} x2={f.right} y1={t.y} y2={t.y} className="grid" />
          <text x={t.x} y={f.bottom + 14} textAnchor="middle" className="tick-label">
            {fixed(t.value, 1)}
          </text>
          <text x={f.left - 6} y={t.y} textAnchor="end" dominantBaseline="middle" className="tick-label">
            {fixed(t.value, 1)}
          </text>
        </g>
      ))}
    </>
  );
}
