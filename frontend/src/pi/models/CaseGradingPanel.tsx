import { useState, type FormEvent } from 'react';
import type { PredictionView } from '../../api/board';
import { modelsApi, type ModelItem } from '../../api/models';
import { ProbabilityBars } from '../../kit/ProbabilityBars';
import { ErrorText } from '../../kit/errors';
import { Panel } from '../../kit/Panel';
import { useLoaded } from '../../kit/useLoaded';
import { dateTime } from '../../kit/format';
import { modelKey, parseModelKey, shortSha } from '../../modelCard/modelCard';
import { ResearchOnlyBadge } from '../../modelCard/ModelCardView';
import { useAction } from '../../kit/useAction';

/**
 * Grading of one case by the PI: run a registered model on the approved consensus ROI (stored with its provenance),
 * see the stored predictions, and release the case to the tumour board or withdraw it.
 */
export function CaseGradingPanel({ caseId }: { caseId: number }) {
  const models = useLoaded(() => modelsApi.list(), []);
  const predictions = useLoaded(() => modelsApi.predictions(caseId), [caseId]);
  return (
    <Panel title="Grade models and tumour board" testId="case-grading">
      <div className="case-grading">
        <PredictForm caseId={caseId} models={models.data ?? []} error={models.error} onPredicted={predictions.reload} />
        <ErrorText error={predictions.error} />
        {predictions.data && predictions.data.length === 0 && (
          <p className="muted" data-testid="no-predictions">
            No prediction stored for this case yet.
          </p>
        )}
        {predictions.data && predictions.data.length > 0 && (
          <div className="prediction-list" data-testid="case-predictions">
            {predictions.data.map((p) => (
              <StoredPrediction key={p.id} p={p} />
            ))}
          </div>
        )}
        <BoardRelease caseId={caseId} />
      </div>
    </Panel>
  );
}

function PredictForm({
  caseId,
  models,
  error: loadError,
  onPredicted,
}: {
  caseId: number;
  models: ModelItem[];
  error: string | null;
  onPredicted: () => void;
}) {
  const [key, setKey] = useState('');
  const { busy, error, run } = useAction();
  const chosen = key || (models[0] ? modelKey(models[0].id, models[0].version) : '');

  const predict = async (e: FormEvent) => {
    e.preventDefault();
    const m = parseModelKey(chosen);
    if (!m) return;
    await run(async () => {
      await modelsApi.predict(caseId, m.id, m.version);
      onPredicted();
    });
  };

  return (
    <form className="filters" onSubmit={predict} data-testid="predict-form">
      <label>
        Model
        <select value={chosen} onChange={(e) => setKey(e.target.value)} data-testid="predict-model">
          {models.map((m) => (
            <option key={modelKey(m.id, m.version)} value={modelKey(m.id, m.version)}>
              {m.id} {m.version} — {m.card.task}
              {m.card.researchUseOnly ? ' (research use only)' : ''}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={busy || !chosen} data-testid="predict">
        {busy ? 'Predicting…' : 'Predict'}
      </button>
      <span className="muted small">Runs on the approved consensus ROI; the prediction is stored and audited.</span>
      <ErrorText error={loadError ?? error} testId="predict-error" />
    </form>
  );
}

function StoredPrediction({ p }: { p: PredictionView }) {
  return (
    <div className="prediction" data-testid="case-prediction" data-model-id={p.modelId} data-predicted={p.predictedGrade}>
      <p>
        <b>
          {p.modelId} {p.modelVersion}
        </b>{' '}
        <span className="muted">{p.task}</span> → <b>{p.predictedGrade}</b>
        {p.researchUseOnly && <ResearchOnlyBadge />}
      </p>
      <ProbabilityBars probabilities={p.probabilities} />
      <p className="muted small">
        consensus v{p.consensusVersion} · input {shortSha(p.inputHash, 10)} · model {shortSha(p.modelSha256, 10)} · {p.createdBy},{' '}
        {dateTime(p.createdAt)}
      </p>
    </div>
  );
}

function BoardRelease({ caseId }: { caseId: number }) {
  const released = useLoaded(() => modelsApi.releasedCases(), []);
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const entry = released.data?.find((r) => r.caseId === caseId) ?? null;

  const act = (what: 'release' | 'withdraw') =>
    run(async () => {
      if (what === 'release') await modelsApi.release(caseId, note);
      else await modelsApi.withdraw(caseId);
      released.reload();
    });

  return (
    <div className="board-release" data-testid="board-release" data-released={entry !== null}>
      <h3>Tumour board</h3>
      <ErrorText error={released.error} />
      {entry ? (
        <p className="small" data-testid="release-state">
          Released to the board by {entry.releasedBy}, {dateTime(entry.releasedAt)}
          {entry.latestGrade ? ` · board decision: ${entry.latestGrade}` : ' · no board decision yet'}
        </p>
      ) : (
        <p className="muted small" data-testid="release-state">
          Not released. The board sees the consensus ROI, agreement, key features, stored predictions and — only if you
          released it with the pathology — the pathology.
        </p>
      )}
      <div className="filters">
        <label>
          Note for the board
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="optional" data-testid="release-note" />
        </label>
        <button type="button" className="primary" disabled={busy} onClick={() => void act('release')} data-testid="release-to-board">
          {entry ? 'Release again (update note)' : 'Release to board'}
        </button>
        {entry && (
          <button type="button" className="danger" disabled={busy} onClick={() => void act('withdraw')} data-testid="withdraw-from-board">
            Withdraw
          </button>
        )}
      </div>
      <ErrorText error={error} testId="release-error" />
    </div>
  );
}
