import { Fragment, useState } from 'react';
import { Link, navigate } from '../kit/router';
import { piApi, type ReaderStudy, type StudyCase, type StudyStatus } from '../api/pi';
import { nobodyHasRead, progress, studyProgress } from './agreementTables';
import { AddCasePanel } from './AddCasePanel';
import { Breadcrumbs, Panel } from '../kit/Panel';
import { ErrorText, messageOf } from '../kit/errors';
import { LoadFailed, ProgressBar, ReadChip, StudyStatusChip } from './common';
import { useLoaded } from '../kit/useLoaded';
import { dateTime, uidTail } from '../kit/format';
import { PathologyForm } from './PathologyForm';
import { orderedPhases, phaseLabel } from '../kit/phases';
import { piPaths } from './routes';
import { statusActions } from './studyForm';
import { useAction } from '../kit/useAction';

/** One reader study: its set-up, status actions, reader progress, cases with each reader's status, pathology. */
export function StudyPage({ studyId }: { studyId: number }) {
  const study = useLoaded(() => piApi.study(studyId), [studyId]);
  const cases = useLoaded(() => piApi.cases(studyId), [studyId]);
  const [adding, setAdding] = useState(false);
  const { busy, error: statusError, run } = useAction();

  const reload = () => {
    study.reload();
    cases.reload();
  };

  const changeStatus = (to: StudyStatus) =>
    run(async () => {
      await piApi.changeStatus(studyId, to);
      reload();
    });

  if (study.error && !study.data) return <LoadFailed error={study.error} />;
  if (!study.data) return <p className="muted">Loading…</p>;
  const s = study.data;

  return (
    <div data-testid="study-page" data-study-id={s.id}>
      <Breadcrumbs items={[{ label: 'Reader studies', href: piPaths.list() }, { label: s.name }]} />
      <div className="page-head">
        <h1>
          {s.name} <StudyStatusChip status={s.status} />
        </h1>
        <div className="actions">
          <Link className="button" href={piPaths.dashboard(s.id)}>
            Agreement dashboard
          </Link>
          <Link className="button" href={piPaths.features(s.id)} data-testid="features-link">
            Features
          </Link>
          <Link className="button" href={piPaths.models(s.id)} data-testid="models-link">
            Models
          </Link>
          <button type="button" onClick={() => navigate(piPaths.edit(s.id))} disabled={s.status === 'CLOSED'}>
            Edit study
          </button>
          {statusActions(s.status).map((a) => (
            <button
              key={a.to}
              type="button"
              className={a.to === 'OPEN' ? 'primary' : ''}
              title={a.explanation}
              disabled={busy}
              onClick={() => void changeStatus(a.to)}
            >
              {a.label}
            </button>
          ))}
        </div>
      </div>
      <ErrorText error={statusError} testId="status-error" />
      {s.status === 'DRAFT' && (
        <p className="muted">
          Draft: readers do not see this study yet. It opens with at least one reader and one case.
        </p>
      )}
      <StudySummary study={s} />
      <ReaderProgressPanel study={s} />
      <Panel
        title={`Cases (${cases.data?.length ?? s.caseCount})`}
        testId="cases-panel"
        actions={
          <button type="button" onClick={() => setAdding(!adding)} disabled={s.status === 'CLOSED'} data-testid="add-case-toggle">
            {adding ? 'Hide “Add case”' : 'Add case'}
          </button>
        }
      >
        {adding && cases.data && (
          <AddCasePanel
            study={s}
            cases={cases.data}
            onClose={() => setAdding(false)}
            onAdded={() => {
              setAdding(false);
              reload();
            }}
          />
        )}
        <ErrorText error={cases.error} />
        {cases.data && (
          <CasesTable study={s} cases={cases.data} onChanged={reload} />
        )}
      </Panel>
    </div>
  );
}

