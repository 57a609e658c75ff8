import { useEffect, useMemo, useState } from 'react';
import { nextCase, STATUS_LABEL, worklist, type WorklistItem } from '../api/worklist';
import { EmptyState } from '../kit/states';
import { Link, navigate } from '../kit/router';

/** The reader's blinded worklist: their assigned cases and their own progress only. */
export function WorklistScreen() {
  const [items, setItems] = useState<WorklistItem[] | null>(null);
  const [status, setStatus] = useState('');
  const [study, setStudy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [noNext, setNoNext] = useState(false);

  useEffect(() => {
    worklist().then(setItems, (e: Error) => setError(e.message));
  }, []);

  const studies = useMemo(
    () => [...new Map((items ?? []).map((i) => [i.studyId, i.studyName])).entries()],
    [items],
  );
  const shown = (items ?? []).filter(
    (i) => (!status || i.status === status) && (!study || String(i.studyId) === study),
  );

  const openNext = async () => {
    const next = await nextCase();
    if (next) navigate(`/read/${next.caseId}`);
    else setNoNext(true);
  };

  return (
    <section data-testid="worklist-screen">
      <h1>Worklist</h1>
      {error && <p className="error">{error}</p>}
      {items && items.length === 0 && (
        <EmptyState title="No cases are assigned to you">
          <p>When a principal investigator assigns you to a reader study, its cases appear here.</p>
        </EmptyState>
      )}
      {items && items.length > 0 && (
        <>
          <div className="filters">
            <label>
              Status
              <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="worklist-status-filter">
                <option value="">all</option>
                {Object.entries(STATUS_LABEL).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Study
              <select value={study} onChange={(e) => setStudy(e.target.value)}>
                <option value="">all</option>
                {studies.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="primary" onClick={() => void openNext()} data-testid="next-case">
              Next case
            </button>
            {noNext && <span className="muted">Every case is submitted.</span>}
          </div>
          <table className="data" data-testid="worklist-table">
            <thead>
              <tr>
                <th>Case</th>
                <th>Study</th>
                <th>Phases</th>
                <th>Your read</th>
                <th>Last saved</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((i) => (
                <tr key={i.caseId} data-case-id={i.caseId}>
                  <td>
                    <Link href={`/read/${i.caseId}`}>{i.caseLabel}</Link>
                  </td>
                  <td>
                    {i.studyName}
                    {i.studyStatus === 'CLOSED' && <span className="muted"> (closed)</span>}
                  </td>
                  <td>{i.phases.map((p) => p.label).join(', ')}</td>
                  <td>
                    <span className={`status-chip status-${i.status.toLowerCase()}`}>{STATUS_LABEL[i.status]}</span>
                    {i.version > 0 && <span className="muted"> v{i.version}</span>}
                  </td>
                  <td>{i.updatedAt ? new Date(i.updatedAt).toLocaleString() : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
