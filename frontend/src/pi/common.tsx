import { Link } from '../kit/router';
import { ErrorText } from '../kit/errors';
import type { ReadStatus, StudyStatus } from '../api/pi';
import { readStatusLabel, type Progress } from './agreementTables';
import './pi.css';

export function StudyStatusChip({ status }: { status: StudyStatus }) {
  return (
    <span className={`chip study-${status.toLowerCase()}`} data-testid="study-status">
      {status.toLowerCase()}
    </span>
  );
}

export function ReadChip({ status, reader }: { status: ReadStatus | string | undefined; reader?: string }) {
  const s = (status ?? 'NOT_STARTED').toLowerCase().replace('_', '-');
  return (
    <span className={`chip read-${s}`} data-testid="read-status" data-reader={reader} data-status={status ?? 'NOT_STARTED'}>
      {readStatusLabel(status)}
    </span>
  );
}

/** A horizontal bar: submitted (and optionally in-progress) parts of the expected total. */
export function ProgressBar({
  progress,
  inProgress = 0,
  label,
  testId,
}: {
  progress: Progress;
  inProgress?: number;
  label: string;
  testId?: string;
}) {
  const total = progress.total;
  const started = total > 0 ? Math.min(1 - progress.fraction, inProgress / total) : 0;
  return (
    <div className="progress" data-testid={testId} role="group" aria-label={label}>
      <div
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={progress.done}
        aria-label={label}
      >
        <div className="progress-done" style={{ width: `${progress.fraction * 100}%` }} />
        <div className="progress-started" style={{ width: `${started * 100}%` }} />
      </div>
      <span className="progress-text">
        {progress.done} / {total}
      </span>
    </div>
  );
}

/** A screen whose data could not be loaded: the reason, and a way back. */
export function LoadFailed({ error }: { error: string }) {
  return (
    <div data-testid="load-failed">
      <ErrorText error={error} />
      <p>
        <Link href="/studies">Back to the reader studies</Link>
      </p>
    </div>
  );
}
