import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from '../app/router';
import type { ReadStatus, StudyStatus } from '../api/pi';
import { readStatusLabel, type Progress } from './agreementTables';
import './pi.css';

/** An error as the user should read it: the server's message, or the browser's. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data when the dependencies change and on reload(); answers of superseded requests are dropped, so a slow
 * older answer never overwrites a newer one. Keeps the previous data while reloading (no flicker while polling).
 */
export function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    run().then(
      (value) => {
        if (request !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (request !== latest.current) return;
        setError(messageOf(e));
        setLoading(false);
      },
    );
  }, [run, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

export function ErrorText({ error, testId }: { error: string | null | undefined; testId?: string }) {
  if (!error) return null;
  return (
    <p className="error" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}

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

export interface Crumb {
  label: string;
  href?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav className="crumbs" aria-label="Breadcrumbs">
      {items.map((c, i) => (
        <span key={i}>
          {i > 0 && <span className="crumb-sep">/</span>}
          {c.href ? <Link href={c.href}>{c.label}</Link> : <span>{c.label}</span>}
        </span>
      ))}
    </nav>
  );
}

export function Panel({ title, actions, children, testId, className }: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId}>
      <header className="panel-head">
        <h2>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
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
