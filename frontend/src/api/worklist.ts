import { apiJson, query } from './client';

export type ReadStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED';

export interface PhaseSeries {
  phase: string;
  label: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
}

/** One case of the signed-in reader (GET /api/worklist). */
export interface WorklistItem {
  caseId: number;
  studyId: number;
  studyName: string;
  caseLabel: string;
  studyStatus: 'OPEN' | 'CLOSED';
  status: ReadStatus;
  version: number;
  updatedAt: string | null;
  phases: PhaseSeries[];
  lesionLabels: string[];
}

export function worklist(filter: { status?: string; study?: number } = {}): Promise<WorklistItem[]> {
  return apiJson<WorklistItem[]>(`/api/worklist${query(filter)}`);
}

/** The next case to read, or null when all are submitted. */
export function nextCase(): Promise<WorklistItem | null> {
  return apiJson<WorklistItem | undefined>('/api/worklist/next').then((item) => item ?? null);
}

export const STATUS_LABEL: Record<ReadStatus, string> = {
  NOT_STARTED: 'not started',
  IN_PROGRESS: 'in progress',
  SUBMITTED: 'submitted',
};

/** One assigned case (GET /api/worklist/{caseId}); 403 when it is not assigned to the signed-in reader. */
export function worklistCase(caseId: number): Promise<WorklistItem> {
  return apiJson<WorklistItem>(`/api/worklist/${caseId}`);
}
