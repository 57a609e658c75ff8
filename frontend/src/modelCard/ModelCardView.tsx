import type { ModelCard } from '../api/models';
import { describeSettings } from '../kit/settingsText';
import { dateTime } from '../kit/format';
import { casesSummary, inputSummary, isRadiomics, metricValue, natureLabel } from './modelCard';
import './modelCard.css';

/** The research-use-only warning every view of a model or its predictions carries. */
export function ResearchOnlyBadge() {
  return (
    <span className="ruo-badge" data-testid="research-only-badge" title="Not a medical device; not for decisions about a patient">
      research use only
    </span>
  );
}

/**
 * A model card in full, for people deciding how much weight a prediction deserves: what the model does and reads,
 * what it was trained on, how its numbers were obtained, what it is for and where it fails, and its file hash.
 */
export function ModelCardView({ card, sha256 }: { card: ModelCard; sha256?: string }) {
  const input = card.input;
  return (
    <article className="model-card" data-testid="model-card" data-model-id={card.id} data-version={card.version}>
      {card.researchUseOnly && (
        <p className="ruo-banner" role="note" data-testid="ruo-banner">
          Research use only — not a medical device. Its output must not be used for decisions about a patient.
        </p>
      )}
      <dl className="summary card-summary">
        <dt>Model</dt>
        <dd>
          <b>{card.id}</b> version {card.version}
        </dd>
        <dt>Task</dt>
        <dd data-testid="card-task">{card.task} (WHO grade from Ki-67 / mitoses)</dd>
        <dt>Classes</dt>
        <dd data-testid="card-classes">{card.classLabels.join(', ')} — in the order of the model’s output</dd>
        <dt>Input</dt>
        <dd data-testid="card-input">{inputSummary(input)}</dd>
        {isRadiomics(input) && (
          <>
            <dt>Feature settings</dt>
            <dd className="small">
              {describeSettings(input.featureSettings)} <span className="mono muted">({input.featureSettingsSha256.slice(0, 12)}…)</span>
              <details>
                <summary>{input.features.length} feature columns</summary>
                <p className="mono small wrap">{input.features.join(', ')}</p>
              </details>
            </dd>
          </>
        )}
        <dt>Training data</dt>
        <dd data-testid="card-training">
          <span className={`chip nature-${card.trainingData.nature}`}>{natureLabel(card.trainingData.nature)}</span>{' '}
          {casesSummary(card.trainingData.casesPerClass)}
          <p className="small">{card.trainingData.description}</p>
        </dd>
        <dt>Evaluation</dt>
        <dd>
          <p className="small" data-testid="card-protocol">
            {card.evaluation.protocol}
          </p>
          <table className="data compact card-metrics" data-testid="card-metrics">
            <thead>
              <tr>
                <th>Metric</th>
                <th className="num">Value</th>
                <th>How it was obtained</th>
              </tr>
            </thead>
            <tbody>
              {card.evaluation.metrics.map((m) => (
                <tr key={m.name}>
                  <td>{m.name}</td>
                  <td className="num nowrap">{metricValue(m)}</td>
                  <td className="small">{m.method}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </dd>
        <dt>Intended use</dt>
        <dd data-testid="card-intended-use">{card.intendedUse}</dd>
        <dt>Limitations</dt>
        <dd>
          <ul className="limitations" data-testid="card-limitations">
            {card.limitations.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </dd>
        <dt>Software</dt>
        <dd className="small">
          {Object.entries(card.software).map(([k, v]) => (
            <div key={k}>
              <span className="muted">{k}:</span> {v}
            </div>
          ))}
        </dd>
        <dt>Created</dt>
        <dd>{dateTime(card.created)}</dd>
        <dt>SHA-256</dt>
        <dd className="mono small wrap" data-testid="card-sha256">
          {card.modelSha256}
          {sha256 && sha256 !== card.modelSha256 && <span className="error"> (registered file: {sha256})</span>}
        </dd>
      </dl>
    </article>
  );
}
