import { ApiError, apiFetch, apiJson, query } from './client';

/**
 * The principal investigator's part of the API: reader studies, cases, pathology, every reader's read,
 * agreement and consensus. Shapes mirror the backend records (io.delineo.study.StudyViews,
 * io.delineo.contour.ReadViews, io.delineo.agreement.AgreementViews, ConsensusService); undefined metrics are null.
 */

export const PHASES = [
  'CT_NON_CONTRAST',
  'CT_ARTERIAL',
  'CT_PORTAL_VENOUS',
  'MR_T2W',
  'MR_DWI',
  'MR_ADC',
] as const;
export type Phase = (typeof PHASES)[number];

export type StudyStatus = 'DRAFT' | 'OPEN' | 'CLOSED';
export type ReadStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED';
export type WhoGrade = 'G1' | 'G2' | 'G3';
export type PathologySource = 'RESECTION' | 'EUS_FNA';
export type ConsensusMethod = 'staple' | 'majority';
export type AgreementTable = 'cases' | 'readers' | 'matrix' | 'bland-altman';

export interface StudyInput {
  name: string;
  purpose: string;
  lesionLabels: string[];
  phases: Phase[];
  readers: string[];
  blinded: boolean;
}

export interface ReaderProgress {
  reader: string;
  notStarted: number;
  inProgress: number;
  submitted: number;
}

export interface ReaderStudy {
  id: number;
  name: string;
  purpose: string;
  lesionLabels: string[];
  phases: Phase[];
  readers: string[];
  blinded: boolean;
  status: StudyStatus;
  createdBy: string;
  createdAt: string | null;
  caseCount: number;
  progress: ReaderProgress[];
}

export interface ReaderOption {
  userName: string;
  displayName: string;
}

export interface CaseInput {
  label?: string;
  studyInstanceUid: string;
  series: Partial<Record<Phase, string>>;
}

export interface StudyCase {
  id: number;
  studyId: number;
  label: string;
  studyInstanceUid: string;
  series: Partial<Record<Phase, string>>;
  /** reader → status; every assigned reader is present. */
  readStatus: Record<string, ReadStatus>;
  hasPathology: boolean;
}

export interface SeriesSuggestion {
  seriesInstanceUid: string;
  seriesNumber: number | null;
  modality: string | null;
  seriesDescription: string | null;
  instances: number;
  suggestedPhase: Phase | null;
  reason: string;
}

export interface PathologyInput {
  whoGrade: WhoGrade | null;
  ki67Percent: number | null;
  mitoticCount: number | null;
  source: PathologySource | null;
  releasedToBoard: boolean;
}

export interface Pathology extends PathologyInput {
  caseId: number;
  recordedBy: string;
  recordedAt: string;
}

export interface Contour {
  sopInstanceUid: string;
  points: [number, number, number][];
}

export interface Lesion {
  id: string;
  label: string;
  contours: Contour[];
}

export interface ReadContent {
  lesions: Lesion[];
}

export interface ReadView {
  caseId: number;
  reader: string;
  status: ReadStatus;
  version: number;
  content: ReadContent;
  updatedAt: string | null;
  submittedAt: string | null;
}

export interface ReaderVolume {
  reader: string;
  readVersion: number;
  status: ReadStatus;
  volumeMl: number;
  firstSlice: number | null;
  lastSlice: number | null;
}

export interface Pair {
  a: string;
  b: string;
  dice: number | null;
  jaccard: number | null;
  hd: number | null;
  hd95: number | null;
  msd: number | null;
  volumeDiffMl: number;
  volumeDiffPercent: number | null;
  sliceDice: (number | null)[];
}

export interface VersusConsensus {
  reader: string;
  dice: number | null;
  hd95: number | null;
  msd: number | null;
}

export interface LesionAgreement {
  label: string;
  seriesInstanceUid: string;
  readers: ReaderVolume[];
  pairs: Pair[];
  meanDice: number | null;
  minDice: number | null;
  generalizedConformity: number | null;
  consensusVersion: number | null;
  versusConsensus: VersusConsensus[];
}

export interface CaseAgreement {
  caseId: number;
  caseLabel: string;
  includesInProgress: boolean;
  lesions: LesionAgreement[];
}

export interface MatrixCell {
  a: string;
  b: string;
  meanDice: number | null;
  cases: number;
}

export interface CaseRow {
  caseId: number;
  caseLabel: string;
  label: string;
  seriesInstanceUid: string;
  readers: number;
  meanDice: number | null;
  minDice: number | null;
  meanHd95: number | null;
  volumesMl: Record<string, number>;
  outlier: boolean;
}

export interface ReaderSummary {
  reader: string;
  cases: number;
  meanDiceVsOthers: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  consensusCases: number;
  meanDiceVsConsensus: number | null;
  consensusCiLow: number | null;
  consensusCiHigh: number | null;
}

export interface BlandAltmanPoint {
  caseId: number;
  label: string;
  a: string;
  b: string;
  meanMl: number;
  diffMl: number;
}

export interface BlandAltmanPair {
  a: string;
  b: string;
  n: number;
  biasMl: number | null;
  lowerLoaMl: number | null;
  upperLoaMl: number | null;
}

