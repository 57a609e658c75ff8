import { apiFetch, apiJson } from './client';
import type { ReadContentJson } from './readContent';

export interface BoardListItem {
  caseId: number;
  caseLabel: string;
  studyName: string;
  releasedAt: string;
  releasedBy: string;
  latestGrade: string | null;
  decidedAt: string | null;
}

export interface PredictionView {
  id: number;
  modelId: string;
  modelVersion: string;
  task: string;
  probabilities: Record<string, number>;
  predictedGrade: string;
  modelSha256: string;
  inputHash: string;
  consensusVersion: number;
  createdBy: string;
  createdAt: string;
  researchUseOnly: boolean;
}

export interface DecisionView {
  caseId: number;
  version: number;
  finalGrade: 'G1' | 'G2' | 'G3' | 'UNDETERMINED';
  treatment: string;
  note: string;
  attendees: string[];
  decidedBy: string;
  decidedAt: string;
}

export interface BoardCase {
  caseId: number;
  caseLabel: string;
  studyName: string;
  releasedBy: string;
  releasedAt: string;
  releaseNote: string;
  phases: { phase: string; label: string; studyInstanceUid: string; seriesInstanceUid: string }[];
  consensus: { version: number; method: string; approvedAt: string; approvedBy: string; content: ReadContentJson } | null;
  agreement: { label: string; readers: number; meanDice: number | null; minDice: number | null }[];
  stapleFigures: { reader: string; label: string; sensitivity: number | null; specificity: number | null }[];
  features: { code: string; name: string; column: string; value: number | null; unit: string }[];
  predictions: PredictionView[];
  pathology: { whoGrade: string | null; ki67Percent: number | null; mitoticCount: number | null; source: string | null } | null;
  decision: DecisionView | null;
  decisionHistory: DecisionView[];
}

export interface DecisionInput {
  finalGrade: string;
  treatment: string;
  note: string;
  attendees: string[];
}

export const board = {
  list: () => apiJson<BoardListItem[]>('/api/board/cases'),
  get: (caseId: number) => apiJson<BoardCase>(`/api/board/cases/${caseId}`),
  decide: (caseId: number, input: DecisionInput) =>
    apiJson<DecisionView>(`/api/board/cases/${caseId}/decision`, { method: 'POST', body: input }),
  /** The printable report is HTML behind the bearer token: fetched, then opened from a blob URL. */
  async openReport(caseId: number): Promise<void> {
    const response = await apiFetch(`/api/board/cases/${caseId}/report`, { headers: { Accept: 'text/html' } });
    const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' }));
    window.open(url, '_blank');
  },
};
