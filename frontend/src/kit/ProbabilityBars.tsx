import { probabilityBars } from './probabilityBars';

/** A prediction's class probabilities as bars, the most likely class highlighted (board and PI screens). */
export function ProbabilityBars({ probabilities }: { probabilities: Record<string, number> }) {
  return (
    <>
      {probabilityBars(probabilities).map((b) => (
        <div key={b.label} className={'bar-row' + (b.top ? ' top' : '')}>
          <span className="bar-label">{b.label}</span>
          <span className="bar-track">
            <span className="bar-fill" style={{ width: `${b.percent}%` }} />
          </span>
          <span className="bar-value">{b.percent.toFixed(1)} %</span>
        </div>
      ))}
    </>
  );
}
