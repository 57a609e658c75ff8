import { ApiError, apiFetch, apiJson, query } from './client';

/**
 * Radiomics of a reader study (PI only): feature jobs, the features CSV, robustness across readers (ICC) and the
 * robust-feature selection. Shapes mirror io.delineo.radiomics.jobs.FeatureService; undefined ICCs are null.
 */

export type JobStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';
export type IccType = 'ICC21' | 'ICC31';

export interface FeatureJob {
  id: number;
  studyId: number;
  status: JobStatus;
  total: number;
  done: number;
  skipped: number;
  failed: number;
  errors: string[];
  settingsHash: string;
  /** The settings in the server's canonical form. */
  settings: Record<string, unknown>;
  createdBy: string;
  createdAt: string | null;
  finishedAt: string | null;
  /** The job's per-case work items on the job engine (null for jobs run before it). */
  cases: CaseProgress | null;
}

export interface CaseProgress {
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  total: number;
  done: number;
  failed: number;
  cancelled: number;
}

export interface FeatureIcc {
  feature: string;
  icc21: number | null;
  icc21Low: number | null;
  icc21High: number | null;
  icc31: number | null;
  icc31Low: number | null;
  icc31High: number | null;
}

export interface RobustnessGroup {
  phase: string;
  lesionLabel: string;
  readers: string[];
  cases: number;
  /** Sorted by ICC(2,1), highest first; features without a finite ICC(2,1) last. */
  features: FeatureIcc[];
}

export interface Selection {
  iccType: IccType;
  minIcc: number;
  features: string[];
}

export interface Robustness {
  studyId: number;
  settingsHash: string;
  groups: RobustnessGroup[];
  selection: Selection | null;
}

export interface FeatureSetView {
  id: number;
  caseId: number;
  phase: string;
  seriesInstanceUid: string;
  roiSource: string;
  roiVersion: number;
  lesionLabel: string;
  settingsHash: string;
  softwareVersion: string;
  voxelCount: number;
  values: Record<string, number | null>;
  computedAt: string;
}

const studies = '/api/reader-studies';

export const featuresApi = {
  /** Starts a job; the body is the settings JSON exactly as typed, so the server reports what is wrong with it. */
  start: (studyId: number, settingsJson: string) =>
    apiJson<FeatureJob>(`${studies}/${studyId}/feature-jobs`, {
      method: 'POST',
      body: settingsJson,
      headers: { 'Content-Type': 'application/json' },
    }),
  jobs: (studyId: number) => apiJson<FeatureJob[]>(`${studies}/${studyId}/feature-jobs`),
  job: (studyId: number, jobId: number) => apiJson<FeatureJob>(`${studies}/${studyId}/feature-jobs/${jobId}`),
  /** Cases not started are not run; running ones stop after their current ROI. */
  cancel: (studyId: number, jobId: number) =>
    apiJson<FeatureJob>(`${studies}/${studyId}/feature-jobs/${jobId}/cancel`, { method: 'POST' }),
  /** Runs an ended job's failed cases again. */
  retry: (studyId: number, jobId: number) =>
    apiJson<FeatureJob>(`${studies}/${studyId}/feature-jobs/${jobId}/retry`, { method: 'POST' }),

  /** The features CSV as the server writes it (one row per case × phase × ROI source × lesion label). */
  csv: async (studyId: number, settingsHash?: string): Promise<Blob> => {
    const response = await apiFetch(`${studies}/${studyId}/features.csv${query({ settingsHash })}`, {
      headers: { Accept: 'text/csv' },
    });
    return response.blob();
  },

  /** ICC per feature across readers, or null when no feature job has been run (the API answers 404). */
  robustness: async (studyId: number, settingsHash?: string): Promise<Robustness | null> => {
    try {
      return await apiJson<Robustness>(`${studies}/${studyId}/feature-robustness${query({ settingsHash })}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },

  select: (studyId: number, input: { settingsHash?: string; iccType: IccType; minIcc: number }) =>
    apiJson<Selection>(`${studies}/${studyId}/feature-robustness/selection`, { method: 'POST', body: input }),

  caseFeatures: (caseId: number, filter: { roi?: string; phase?: string; settingsHash?: string } = {}) =>
    apiJson<FeatureSetView[]>(`/api/cases/${caseId}/features${query({ ...filter })}`),
};
