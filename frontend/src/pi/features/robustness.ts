import type { FeatureIcc, FeatureJob, IccType, RobustnessGroup } from '../../api/features';
import { progress, type Progress } from '../agreementTables';
import { fixed, MISSING } from '../../kit/format';

/** The ICC kinds the server reports: two-way random (absolute agreement) and two-way mixed (consistency), single rater. */
export const ICC_LABEL: Record<IccType, string> = { ICC21: 'ICC(2,1)', ICC31: 'ICC(3,1)' };

/** Conventional reading of reliability (Koo & Li 2016): below 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, above excellent. */
export const GOOD_ICC = 0.75;
export const EXCELLENT_ICC = 0.9;

export interface IccValue {
  value: number | null;
  low: number | null;
  high: number | null;
}

const finiteOrNull = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

export function iccOf(f: FeatureIcc, type: IccType): IccValue {
  return type === 'ICC21'
    ? { value: finiteOrNull(f.icc21), low: finiteOrNull(f.icc21Low), high: finiteOrNull(f.icc21High) }
    : { value: finiteOrNull(f.icc31), low: finiteOrNull(f.icc31Low), high: finiteOrNull(f.icc31High) };
}

/** "0.912 [0.801, 0.970]"; the interval is left out when undefined, a dash when there is no ICC. */
export function formatIcc(icc: IccValue): string {
  if (icc.value === null) return MISSING;
  const v = fixed(icc.value, 3);
  return icc.low === null || icc.high === null ? v : `${v} [${fixed(icc.low, 3)}, ${fixed(icc.high, 3)}]`;
}

/** Features by the chosen ICC, highest first; features without one last, ties by name (stable across reloads). */
export function sortByIcc(features: readonly FeatureIcc[], type: IccType): FeatureIcc[] {
  const key = (f: FeatureIcc) => iccOf(f, type).value ?? Number.NEGATIVE_INFINITY;
  return [...features].sort((a, b) => key(b) - key(a) || a.feature.localeCompare(b.feature));
}

export function passes(f: FeatureIcc, type: IccType, minIcc: number): boolean {
  const v = iccOf(f, type).value;
  return v !== null && v >= minIcc;
}

/**
 * The features the server would mark robust: ICC of the chosen type at least minIcc in every phase / lesion-label group
 * (as FeatureService.select), in name order.
 */
export function robustAcrossGroups(groups: readonly RobustnessGroup[], type: IccType, minIcc: number): string[] {
  if (groups.length === 0) return [];
  const counts = new Map<string, number>();
  for (const g of groups) {
    for (const f of g.features) if (passes(f, type, minIcc)) counts.set(f.feature, (counts.get(f.feature) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, n]) => n === groups.length)
    .map(([name]) => name)
    .sort();
}

/** The threshold typed by the PI, or the reason it cannot be used. */
export function parseMinIcc(text: string): number | string {
  const v = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(v)) return 'The ICC threshold must be a number.';
  if (v < 0 || v > 1) return 'The ICC threshold must be between 0 and 1.';
  return v;
}

export const FINISHED: readonly string[] = ['DONE', 'FAILED', 'CANCELLED'];

export function isFinished(job: Pick<FeatureJob, 'status'>): boolean {
  return FINISHED.includes(job.status);
}

/** ROIs handled (computed, already there, or failed) of the ROIs the job found. */
export function jobProgress(job: Pick<FeatureJob, 'done' | 'skipped' | 'failed' | 'total'>): Progress {
  return progress(job.done + job.skipped + job.failed, job.total);
}

export function jobSummary(job: Pick<FeatureJob, 'status' | 'done' | 'skipped' | 'failed' | 'total'>): string {
  if (job.status === 'QUEUED') return 'queued';
  const counts = `${job.done} computed · ${job.skipped} already there · ${job.failed} failed of ${job.total} ROIs`;
  return `${job.status.toLowerCase()}: ${counts}`;
}

/** The distinct settings of the study's jobs, newest first (jobs come newest first), for the results picker. */
export function settingsChoices(jobs: readonly FeatureJob[]): { hash: string; job: FeatureJob }[] {
  const seen = new Set<string>();
  const out: { hash: string; job: FeatureJob }[] = [];
  for (const j of jobs) {
    if (seen.has(j.settingsHash)) continue;
    seen.add(j.settingsHash);
    out.push({ hash: j.settingsHash, job: j });
  }
  return out;
}