function StudySummary({ study: s }: { study: ReaderStudy }) {
  return (
    <dl className="summary" data-testid="study-summary">
      <dt>Purpose</dt>
      <dd>{s.purpose || <span className="muted">none given</span>}</dd>
      <dt>Lesion labels</dt>
      <dd>
        {s.lesionLabels.map((l) => (
          <span key={l} className="chip label-chip">
            {l}
          </span>
        ))}
      </dd>
      <dt>Phases</dt>
      <dd>{orderedPhases(s.phases).map(phaseLabel).join(' · ')}</dd>
      <dt>Readers</dt>
      <dd>{s.readers.length ? s.readers.join(', ') : <span className="muted">none assigned</span>}</dd>
      <dt>Blinded</dt>
      <dd>{s.blinded ? 'yes' : 'no'}</dd>
      <dt>Created</dt>
      <dd>
        {dateTime(s.createdAt)} by {s.createdBy}
      </dd>
    </dl>
  );
}

function ReaderProgressPanel({ study: s }: { study: ReaderStudy }) {
  const total = studyProgress(s);
  return (
    <Panel title="Reading progress" testId="reader-progress">
      {s.readers.length === 0 && <p className="muted">Assign readers to see their progress.</p>}
      {s.readers.length > 0 && (
        <table className="data compact progress-table">
          <tbody>
            {s.progress.map((p) => (
              <tr key={p.reader} data-reader={p.reader}>
                <th scope="row">{p.reader}</th>
                <td className="progress-cell">
                  <ProgressBar
                    progress={progress(p.submitted, s.caseCount)}
                    inProgress={p.inProgress}
                    label={`Cases submitted by ${p.reader}`}
                  />
                </td>
                <td className="muted small">
                  {p.submitted} submitted · {p.inProgress} in progress · {p.notStarted} not started
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">All readers</th>
              <td className="progress-cell">
                <ProgressBar progress={total} label="Reads submitted in this study" testId="study-progress" />
              </td>
              <td className="muted small">reads submitted of readers × cases</td>
            </tr>
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function CasesTable({ study: s, cases, onChanged }: { study: ReaderStudy; cases: StudyCase[]; onChanged: () => void }) {
  const [pathologyOf, setPathologyOf] = useState<number | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (cases.length === 0) {
    return (
      <p className="muted" data-testid="no-cases">
        No cases yet. Use “Add case” to pick an archive study and map its series to the study’s phases.
      </p>
    );
  }

  const remove = async (c: StudyCase) => {
    setError(null);
    try {
      await piApi.removeCase(c.id);
      setConfirmRemove(null);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const columns = 4 + s.readers.length;
  return (
    <>
      <ErrorText error={error} />
      <table className="data" data-testid="cases-table">
        <thead>
          <tr>
            <th>Case</th>
            <th>Phases → series</th>
            {s.readers.map((r) => (
              <th key={r}>{r}</th>
            ))}
            <th>Pathology</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const untouched = nobodyHasRead(c.readStatus);
            return (
              <Fragment key={c.id}>
                <tr data-case-id={c.id} data-case-label={c.label}>
                  <td>
                    <Link href={piPaths.case(s.id, c.id)}>{c.label}</Link>
                  </td>
                  <td className="small">
                    {orderedPhases(Object.keys(c.series)).map((p) => (
                      <div key={p} title={c.series[p]}>
                        {phaseLabel(p)} <span className="muted mono">{uidTail(c.series[p] ?? '')}</span>
                      </div>
                    ))}
                  </td>
                  {s.readers.map((r) => (
                    <td key={r}>
                      <ReadChip status={c.readStatus[r]} reader={r} />
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={pathologyOf === c.id}
                      onClick={() => setPathologyOf(pathologyOf === c.id ? null : c.id)}
                    >
                      {c.hasPathology ? 'recorded ✓' : 'record…'}
                    </button>
                  </td>
                  <td className="row-actions">
                    <Link href={piPaths.case(s.id, c.id)}>Review</Link>
                    {confirmRemove === c.id ? (
                      <>
                        <button type="button" className="danger" onClick={() => void remove(c)}>
                          Confirm removal
                        </button>
                        <button type="button" onClick={() => setConfirmRemove(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="danger"
                        disabled={!untouched || s.status === 'CLOSED'}
                        title={untouched ? 'Remove this case' : 'Readers have started on this case; it cannot be removed'}
                        onClick={() => setConfirmRemove(c.id)}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
                {pathologyOf === c.id && (
                  <tr className="detail-row">
                    <td colSpan={columns}>
                      <PathologyForm caseId={c.id} onSaved={() => onChanged()} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
