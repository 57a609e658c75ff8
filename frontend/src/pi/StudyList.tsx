import { EmptyState } from '../kit/states';
import { Link, navigate } from '../kit/router';
import { piApi } from '../api/pi';
import { studyProgress } from './agreementTables';
import { ErrorText } from '../kit/errors';
import { ProgressBar, StudyStatusChip } from './common';
import { useLoaded } from '../kit/useLoaded';
import { dateTime } from '../kit/format';
import { piPaths } from './routes';

/** All reader studies, newest first, with readers, cases and submitted reads. */
export function StudyList() {
  const studies = useLoaded(() => piApi.studies(), []);
  return (
    <div data-testid="study-list">
      <div className="page-head">
        <h1>Reader studies</h1>
        <button type="button" className="primary" onClick={() => navigate(piPaths.create())}>
          New study
        </button>
      </div>
      <ErrorText error={studies.error} />
      {studies.data && studies.data.length === 0 && (
        <EmptyState title="No reader studies yet">
          <p>Create a study, assign readers and add cases from the archive.</p>
        </EmptyState>
      )}
      {studies.data && studies.data.length > 0 && (
        <table className="data" data-testid="studies-table">
          <thead>
            <tr>
              <th>Study</th>
              <th>Status</th>
              <th>Readers</th>
              <th className="num">Cases</th>
              <th>Submitted reads</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {studies.data.map((s) => (
              <tr key={s.id} data-study-id={s.id}>
                <td>
                  <Link href={piPaths.study(s.id)}>{s.name}</Link>
                  {s.purpose && <div className="muted small clamp">{s.purpose}</div>}
                </td>
                <td>
                  <StudyStatusChip status={s.status} />
                </td>
                <td title={s.readers.join(', ')}>
                  {s.readers.length === 0 ? <span className="muted">none</span> : s.readers.join(', ')}
                </td>
                <td className="num">{s.caseCount}</td>
                <td className="progress-cell">
                  <ProgressBar progress={studyProgress(s)} label={`Submitted reads of ${s.name}`} />
                </td>
                <td className="muted small">
                  {dateTime(s.createdAt)}
                  {s.createdBy && <div>{s.createdBy}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
