import type { ReaderSummary } from '../api/pi';
import { diceAxis, frame, linearScale, ticks, whisker, type Whisker } from './chartGeometry';
import { ratio } from '../kit/format';

const ROW = 34;
const OTHERS = '#3fb6a8';
const CONSENSUS = '#e3b341';

/**
 * Dot-and-whisker plot of each reader's mean Dice against the other readers and against the approved consensus,
 * with the 95 % confidence interval (Student's t, computed by the server); no whisker when there is only one lesion.
 */
export function ReaderCiPlot({ summaries }: { summaries: ReaderSummary[] }) {
  const domain = diceAxis(
    summaries.flatMap((s) => [s.meanDiceVsOthers, s.ciLow, s.meanDiceVsConsensus, s.consensusCiLow]),
  );
  const longest = Math.max(6, ...summaries.map((s) => s.reader.length));
  const left = Math.min(180, 16 + longest * 7.2);
  const f = frame(left + 470, 40 + summaries.length * ROW + 40, { left, right: 24, top: 34, bottom: 40 });
  const x = linearScale(domain, [f.left, f.right]);
  const axisTicks = ticks(domain[0], domain[1], 5);

  return (
    <svg
      className="chart ci-plot"
      width={f.width}
      height={f.height}
      viewBox={`0 0 ${f.width} ${f.height}`}
      role="img"
      aria-label="Mean Dice per reader with 95 % confidence intervals"
      data-testid="reader-ci-plot"
    >
      <g className="legend" transform={`translate(${f.left}, 14)`}>
        <circle cx={6} cy={0} r={5} fill={OTHERS} />
        <text x={16} y={4} className="tick-label">
          vs other readers
        </text>
        <path d={diamond(150, 0, 6)} fill={CONSENSUS} />
        <text x={160} y={4} className="tick-label">
          vs approved consensus
        </text>
        <text x={320} y={4} className="tick-label muted-text">
          whisker: 95 % CI
        </text>
      </g>
      {axisTicks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={f.top} y2={f.bottom} className="grid" />
          <text x={x(t)} y={f.bottom + 16} textAnchor="middle" className="tick-label">
            {t.toFixed(1)}
          </text>
        </g>
      ))}
      <text x={(f.left + f.right) / 2} y={f.height - 6} textAnchor="middle" className="axis-label">
        Mean Dice
      </text>
      {summaries.map((s, i) => {
        const y = f.top + i * ROW + ROW / 2;
        const others = whisker(s.meanDiceVsOthers, s.ciLow, s.ciHigh, x);
        const consensus = whisker(s.meanDiceVsConsensus, s.consensusCiLow, s.consensusCiHigh, x);
        return (
          <g key={s.reader} data-testid="ci-row" data-reader={s.reader}>
            <text x={f.left - 10} y={y} textAnchor="end" dominantBaseline="middle" className="axis-label">
              {s.reader}
            </text>
            <line x1={f.left} x2={f.right} y1={y} y2={y} className="row-line" />
            {others && (
              <Mark w={others} y={y - 6} colour={OTHERS} shape="circle" title={`${s.reader} vs other readers: ${summary(s.meanDiceVsOthers, s.ciLow, s.ciHigh, s.cases)}`} />
            )}
            {consensus && (
              <Mark
                w={consensus}
                y={y + 6}
                colour={CONSENSUS}
                shape="diamond"
                title={`${s.reader} vs consensus: ${summary(s.meanDiceVsConsensus, s.consensusCiLow, s.consensusCiHigh, s.consensusCases)}`}
              />
            )}
            {!others && !consensus && (
              <text x={f.left + 6} y={y} dominantBaseline="middle" className="tick-label muted-text">
                no submitted lesion with another reader yet
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function summary(mean: number | null, low: number | null, high: number | null, n: number): string {
  return low === null || high === null
    ? `${ratio(mean)} (n=${n}, no interval with fewer than two lesions)`
    : `${ratio(mean)} [${ratio(low)}, ${ratio(high)}] (n=${n})`;
}

function diamond(cx: number, cy: number, r: number): string {
  return `M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`;
}

function Mark({ w, y, colour, shape, title }: { w: Whisker; y: number; colour: string; shape: 'circle' | 'diamond'; title: string }) {
  return (
    <g data-testid="ci-mark">
      <title>{title}</title>
      {w.x1 !== null && w.x2 !== null && (
        <>
          <line x1={w.x1} x2={w.x2} y1={y} y2={y} stroke={colour} strokeWidth={2} />
          {w.clippedLow ? (
            <path d={`M${w.x1},${y} l6,-4 l0,8 Z`} fill={colour} />
          ) : (
            <line x1={w.x1} x2={w.x1} y1={y - 4} y2={y + 4} stroke={colour} strokeWidth={2} />
          )}
          {w.clippedHigh ? (
            <path d={`M${w.x2},${y} l-6,-4 l0,8 Z`} fill={colour} />
          ) : (
            <line x1={w.x2} x2={w.x2} y1={y - 4} y2={y + 4} stroke={colour} strokeWidth={2} />
          )}
        </>
      )}
      {shape === 'circle' ? <circle cx={w.cx} cy={y} r={5} fill={colour} /> : <path d={diamond(w.cx, y, 6)} fill={colour} />}
    </g>
  );
}
