import { useState } from 'react';
import type { BlandAltmanPair, BlandAltmanPoint } from '../api/pi';
import { blandAltmanLayout, frame, pairKey, pairStyles, type PairStyle, type Shape } from './chartGeometry';
import { fixed, ml, signed } from '../kit/format';

/**
 * Bland–Altman plot of the readers' lesion volumes: for each lesion and reader pair (a, b), the mean of the two
 * volumes against their difference a − b; per pair the bias (mean difference, solid) and the 95 % limits of
 * agreement (bias ± 1.96 SD, dashed), as computed by the server. Pairs can be hidden from the legend.
 */
export function BlandAltmanPlot({
  points,
  pairs,
  caseLabel,
}: {
  points: BlandAltmanPoint[];
  pairs: BlandAltmanPair[];
  caseLabel: (caseId: number) => string;
}) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const styles = pairStyles({ points, pairs });
  const visible = {
    points: points.filter((p) => !hidden.has(pairKey(p.a, p.b))),
    pairs: pairs.filter((p) => !hidden.has(pairKey(p.a, p.b))),
  };
  const f = frame(680, 400, { left: 64, right: 20, top: 16, bottom: 52 });
  const layout = blandAltmanLayout(visible, f);
  const style = new Map(styles.map((s) => [s.key, s]));
  const toggle = (key: string) => {
    const next = new Set(hidden);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setHidden(next);
  };

  return (
    <div className="bland-altman" data-testid="bland-altman">
      <svg
        className="chart"
        width={f.width}
        height={f.height}
        viewBox={`0 0 ${f.width} ${f.height}`}
        role="img"
        aria-label="Bland–Altman plot of reader volumes"
        data-testid="bland-altman-plot"
      >
        <rect x={f.left} y={f.top} width={f.right - f.left} height={f.bottom - f.top} className="plot-area" />
        {layout.xTicks.map((t) => (
          <g key={`x${t.value}`}>
            <line x1={t.x} x2={t.x} y1={f.top} y2={f.bottom} className="grid" />
            <text x={t.x} y={f.bottom + 16} textAnchor="middle" className="tick-label">
              {tickText(t.value)}
            </text>
          </g>
        ))}
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`}>
            <line x1={f.left} x2={f.right} y1={t.y} y2={t.y} className="grid" />
            <text x={f.left - 8} y={t.y} textAnchor="end" dominantBaseline="middle" className="tick-label">
              {tickText(t.value)}
            </text>
          </g>
        ))}
        <line x1={f.left} x2={f.right} y1={layout.zeroY} y2={layout.zeroY} className="zero-line" />
        <text x={(f.left + f.right) / 2} y={f.height - 8} textAnchor="middle" className="axis-label">
          Mean of the two readers’ volumes (mL)
        </text>
        <text
          transform={`translate(16, ${(f.top + f.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-label"
        >
          Difference a − b (mL)
        </text>
        {layout.lines.map((l) => {
          const s = style.get(l.pair);
          return (
            <line
              key={`${l.pair}-${l.kind}`}
              data-testid={`ba-${l.kind}`}
              data-pair={l.pair}
              x1={f.left}
              x2={f.right}
              y1={l.y}
              y2={l.y}
              stroke={s?.colour}
              strokeWidth={l.kind === 'bias' ? 2 : 1.5}
              strokeDasharray={l.kind === 'bias' ? undefined : '6 4'}
              opacity={0.9}
            >
              <title>{`${s?.a} − ${s?.b}: ${l.kind === 'bias' ? 'bias' : l.kind === 'lower' ? 'lower limit of agreement' : 'upper limit of agreement'} ${signed(l.value, 2)} mL`}</title>
            </line>
          );
        })}
        {layout.points.map((p, i) => {
          const s = style.get(p.pair);
          return (
            <g key={i} data-testid="ba-point" data-pair={p.pair} data-case-id={p.caseId} opacity={0.85}>
              <title>{`${caseLabel(p.caseId)}, ${p.label} — ${s?.a} vs ${s?.b}: mean ${ml(p.meanMl)} mL, difference ${signed(p.diffMl, 2)} mL`}</title>
              <Marker shape={s?.shape ?? 'circle'} x={p.x} y={p.y} colour={s?.colour ?? '#dfe7ef'} />
            </g>
          );
        })}
      </svg>
      <table className="data compact ba-legend" data-testid="bland-altman-pairs">
        <thead>
          <tr>
            <th>Pair (a − b)</th>
            <th className="num">n</th>
            <th className="num">Bias (mL)</th>
            <th className="num">Lower LoA (mL)</th>
            <th className="num">Upper LoA (mL)</th>
            <th>Shown</th>
          </tr>
        </thead>
        <tbody>
          {styles.map((s) => {
            const p = pairs.find((x) => pairKey(x.a, x.b) === s.key);
            return (
              <tr key={s.key} data-pair={s.key}>
                <td>
                  <PairSwatch style={s} /> {s.a} − {s.b}
                </td>
                <td className="num">{p?.n ?? 0}</td>
                <td className="num">{signed(p?.biasMl, 2)}</td>
                <td className="num">{signed(p?.lowerLoaMl, 2)}</td>
                <td className="num">{signed(p?.upperLoaMl, 2)}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Show ${s.a} − ${s.b}`}
                    checked={!hidden.has(s.key)}
                    onChange={() => toggle(s.key)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">
        Limits of agreement need at least two lesions per pair. Solid line: bias; dashed: bias ± 1.96 SD.
      </p>
    </div>
  );
}

function tickText(v: number): string {
  const a = Math.abs(v);
  return a === 0 ? '0' : a >= 10 ? fixed(v, 0) : a >= 1 ? String(Number(v.toFixed(1))) : String(Number(v.toFixed(3)));
}

function Marker({ shape, x, y, colour, size = 5 }: { shape: Shape; x: number; y: number; colour: string; size?: number }) {
  switch (shape) {
    case 'square':
      return <rect x={x - size} y={y - size} width={2 * size} height={2 * size} fill={colour} stroke="#0e141b" />;
    case 'triangle':
      return <path d={`M${x},${y - size - 1} L${x + size + 1},${y + size} L${x - size - 1},${y + size} Z`} fill={colour} stroke="#0e141b" />;
    case 'diamond':
      return <path d={`M${x},${y - size - 1} L${x + size + 1},${y} L${x},${y + size + 1} L${x - size - 1},${y} Z`} fill={colour} stroke="#0e141b" />;
    default:
      return <circle cx={x} cy={y} r={size} fill={colour} stroke="#0e141b" />;
  }
}

function PairSwatch({ style }: { style: PairStyle }) {
  return (
    <svg width={14} height={14} viewBox="0 0 14 14" aria-hidden="true" className="swatch">
      <Marker shape={style.shape} x={7} y={7} colour={style.colour} size={4} />
    </svg>
  );
}
