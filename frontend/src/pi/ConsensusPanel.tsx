import { useState, type FormEvent } from 'react';
import { piApi, type Consensus, type ConsensusMethod, type ReadView } from '../api/pi';
import { ErrorText } from '../kit/errors';
import { Panel } from '../kit/Panel';
import { useLoaded } from '../kit/useLoaded';
import { isOutdated, METHOD_LABEL, parseThreshold, sourceStates, statsByLabel, thresholdHelp } from './consensus';
import { dateTime, fixed, ratio } from '../kit/format';
import { piPaths } from './routes';
import { Link } from '../kit/router';
import { useAction } from '../kit/useAction';

/** Consensus of the case: create from the submitted reads (STAPLE or majority vote), see provenance, approve one. */
export function ConsensusPanel({ studyId, caseId, reads, onChanged }: { studyId: number; caseId: number; reads: ReadView[]; onChanged: () => void }) {
  const versions = useLoaded(() => piApi.consensus(caseId), [caseId]);
  const [method, setMethod] = useState<ConsensusMethod>('staple');
  const [thresholdText, setThresholdText] = useState('0.5');
  const { busy, error, setError, run } = useAction();
  const submitted = reads.filter((r) => r.status === 'SUBMITTED' && r.version > 0).length;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const threshold = parseThreshold(thresholdText);
    if (typeof threshold === 'string') {
      setError(threshold);
      return;
    }
    await run(async () => {
      await piApi.createConsensus(caseId, method, threshold);
      versions.reload();
      onChanged();
    });
  };

  const approve = (version: number) =>
    run(async () => {
      await piApi.approveConsensus(caseId, version);
      versions.reload();
      onChanged();
    });

  return (
    <Panel title="Consensus" testId="consensus-panel">
      <form className="filters" onSubmit={create} data-testid="consensus-form" noValidate>
        <label>
          Method
          <select value={method} onChange={(e) => setMethod(e.target.value as ConsensusMethod)} data-testid="consensus-method">
            <option value="staple">STAPLE</option>
            <option value="majority">Majority vote</option>
          </select>
        </label>
        <label>
          Threshold
          <input
            className="narrow"
            type="number"
            min={0}
            max={1}
            step="any"
            value={thresholdText}
            onChange={(e) => setThresholdText(e.target.value)}
            data-testid="consensus-threshold"
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          Create consensus
        </button>
        <span className="muted small">
          {thresholdHelp(method)} Uses the {submitted} submitted read{submitted === 1 ? '' : 's'} (at least two needed).
        </span>
      </form>
      <ErrorText error={error} testId="consensus-error" />
      <ErrorText error={versions.error} />
      {versions.data && versions.data.length === 0 && <p className="muted">No consensus yet.</p>}
      {versions.data?.map((c) => (
        <ConsensusVersion key={c.version} c={c} reads={reads} busy={busy} onApprove={() => void approve(c.version)} editHref={piPaths.editConsensus(studyId, caseId, c.version)} />
      ))}
    </Panel>
  );
}

function ConsensusVersion({ c, reads, busy, onApprove, editHref }: { c: Consensus; reads: ReadView[]; busy: boolean; onApprove: () => void; editHref: string }) {
  const outdated = isOutdated(c, reads);
  const contours = c.content.lesions.reduce((n, l) => n + l.contours.length, 0);
  return (
    <article
      className={`consensus-version ${c.approved ? 'approved' : ''}`}
      data-testid="consensus-version"
      data-version={c.version}
      data-approved={c.approved}
    >
      <header className="panel-head">
        <h3>
          Version {c.version} · {METHOD_LABEL[c.method]}
          {c.threshold !== null && ` (threshold ${fixed(c.threshold, 2)})`}
          {c.basedOn !== null && ` · edited from v${c.basedOn}`}
        </h3>
        <div className="panel-actions">
          <Link href={editHref} data-testid="edit-consensus">
            Edit in viewer
          </Link>
          {c.approved ? (
            <span className="chip approved-chip" data-testid="approved-chip">
              approved by {c.approvedBy}, {dateTime(c.approvedAt)}
            </span>
          ) : (
            <button type="button" onClick={onApprove} disabled={busy} data-testid="approve-consensus">
              Approve
            </button>
          )}
        </div>
      </header>
      <p className="muted small">
        Created by {c.createdBy}, {dateTime(c.createdAt)} · {c.content.lesions.length} lesion
        {c.content.lesions.length === 1 ? '' : 's'}, {contours} contours
      </p>
      <p className="small" data-testid="consensus-sources">
        From:{' '}
        {sourceStates(c.sources, reads).map((s, i) => (
          <span key={s.reader} className={s.current ? '' : 'warn'}>
            {i > 0 && ', '}
            {s.reader} v{s.readVersion}
            {s.note && ` (${s.note})`}
          </span>
        ))}
        {c.sources.length === 0 && <span className="muted">no reads recorded</span>}
      </p>
      {outdated && <p className="warn small">A source read has changed since this version was made; create a new one to include it.</p>}
      {c.readers.length > 0 && (
        <table className="data compact staple-stats" data-testid="staple-stats">
          <thead>
            <tr>
              <th>Lesion label</th>
              <th>Reader</th>
              <th className="num">Sensitivity</th>
              <th className="num">Specificity</th>
            </tr>
          </thead>
          <tbody>
            {statsByLabel(c.readers).flatMap((g) =>
              g.readers.map((r, i) => (
                <tr key={`${g.label}|${r.reader}`} data-testid="staple-row" data-reader={r.reader} data-label={g.label}>
                  <td>{i === 0 ? g.label : ''}</td>
                  <td>{r.reader}</td>
                  <td className="num" data-testid="sensitivity">
                    {ratio(r.sensitivity)}
                  </td>
                  <td className="num" data-testid="specificity" title="Specificity over the region STAPLE considered">
                    {fixed(r.specificity, 4)}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </article>
  );
}
