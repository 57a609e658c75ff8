import type { CaseRow, MatrixCell, ReadStatus, ReaderStudy } from '../api/pi';

/** The server's outlier rule, applied while the PI moves the threshold: the lowest pairwise Dice is below it. */
export function isOutlier(minDice: number | null, threshold: number): boolean {
  return minDice !== null && Number.isFinite(minDice) && minDice < threshold;
}

export interface FlaggedRow extends CaseRow {
  flagged: boolean;
}

/** Natural order of case labels ("Case 2" before "Case 10"). */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Per-case rows sorted by disagreement: lowest minimum Dice first (the pair that agrees least), ties by mean Dice,
 * then case and lesion label; rows without a Dice (fewer than two submitted reads) last. Flags outliers.
 */
export function byDisagreement(rows: readonly CaseRow[], threshold: number): FlaggedRow[] {
  const key = (v: number | null) => (v === null || !Number.isFinite(v) ? Number.POSITIVE_INFINITY : v);
  return [...rows]
    .sort(
      (x, y) =>
        key(x.minDice) - key(y.minDice) ||
        key(x.meanDice) - key(y.meanDice) ||
        collator.compare(x.caseLabel, y.caseLabel) ||
        collator.compare(x.label, y.label),
    )
    .map((r) => ({ ...r, flagged: isOutlier(r.minDice, threshold) }));
}

/** Looks up the mean Dice of a reader pair in either order. */
export function matrixLookup(cells: readonly MatrixCell[]): (a: string, b: string) => MatrixCell | undefined {
  const map = new Map<string, MatrixCell>();
  for (const c of cells) {
    map.set(`${c.a}|${c.b}`, c);
    if (!map.has(`${c.b}|${c.a}`)) map.set(`${c.b}|${c.a}`, c);
  }
  return (a, b) => map.get(`${a}|${b}`);
}

export interface Progress {
  done: number;
  total: number;
  /** 0–1; 0 when nothing is expected. */
  fraction: number;
}

export function progress(done: number, total: number): Progress {
  return { done, total, fraction: total > 0 ? Math.min(1, done / total) : 0 };
}

/** Submitted reads of a study against reads expected (every reader × every case). */
export function studyProgress(study: Pick<ReaderStudy, 'progress' | 'caseCount' | 'readers'>): Progress {
  const submitted = study.progress.reduce((sum, p) => sum + p.submitted, 0);
  return progress(submitted, study.caseCount * study.readers.length);
}

export const READ_STATUS_LABEL: Record<ReadStatus, string> = {
  NOT_STARTED: 'not started',
  IN_PROGRESS: 'in progress',
  SUBMITTED: 'submitted',
};

/** The label of a read status; statuses this screen does not know are shown as they came. */
export function readStatusLabel(status: string | undefined): string {
  if (status === undefined) return READ_STATUS_LABEL.NOT_STARTED;
  return (READ_STATUS_LABEL as Record<string, string>)[status] ?? status.toLowerCase();
}

/** A case may be removed only while nobody has started reading it (the server checks the same). */
export function nobodyHasRead(readStatus: Record<string, string>): boolean {
  return Object.values(readStatus).every((s) => s === 'NOT_STARTED');
}
