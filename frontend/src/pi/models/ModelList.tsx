import { useState } from 'react';
import type { ModelItem } from '../../api/models';
import { casesSummary, headlineMetric, natureLabel, shortSha } from '../../modelCard/modelCard';
import { ModelCardView, ResearchOnlyBadge } from '../../modelCard/ModelCardView';

/** Registered models, each with the card's key facts and the full card on demand. */
export function ModelList({ models }: { models: ModelItem[] }) {
  if (models.length === 0) return <p className="muted">No model is registered.</p>;
  return (
    <div className="model-list" data-testid="model-list">
      {models.map((m) => (
        <ModelSummary key={`${m.id} ${m.version}`} model={m} />
      ))}
    </div>
  );
}

function ModelSummary({ model: m }: { model: ModelItem }) {
  const [open, setOpen] = useState(false);
  const c = m.card;
  return (
    <div className="model-item" data-testid="model-item" data-model-id={m.id} data-version={m.version}>
      <h3>
        {m.id} <span className="muted">{m.version}</span>
        <span className="chip">{m.source.toLowerCase()}</span>
        {c.researchUseOnly && <ResearchOnlyBadge />}
      </h3>
      <div className="facts">
        <span>
          task <b>{c.task}</b>
        </span>
        <span>
          classes <b>{c.classLabels.join(', ')}</b>
        </span>
        <span>
          input <b>{c.input.kind === 'radiomics' ? `radiomics (${c.input.features.length} features)` : c.input.kind}</b>
        </span>
        <span>
          trained on <b>{natureLabel(c.trainingData.nature)}</b>, {casesSummary(c.trainingData.casesPerClass)}
        </span>
      </div>
      <div className="facts">
        <span data-testid="headline-metric">
          <b>{headlineMetric(c)}</b>
        </span>
        <span className="mono" title={m.sha256}>
          sha256 {shortSha(m.sha256)}
        </span>
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide card' : 'Full card'}
        </button>
      </div>
      {open && <ModelCardView card={c} sha256={m.sha256} />}
    </div>
  );
}