export interface StudyAgreement {
  studyId: number;
  readers: string[];
  outlierThreshold: number;
  matrix: MatrixCell[];
  cases: CaseRow[];
  perReader: ReaderSummary[];
  blandAltman: BlandAltmanPoint[];
  blandAltmanPairs: BlandAltmanPair[];
  submittedReads: number;
  expectedReads: number;
}

export interface ConsensusSource {
  reader: string;
  readVersion: number;
}

export interface ReaderStat {
  reader: string;
  label: string;
  sensitivity: number | null;
  specificity: number | null;
}

export interface Consensus {
  id: number;
  caseId: number;
  version: number;
  method: 'STAPLE' | 'MAJORITY' | 'EDITED';
  threshold: number | null;
  basedOn: number | null;
  approved: boolean;
  approvedBy: string | null;
  approvedAt: string | null;
  createdBy: string;
  createdAt: string;
  sources: ConsensusSource[];
  readers: ReaderStat[];
  content: ReadContent;
}

const studies = '/api/reader-studies';
const cases = '/api/cases';

/** Typed calls of the PI's endpoints. */
export const piApi = {
  studies: () => apiJson<ReaderStudy[]>(studies),
  study: (id: number) => apiJson<ReaderStudy>(`${studies}/${id}`),
  createStudy: (input: StudyInput) => apiJson<ReaderStudy>(studies, { method: 'POST', body: input }),
  /** Fields left out stay as they are (the server re-checks only what is sent). */
  updateStudy: (id: number, input: Partial<StudyInput>) =>
    apiJson<ReaderStudy>(`${studies}/${id}`, { method: 'PUT', body: input }),
  changeStatus: (id: number, status: StudyStatus) =>
    apiJson<ReaderStudy>(`${studies}/${id}/status`, { method: 'POST', body: { status } }),
  readers: () => apiJson<ReaderOption[]>(`${studies}/readers`),

  cases: (studyId: number) => apiJson<StudyCase[]>(`${studies}/${studyId}/cases`),
  addCase: (studyId: number, input: CaseInput) =>
    apiJson<StudyCase>(`${studies}/${studyId}/cases`, { method: 'POST', body: input }),
  phaseSuggestions: (studyInstanceUid: string) =>
    apiJson<SeriesSuggestion[]>(`${studies}/phase-suggestions${query({ studyInstanceUid })}`),
  updateCaseSeries: (caseId: number, series: Partial<Record<Phase, string>>) =>
    apiJson<StudyCase>(`${cases}/${caseId}/series`, { method: 'PUT', body: series }),
  removeCase: (caseId: number) => apiJson<void>(`${cases}/${caseId}`, { method: 'DELETE' }),

  /** The case's pathology reference, or null when none is recorded (the API answers 404). */
  pathology: async (caseId: number): Promise<Pathology | null> => {
    try {
      return await apiJson<Pathology>(`${cases}/${caseId}/pathology`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },
  savePathology: (caseId: number, input: PathologyInput) =>
    apiJson<Pathology>(`${cases}/${caseId}/pathology`, { method: 'PUT', body: input }),

  reads: (caseId: number) => apiJson<ReadView[]>(`${cases}/${caseId}/reads`),
  reopenRead: (caseId: number, reader: string) =>
    apiJson<ReadView>(`${cases}/${caseId}/reads/${encodeURIComponent(reader)}/reopen`, { method: 'POST' }),

  caseAgreement: (caseId: number, includeInProgress = false) =>
    apiJson<CaseAgreement>(`${cases}/${caseId}/agreement${query({ includeInProgress: includeInProgress ? 'true' : undefined })}`),
  studyAgreement: (studyId: number, outlierBelow: number, includeInProgress = false) =>
    apiJson<StudyAgreement>(
      `${studies}/${studyId}/agreement${query({ outlierBelow, includeInProgress: includeInProgress ? 'true' : undefined })}`,
    ),
  /** One dashboard table as CSV, exactly as the server writes it. */
  studyAgreementCsv: async (
    studyId: number,
    table: AgreementTable,
    outlierBelow: number,
    includeInProgress = false,
  ): Promise<Blob> => {
    const response = await apiFetch(
      `${studies}/${studyId}/agreement${query({ table, outlierBelow, includeInProgress: includeInProgress ? 'true' : undefined })}`,
      { headers: { Accept: 'text/csv' } },
    );
    return response.blob();
  },

  consensus: (caseId: number) => apiJson<Consensus[]>(`${cases}/${caseId}/consensus`),
  createConsensus: (caseId: number, method: ConsensusMethod, threshold: number) =>
    apiJson<Consensus>(`${cases}/${caseId}/consensus`, { method: 'POST', body: { method, threshold } }),
  /** A consensus the PI edited in the viewer, starting from version `basedOn`. */
  createEditedConsensus: (caseId: number, content: unknown, basedOn: number) =>
    apiJson<Consensus>(`${cases}/${caseId}/consensus`, { method: 'POST', body: { method: 'edited', content, basedOn } }),
  approveConsensus: (caseId: number, version: number) =>
    apiJson<Consensus>(`${cases}/${caseId}/consensus/${version}/approve`, { method: 'POST' }),
};
