import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { board, type BoardCase, type PredictionView } from '../api/board';
import { Link } from '../kit/router';
import { BoardViewer } from './BoardViewer';
import { formatValue } from '../kit/probabilityBars';
import { ProbabilityBars } from '../kit/ProbabilityBars';

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(3));

/** One released case: consensus, agreement, key features, predictions, pathology (if released), decision. */
export function BoardCaseScreen({ caseId }: { caseId: number }) {
  const [c, setCase] = useState<BoardCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    board.get(caseId).then(setCase, (e: Error) => setError(e.message));
  }, [caseId]);
  useEffect(load, [load]);

  if (error) return <p className="error">{error}</p>;
  if (!c) return <p className="muted">Loading…</p>;
  return (
    <section data-testid="board-case">
      <p>
        <Link href="/board">← Board</Link>
      </p>
      <h1>
        {c.caseLabel} <span className="muted">· {c.studyName}</span>
      </h1>
      <p className="muted">
        Released by {c.releasedBy} on {new Date(c.releasedAt).toLocaleString()}
        {c.releaseNote && ` — ${c.releaseNote}`}
      </p>
      <div className="board-grid">
        <div>
          <h2>Images and consensus ROI</h2>
          <div data-testid="board-viewer-slot">
            <BoardViewer c={c} />
          </div>
          {c.consensus ? (
            <p className="muted">
              Consensus v{c.consensus.version} ({c.consensus.method.toLowerCase()}), approved by {c.consensus.approvedBy};{' '}
              {c.consensus.content.lesions.length} lesion(s).
            </p>
          ) : (
            <p className="muted">No approved consensus.</p>
          )}
          <h2>Reader agreement</h2>
          <table className="data compact" data-testid="board-agreement">
            <thead>
              <tr>
                <th>Lesion</th>
                <th>Readers</th>
                <th>Mean Dice</th>
                <th>Min Dice</th>
              </tr>
            </thead>
            <tbody>
              {c.agreement.map((a) => (
                <tr key={a.label}>
                  <td>{a.label}</td>
                  <td>{a.readers}</td>
                  <td>{fmt(a.meanDice)}</td>
                  <td>{fmt(a.minDice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {c.stapleFigures.length > 0 && (
            <table className="data compact" data-testid="board-staple">
              <thead>
                <tr>
                  <th>Reader (STAPLE)</th>
                  <th>Lesion</th>
                  <th>Sensitivity</th>
                  <th>Specificity</th>
                </tr>
              </thead>
              <tbody>
                {c.stapleFigures.map((f) => (
                  <tr key={f.reader + f.label}>
                    <td>{f.reader}</td>
                    <td>{f.label}</td>
                    <td>{fmt(f.sensitivity)}</td>
                    <td>{fmt(f.specificity)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Key features (consensus ROI)</h2>
          {c.features.length === 0 ? (
            <p className="muted">No features computed for the approved consensus.</p>
          ) : (
            <table className="data compact" data-testid="board-features">
              <tbody>
                {c.features.map((f) => (
                  <tr key={f.code}>
                    <td>{f.name}</td>
                    <td className="muted">{f.column}</td>
                    <td>{formatValue(f.value, f.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h2>Model predictions</h2>
          {c.predictions.length === 0 && <p className="muted">No predictions yet.</p>}
          {c.predictions.map((p) => (
            <Prediction key={p.id} p={p} />
          ))}
          <h2>Pathology</h2>
          {c.pathology ? (
            <p data-testid="board-pathology">
              WHO {c.pathology.whoGrade ?? '—'} · Ki-67 {c.pathology.ki67Percent ?? '—'} % · mitoses{' '}
              {c.pathology.mitoticCount ?? '—'} · {c.pathology.source?.replace('_', '-') ?? '—'}
            </p>
          ) : (
            <p className="muted">Not released to the board.</p>
          )}
          <Decision c={c} onSaved={load} />
          <p>
            <button type="button" onClick={() => void board.openReport(c.caseId)} data-testid="board-report">
              Printable report
            </button>
          </p>
        </div>
      </div>
    </section>
  );
}

function Prediction({ p }: { p: PredictionView }) {
  return (
    <div className="prediction" data-testid="board-prediction" data-model-id={p.modelId}>
      <p>
        <b>
          {p.modelId} {p.modelVersion}
        </b>{' '}
        <span className="muted">{p.task}</span>
        {p.researchUseOnly && <span className="warn-chip">research use only</span>}{' '}
        <Link href={`/board/models/${p.modelId}/${p.modelVersion}`}>model card</Link>
      </p>
      <ProbabilityBars probabilities={p.probabilities} />
      <p className="muted small">
        consensus v{p.consensusVersion} · input {p.inputHash.slice(0, 10)}… · model {p.modelSha256.slice(0, 10)}… ·{' '}
        {new Date(p.createdAt).toLocaleString()}
      </p>
    </div>
  );
}

function Decision({ c, onSaved }: { c: BoardCase; onSaved: () => void }) {
  const [grade, setGrade] = useState(c.decision?.finalGrade ?? 'G1');
  const [treatment, setTreatment] = useState(c.decision?.treatment ?? '');
  const [note, setNote] = useState('');
  const [attendees, setAttendees] = useState(c.decision?.attendees.join(', ') ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    board
      .decide(c.caseId, {
        finalGrade: grade,
        treatment,
        note,
        attendees: attendees.split(',').map((a) => a.trim()).filter(Boolean),
      })
      .then(onSaved, (err: Error) => setError(err.message));
  };
  return (
    <div>
      <h2>Board decision</h2>
      {c.decision && (
        <p data-testid="board-decision">
          v{c.decision.version}: <b>{c.decision.finalGrade}</b> — {c.decision.treatment}
          <br />
          <span className="muted">
            {c.decision.attendees.join(', ')} · recorded by {c.decision.decidedBy},{' '}
            {new Date(c.decision.decidedAt).toLocaleString()}
          </span>
        </p>
      )}
      <form className="stack" onSubmit={save} data-testid="decision-form">
        <label>
          Final grade
          <select value={grade} onChange={(e) => setGrade(e.target.value as typeof grade)}>
            {['G1', 'G2', 'G3', 'UNDETERMINED'].map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        <label>
          Treatment recommendation
          <input value={treatment} onChange={(e) => setTreatment(e.target.value)} />
        </label>
        <label>
          Attendees (comma-separated)
          <input value={attendees} onChange={(e) => setAttendees(e.target.value)} />
        </label>
        <label>
          Note
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
        </label>
        {error && <p className="error">{error}</p>}
        <button type="submit" className="primary">
          {c.decision ? 'Record new version' : 'Record decision'}
        </button>
      </form>
      {c.decisionHistory.length > 1 && (
        <details>
          <summary>Earlier versions ({c.decisionHistory.length - 1})</summary>
          {c.decisionHistory.slice(1).map((d) => (
            <p key={d.version} className="muted">
              v{d.version}: {d.finalGrade} — {d.treatment} ({d.decidedBy}, {new Date(d.decidedAt).toLocaleString()})
            </p>
          ))}
        </details>
      )}
    </div>
  );
}
