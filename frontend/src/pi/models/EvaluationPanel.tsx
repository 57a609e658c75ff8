import { useState } from 'react';
import { modelsApi, type EvaluationResult, type ModelItem } from '../../api/models';
import { ErrorText } from '../../kit/errors';
import { Panel } from '../../kit/Panel';
import { fixed } from '../../kit/format';
import { CalibrationPlot } from './CalibrationPlot';
import { confusionTable } from './evaluationGeometry';
import { modelKey, parseModelKey } from '../../modelCard/modelCard';
import { RocPlot } from './RocPlot';
import { useAction } from '../../kit/useAction';

/** Any registered model on this study's cases that have a pathology grade and an approved consensus. */
export function EvaluationPanel({ studyId, models, initial }: { studyId: number; models: ModelItem[]; initial?: string }) {
  const [key, setKey] = useState(initial ?? (models[0] ? modelKey(models[0].id, models[0].version) : ''));
  const [result, setResult] = useState<EvaluationResult | null>(null);
  const { busy, error, run } = useAction();

  const evaluate = async () => {
    const m = parseModelKey(key);
    if (!m) return;
    const ok = await run(async () => setResult(await modelsApi.evaluate(m.id, m.version, studyId)));
    if (!ok) setResult(null);
  };

  return (
    <Panel title="Evaluate a model on this study" testId="evaluation-panel">
      <div className="filters">
        <label>
          Model
          <select value={key} onChange={(e) => setKey(e.target.value)} data-testid="evaluation-model">
            {models.map((m) => (
              <option key={modelKey(m.id, m.version)} value={modelKey(m.id, m.version)}>
                {m.id} {m.version} ({m.card.task})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => void evaluate()} disabled={busy || !key} data-testid="evaluate">
          {busy ? 'Evaluating…' : 'Evaluate'}
        </button>
        <span className="muted small">
          Uses the cases with a WHO grade and an approved consensus; AUC intervals are stratified bootstrap (2000 resamples).
        </span>
      </div>
      <ErrorText error={error} testId="evaluation-error" />
      {result && <EvaluationView result={result} />}
    </Panel>
  );
}

function EvaluationView({ result }: { result: EvaluationResult }) {
  const e = result.evaluation;
  const confusion = confusionTable(e.confusion);
  return (
    <div data-testid="evaluation-result" data-model-id={result.modelId}>
      <p>
        {result.modelId} {result.version} on {result.cases} labelled case{result.cases === 1 ? '' : 's'} of this study.
      </p>
      <div className="eval-grid">
        <div>
          <h3>ROC</h3>
          <RocPlot evaluation={e} />
        </div>
        <div>
          <h3>Calibration</h3>
          <CalibrationPlot evaluation={e} />
        </div>
        <div>
          <h3>Confusion matrix (arg-max)</h3>
          <table className="data compact confusion" data-testid="confusion-matrix">
            <thead>
              <tr>
                <th>truth ↓ / predicted →</th>
                {e.confusion.labels.map((l) => (
                  <th key={l} className="num">
                    {l}
                  </th>
                ))}
                <th className="num">total</th>
              </tr>
            </thead>
            <tbody>
              {confusion.rows.map((r) => (
                <tr key={r.truth} data-truth={r.truth}>
                  <th scope="row">{r.truth}</th>
                  {r.cells.map((c) => (
                    <td key={c.predicted} className={`num ${c.correct ? 'correct' : ''}`}>
                      {c.count}
                    </td>
                  ))}
                  <td className="num muted">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small">
            Accuracy {fixed(confusion.accuracy, 3)} ({confusion.total} cases)
          </p>
          <details>
            <summary>Per case</summary>
            <table className="data compact" data-testid="evaluated-cases">
              <thead>
                <tr>
                  <th>Case</th>
                  <th>Truth</th>
                  <th>Predicted</th>
                  {result.labels.map((l) => (
                    <th key={l} className="num">
                      p({l})
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.predictions.map((p) => (
                  <tr key={p.caseId}>
                    <td>{p.case}</td>
                    <td>{p.truth}</td>
                    <td className={p.truth === p.predicted ? 'ok' : 'warn'}>{p.predicted}</td>
                    {result.labels.map((l) => (
                      <td key={l} className="num">
                        {fixed(p.probabilities[l], 3)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      </div>
    </div>
  );
}
