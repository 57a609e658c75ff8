import { useState, type FormEvent } from 'react';
import type { FeatureJob } from '../../api/features';
import { modelsApi, type GradingTaskName, type TrainingResult } from '../../api/models';
import { ErrorText } from '../../kit/errors';
import { Panel } from '../../kit/Panel';
import { settingsChoices } from '../features/robustness';
import { describeSettings } from '../../kit/settingsText';
import { fixed } from '../../kit/format';
import { finite } from './evaluationGeometry';
import { ModelCardView } from '../../modelCard/ModelCardView';
import { defaultTrainingDraft, TASKS, trainingInput, type TrainingDraft } from './trainingForm';
import { useAction } from '../../kit/useAction';

/**
 * Trains an L1 logistic-regression grade model on the study's graded cases (features of their approved consensus
 * ROIs), cross-validated; the server registers it with a generated card, shown here with the CV report.
 */
export function TrainPanel({ studyId, jobs, onTrained }: { studyId: number; jobs: FeatureJob[]; onTrained: () => void }) {
  const [draft, setDraft] = useState<TrainingDraft>(() => defaultTrainingDraft(studyId));
  const choices = settingsChoices(jobs);
  const [hash, setHash] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const { busy, error, setError, run } = useAction();
  const [result, setResult] = useState<TrainingResult | null>(null);
  const set = <K extends keyof TrainingDraft>(key: K, value: TrainingDraft[K]) => setDraft({ ...draft, [key]: value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const check = trainingInput(draft, hash || undefined);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems([]);
    await run(async () => {
      setResult(await modelsApi.train(studyId, check.input));
      onTrained();
    });
  };

  return (
    <Panel title="Train a model on this study" testId="train-panel">
      <form className="filters" onSubmit={submit} data-testid="train-form" noValidate>
        <label>
          Model id
          <input value={draft.modelId} onChange={(e) => set('modelId', e.target.value)} data-testid="train-model-id" />
        </label>
        <label>
          Version
          <input className="narrow" value={draft.version} onChange={(e) => set('version', e.target.value)} data-testid="train-version" />
        </label>
        <label>
          Task
          <select value={draft.task} onChange={(e) => set('task', e.target.value as GradingTaskName)} data-testid="train-task">
            {TASKS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Features from
          <select value={hash} onChange={(e) => setHash(e.target.value)} data-testid="train-settings">
            <option value="">latest feature job</option>
            {choices.map((c) => (
              <option key={c.hash} value={c.hash}>
                {c.hash.slice(0, 12)}… — {describeSettings(c.job.settings)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.robustOnly} onChange={(e) => set('robustOnly', e.target.checked)} data-testid="train-robust-only" />
          robust features only
        </label>
        <label>
          L1 strength
          <input className="narrow" value={draft.l1} onChange={(e) => set('l1', e.target.value)} data-testid="train-l1" />
        </label>
        <label>
          Folds
          <input className="narrow" value={draft.folds} onChange={(e) => set('folds', e.target.value)} data-testid="train-folds" />
        </label>
        <label>
          Seed
          <input className="narrow" value={draft.seed} onChange={(e) => set('seed', e.target.value)} data-testid="train-seed" />
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="train">
          {busy ? 'Training…' : 'Train'}
        </button>
      </form>
      <p className="muted small">
        Cases need a WHO grade (pathology) and an approved consensus whose features were computed with the chosen settings.
        The model is registered for good: a new training needs a new version.
      </p>
      {problems.length > 0 && (
        <ul className="problems error" role="alert" data-testid="train-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <ErrorText error={error} testId="train-error" />
      {result && <TrainingReport result={result} />}
    </Panel>
  );
}

function TrainingReport({ result: r }: { result: TrainingResult }) {
  const auc = finite(r.cvAuc);
  const lo = finite(r.cvAucLow);
  const hi = finite(r.cvAucHigh);
  return (
    <div data-testid="training-report" data-model-id={r.modelId}>
      <h3>
        {r.modelId} {r.version} — cross-validation report
      </h3>
      <p data-testid="cv-headline">
        <b>
          {r.cvAucName}: {fixed(auc, 3)}
          {lo !== null && hi !== null && ` (95 % CI ${fixed(lo, 3)}–${fixed(hi, 3)})`}
        </b>{' '}
        on {r.cases} cases ({Object.entries(r.perClass).map(([k, n]) => `${k} ${n}`).join(', ')}), {r.features.length} candidate
        features.
      </p>
      <table className="data compact auto-width" data-testid="cv-folds">
        <thead>
          <tr>
            <th className="num">Fold</th>
            <th className="num">Train cases</th>
            <th className="num">Test cases</th>
            <th className="num">AUC</th>
            <th className="num">Features kept</th>
            <th>Which</th>
          </tr>
        </thead>
        <tbody>
          {r.folds.map((f) => (
            <tr key={f.fold}>
              <td className="num">{f.fold + 1}</td>
              <td className="num">{f.trainCases}</td>
              <td className="num">{f.testCases}</td>
              <td className="num">{fixed(finite(f.auc), 3)}</td>
              <td className="num">{f.selectedFeatures.length}</td>
              <td className="small">
                <details>
                  <summary>show</summary>
                  <span className="mono wrap">{f.selectedFeatures.join(', ')}</span>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        Final model (all {r.cases} cases) keeps {r.selectedFeatures.length} feature{r.selectedFeatures.length === 1 ? '' : 's'}:
      </p>
      <div className="chips" data-testid="selected-features">
        {r.selectedFeatures.map((f) => (
          <span key={f} className="chip mono">
            {f}
          </span>
        ))}
        {r.selectedFeatures.length === 0 && <span className="muted small">none (the L1 penalty removed every feature)</span>}
      </div>
      <h3>Generated model card</h3>
      <ModelCardView card={r.card} />
    </div>
  );
}
