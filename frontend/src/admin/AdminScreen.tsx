import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { modelsApi, type UploadedModel } from '../api/models';
import { ErrorText, messageOf } from '../kit/errors';
import { useLoaded } from '../kit/useLoaded';
import { shortSha } from '../modelCard/modelCard';
import { ResearchOnlyBadge } from '../modelCard/ModelCardView';
import { checkUpload, refusalReasons } from './uploadForm';
import { useAction } from '../kit/useAction';

/** Administration of grade models: the registry, and uploads (ONNX + card), which the server validates and keeps immutable. */
export function AdminScreen() {
  const models = useLoaded(() => modelsApi.list(), []);
  return (
    <section data-testid="admin-screen" className="pi admin">
      <h1>Administration — grade models</h1>
      <p className="muted">
        A model is an ONNX file with its model card (contract: <code>onnx-models/README.md</code>). The portal checks the
        card, the file’s SHA-256, the graph’s input and output against the card and a probe run before registering it.
        Registered versions never change: publish a new version instead.
      </p>
      <section className="panel" data-testid="admin-models">
        <header className="panel-head">
          <h2>Registered models ({models.data?.length ?? 0})</h2>
        </header>
        <ErrorText error={models.error} />
        {models.data && (
          <table className="data" data-testid="admin-models-table">
            <thead>
              <tr>
                <th>Model</th>
                <th>Version</th>
                <th>Source</th>
                <th>Task</th>
                <th>Training data</th>
                <th>SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {models.data.map((m) => (
                <tr key={`${m.id} ${m.version}`} data-testid="admin-model-row" data-model-id={m.id} data-version={m.version} data-source={m.source}>
                  <td>
                    {m.id}
                    {m.card.researchUseOnly && <ResearchOnlyBadge />}
                  </td>
                  <td>{m.version}</td>
                  <td>{m.source.toLowerCase()}</td>
                  <td>{m.card.task}</td>
                  <td>{m.card.trainingData.nature}</td>
                  <td className="mono" title={m.sha256}>
                    {shortSha(m.sha256)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <UploadPanel onUploaded={models.reload} />
    </section>
  );
}

function UploadPanel({ onUploaded }: { onUploaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [cardText, setCardText] = useState('');
  const [cardFileError, setCardFileError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [uploaded, setUploaded] = useState<UploadedModel | null>(null);
  const { busy, error, setError, run } = useAction();

  const readCard = async (f: File | undefined) => {
    setCardFileError(null);
    if (!f) return;
    try {
      setCardText(await f.text());
    } catch (e) {
      setCardFileError(`The card file could not be read: ${messageOf(e)}`);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    setError(null);
    setUploaded(null);
    const check = checkUpload(file, cardText);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems([]);
    await run(
      async () => {
        setUploaded(await modelsApi.upload(file as File, (file as File).name, cardText));
        onUploaded();
      },
      {
        // the server's refusal of the card lists its reasons; other failures go to the banner
        failure: (err) => {
          if (!(err instanceof ApiError && err.status === 422)) return messageOf(err);
          setRefusal(refusalReasons(err.message));
          return null;
        },
      },
    );
  };

  return (
    <section className="panel" data-testid="admin-upload">
      <header className="panel-head">
        <h2>Upload a model</h2>
      </header>
      <form className="upload-form" onSubmit={submit} noValidate data-testid="upload-form">
        <label>
          Model file (.onnx)
          <input type="file" accept=".onnx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="upload-model-file" />
        </label>
        <label>
          Model card (model-card.json) — choose the file or paste the JSON below
          <input type="file" accept=".json,application/json" onChange={(e) => void readCard(e.target.files?.[0])} data-testid="upload-card-file" />
        </label>
        <ErrorText error={cardFileError} />
        <textarea rows={12} spellCheck={false} value={cardText} onChange={(e) => setCardText(e.target.value)} data-testid="upload-card-text" />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="upload-submit">
            {busy ? 'Uploading…' : 'Upload and register'}
          </button>
        </div>
      </form>
      {problems.length > 0 && (
        <ul className="problems error" role="alert" data-testid="upload-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {refusal && (
        <div className="refusal" role="alert" data-testid="upload-refused">
          <b className="error">The portal refused the model:</b>
          <ul>
            {refusal.map((r, i) => (
              <li key={i} data-testid="refusal-reason">
                {r}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorText error={error} testId="upload-error" />
      {uploaded && (
        <p className="ok" data-testid="upload-done">
          Registered {uploaded.id} {uploaded.version} (sha256 {shortSha(uploaded.sha256)}).
        </p>
      )}
    </section>
  );
}
