import type { MatrixCell } from '../api/pi';
import { matrixLookup } from './agreementTables';
import { diceColour, diceDomain, NO_VALUE_COLOUR, textColourOn, viridis } from './colourScale';
import { ticks } from './chartGeometry';
import { ratio } from '../kit/format';

const LEGEND_STOPS = 11;

/**
 * Reader × reader mean Dice (over every lesion both readers submitted), as an SVG heatmap with the value in each
 * cell and a colour legend. The diagonal (a reader with themself) carries no value.
 */
export function DiceHeatmap({ readers, matrix }: { readers: string[]; matrix: MatrixCell[] }) {
  const find = matrixLookup(matrix);
  const domain = diceDomain(matrix.map((c) => c.meanDice));
  const n = readers.length;
  const cell = n <= 4 ? 76 : n <= 8 ? 60 : 46;
  const longest = Math.max(4, ...readers.map((r) => r.length));
  const left = Math.min(180, 12 + longest * 7.2);
  const top = Math.min(140, 16 + longest * 5.2);
  const gridSize = n * cell;
  const legendTop = top + gridSize + 28;
  const legendWidth = Math.max(220, Math.min(gridSize, 360));
  const width = Math.max(left + gridSize + 16, left + legendWidth + 130);
  const height = legendTop + 48;
  const gradientId = `dice-gradient-${readers.join('-').replace(/[^a-zA-Z0-9-]/g, '')}`;

  return (
    <svg
      className="chart heatmap"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="Reader by reader mean Dice heatmap"
      data-testid="dice-heatmap"
    >
      <defs>
        <linearGradient id={gradientId} x1="0" x2="1" y1="0" y2="0">
          {Array.from({ length: LEGEND_STOPS }, (_, i) => (
            <stop key={i} offset={`${(i / (LEGEND_STOPS - 1)) * 100}%`} stopColor={viridis(i / (LEGEND_STOPS - 1))} />
          ))}
        </linearGradient>
      </defs>
      {readers.map((r, i) => (
        <g key={`labels-${r}`}>
          <text x={left - 8} y={top + i * cell + cell / 2} className="axis-label" textAnchor="end" dominantBaseline="middle">
            {r}
          </text>
          <text
            x={0}
            y={0}
            className="axis-label"
            textAnchor="start"
            transform={`translate(${left + i * cell + cell / 2 + 4}, ${top - 8}) rotate(-40)`}
          >
            {r}
          </text>
        </g>
      ))}
      {readers.map((a, i) =>
        readers.map((b, j) => {
          const x = left + j * cell;
          const y = top + i * cell;
          if (a === b) {
            return (
              <g key={`${a}|${b}`} data-testid="heatmap-diagonal">
                <rect x={x} y={y} width={cell - 2} height={cell - 2} className="diagonal" />
                <text x={x + cell / 2 - 1} y={y + cell / 2} textAnchor="middle" dominantBaseline="middle" className="muted-text">
                  —
                </text>
              </g>
            );
          }
          const c = find(a, b);
          const value = c?.meanDice ?? null;
          const fill = diceColour(value, domain);
          const ink = value === null ? '#8fa3b6' : textColourOn(fill);
          return (
            <g key={`${a}|${b}`} data-testid="heatmap-cell" data-a={a} data-b={b} data-value={value ?? ''}>
              <title>
                {value === null
                  ? `${a} vs ${b}: no lesion both have submitted`
                  : `${a} vs ${b}: mean Dice ${ratio(value)} over ${c?.cases ?? 0} lesion${c?.cases === 1 ? '' : 's'}`}
              </title>
              <rect x={x} y={y} width={cell - 2} height={cell - 2} fill={fill} />
              <text
                x={x + cell / 2 - 1}
                y={y + cell / 2 - 5}
                textAnchor="middle"
                dominantBaseline="middle"
                style={{ fill: ink }}
                className="cell-value"
              >
                {value === null ? 'n/a' : ratio(value)}
              </text>
              <text x={x + cell / 2 - 1} y={y + cell / 2 + 12} textAnchor="middle" dominantBaseline="middle" style={{ fill: ink }} className="cell-n">
                n={c?.cases ?? 0}
              </text>
            </g>
          );
        }),
      )}
      <g className="legend" data-testid="heatmap-legend" transform={`translate(${left}, ${legendTop})`}>
        <text x={0} y={-8} className="axis-label">
          Mean Dice
        </text>
        <rect x={0} y={0} width={legendWidth} height={12} fill={`url(#${gradientId})`} />
        {ticks(domain[0], domain[1], 5).map((t) => {
          const x = ((t - domain[0]) / (domain[1] - domain[0])) * legendWidth;
          return (
            <g key={t}>
              <line x1={x} x2={x} y1={12} y2={17} className="tick" />
              <text x={x} y={29} textAnchor="middle" className="tick-label">
                {t.toFixed(1)}
              </text>
            </g>
          );
        })}
        <rect x={legendWidth + 20} y={0} width={12} height={12} fill={NO_VALUE_COLOUR} />
        <text x={legendWidth + 38} y={10} className="tick-label">
          no shared lesion
        </text>
      </g>
    </svg>
  );
}
