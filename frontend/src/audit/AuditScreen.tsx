import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, type AuditFilter } from '../api';
import type { AuditAction, AuditEvent, AuditVerification, Page } from '../api/types';
import { ErrorText } from '../kit/errors';

const PAGE_SIZE = 50;

/** The per-user audit trail: who viewed, drew, changed or decided what, when; plus a chain check. */
export function AuditScreen() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [draft, setDraft] = useState<AuditFilter>({});
  const [page, setPage] = useState(0);
  const [result, setResult] = useState<Page<AuditEvent> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const actions = useAuditActions();

  const load = useCallback(() => {
    setError(null);
    api.audit({ ...filter, from: isoOrUndefined(filter.from), to: isoOrUndefined(filter.to), page, size: PAGE_SIZE }).then(
      setResult,
      (e: Error) => setError(e.message),
    );
  }, [filter, page]);

  useEffect(load, [load]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPage(0);
    setFilter(draft);
  };

  const verify = () => api.verifyAudit().then(setVerification, (e: Error) => setError(e.message));
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  return (
    <section data-testid="audit-screen">
      <h1>Audit trail</h1>
      <form className="filters" onSubmit={apply}>
        {(['user', 'action', 'resourceType', 'resourceId'] as const).map((key) => (
          <label key={key}>
            {labels[key]}
            <input
              value={draft[key] ?? ''}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              list={actions && (key === 'action' || key === 'resourceType') ? `audit-${key}-choices` : undefined}
              data-testid={`audit-filter-${key}`}
            />
          </label>
        ))}
        {actions && (
          <>
            <datalist id="audit-action-choices" data-testid="audit-action-choices">
              {actions.map((a) => (
                <option key={a.action} value={a.action} label={`${a.action} (${a.resourceType})`} />
              ))}
            </datalist>
            <datalist id="audit-resourceType-choices">
              {[...new Set(actions.map((a) => a.resourceType))].sort().map((type) => (
                <option key={type} value={type} />
              ))}
            </datalist>
          </>
        )}
        <label>
          From
          <input type="datetime-local" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          To
          <input type="datetime-local" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <button type="submit">Filter</button>
        <button type="button" onClick={verify}>
          Verify chain
        </button>
      </form>
      {verification && (
        <p className={verification.ok ? 'ok' : 'error'} data-testid="audit-verification">
          {verification.ok
            ? `Chain intact: ${verification.events} events verified.`
            : `Chain broken at event ${verification.firstBroken ?? '?'} (of ${verification.events}): ${verification.reason ?? ''}`}
        </p>
      )}
      {verification?.checkpointSeq != null && (
        <p className="muted" data-testid="audit-checkpoint">
          Compared with {verification.checkpointsChecked} signed checkpoint(s) kept outside the database, the newest at
          event {verification.checkpointSeq} ({verification.checkpointTime}).
        </p>
      )}
      <ErrorText error={error} />
      {result && (
        <>
          <p className="muted">
            {result.total} events · page {result.page + 1} of {pages}
          </p>
          <table className="data" data-testid="audit-table">
            <thead>
              <tr>
                <th>#</th>
                <th>Time</th>
                <th>User</th>
                <th>Action</th>
                <th>Resource</th>
                <th>Outcome</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((e) => (
                <tr key={e.seq} className={e.outcome !== 'SUCCESS' ? 'row-' + e.outcome.toLowerCase() : ''}>
                  <td>{e.seq}</td>
                  <td>{new Date(e.time).toLocaleString()}</td>
                  <td title={e.roles}>{e.userName}</td>
                  <td>{e.action}</td>
                  <td>
                    {e.resourceType}
                    {e.resourceId ? ` ${e.resourceId}` : ''}
                  </td>
                  <td>{e.outcome}</td>
                  <td className="details">{e.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Newer
            </button>
            <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              Older
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The actions the trail records, for the Action field's drop-down list. A portal without the list (an older server
 * answers 404) keeps the plain text field: the filter works the same, the list only saves typing.
 */
function useAuditActions(): AuditAction[] | null {
  const [actions, setActions] = useState<AuditAction[] | null>(null);
  useEffect(() => {
    let current = true;
    api.auditActions().then(
      (list) => current && setActions(list),
      () => current && setActions(null),
    );
    return () => {
      current = false;
    };
  }, []);
  return actions;
}

const labels = { user: 'User', action: 'Action', resourceType: 'Resource type', resourceId: 'Resource id' };

/** datetime-local gives local time without zone; the API wants an ISO instant. */
function isoOrUndefined(local?: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}
