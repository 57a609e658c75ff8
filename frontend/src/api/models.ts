import type { PredictionView } from './board';
import { apiJson } from './client';

/**
 * Grade models: the registry and its cards (io.delineo.grading.ModelResource, card contract in onnx-models/README.md),
 * training and evaluation on a study (TrainingService), predictions on a case (GradingService), and releasing a case
 * to the tumour board (io.delineo.board.BoardResource), which the PI does next to the predictions.
 *
 * Numbers the server cannot define (an empty calibration bin, the ROC threshold above every score) arrive as the
 * strings "NaN" / "Infinity" or as null; the chart helpers treat anything but a finite number as missing.
 */

export type GradingTaskName = 'G1 vs G2/G3' | 'G1/G2/G3';
export type DataNature = 'synthetic' | 'demo' | 'clinical';
/** A number as the server may send it: finite, or a placeholder for an undefined value. */
export type ServerNumber = number | string | null;

export interface CardMetric {
  name: string;
  value: number;
  ci95?: [number, number];
  method: string;
}

export interface RadiomicsInput {
  kind: 'radiomics';
  tensorName: string;
  features: string[];
  featureSettings: Record<string, unknown>;
  featureSettingsSha256: string;
  normalisation: { method: string; appliedBy: 'portal' | 'graph'; means?: number[]; sds?: number[] };
}

export interface RoiImageInput {
  kind: 'roi-image';
  tensorName: string;
  phases: string[];
  cropVoxels: number[];
  spacingMm: number;
  cropMm?: number[];
  centring: string;
  axes?: string;
  interpolation: string;
  huWindow: [number, number];
  outsideHu: number;
  normalisation: { method: string; mean?: number; sd?: number };
  layout: string;
  maskChannel: boolean;
}

export interface ModelCard {
  schema?: string;
  id: string;
  version: string;
  task: GradingTaskName;
  classLabels: string[];
  input: RadiomicsInput | RoiImageInput;
  output: { tensorName: string; kind: string };
  trainingData: { description: string; nature: DataNature; casesPerClass: Record<string, number> };
  evaluation: { protocol: string; metrics: CardMetric[] };
  intendedUse: string;
  limitations: string[];
  researchUseOnly: boolean;
  modelSha256: string;
  created: string;
  software: Record<string, string>;
}

export type ModelSource = 'SHIPPED' | 'UPLOADED' | 'TRAINED';

export interface ModelItem {
  id: string;
  version: string;
  card: ModelCard;
  source: ModelSource;
  sha256: string;
}

export interface UploadedModel {
  id: string;
  version: string;
  sha256: string;
  card: ModelCard;
}

export interface TrainingInput {
  modelId: string;
  version: string;
  task: GradingTaskName;
  settingsHash?: string;
  robustOnly: boolean;
  l1?: number;
  folds?: number;
  seed?: number;
}

export interface TrainingFold {
  fold: number;
  trainCases: number;
  testCases: number;
  auc: ServerNumber;
  /** Features with a non-zero weight in this fold's model. */
  selectedFeatures: string[];
}

export interface TrainingResult {
  modelId: string;
  version: string;
  task: GradingTaskName;
  cases: number;
  perClass: Record<string, number>;
  features: string[];
  selectedFeatures: string[];
  cvAuc: ServerNumber;
  cvAucLow: ServerNumber;
  cvAucHigh: ServerNumber;
  cvAucName: string;
  folds: TrainingFold[];
  card: ModelCard;
}

export interface RocPoint {
  falsePositiveRate: number;
  truePositiveRate: number;
  threshold: ServerNumber;
}

export interface RocCurve {
  points: RocPoint[];
  auc: ServerNumber;
  positives: number;
  negatives: number;
}

export interface ConfidenceInterval {
  estimate: ServerNumber;
  lower: ServerNumber;
  upper: ServerNumber;
  level: number;
  resamples: number;
  skippedResamples: number;
  seed: number;
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: ServerNumber;
  observedFraction: ServerNumber;
}

export interface Calibration {
  bins: CalibrationBin[];
  brier: ServerNumber;
  cases: number;
}

export interface ClassifierEvaluation {
  labels: string[];
  oneVsRest: RocCurve[];
  oneVsRestAuc: ConfidenceInterval[];
  microAverage: RocCurve;
  microAuc: ConfidenceInterval;
  confusion: { labels: string[]; counts: number[][] };
  calibration: Calibration[];
  multiclassBrier: ServerNumber;
  cases: number;
}

export interface EvaluatedCase {
  caseId: number;
  case: string;
  truth: string;
  predicted: string;
  probabilities: Record<string, number>;
}

export interface EvaluationResult {
  modelId: string;
  version: string;
  studyId: number;
  cases: number;
  labels: string[];
  evaluation: ClassifierEvaluation;
  predictions: EvaluatedCase[];
}

export interface ReleasedCase {
  caseId: number;
  caseLabel: string;
  studyName: string;
  releasedAt: string;
  releasedBy: string;
  latestGrade: string | null;
  decidedAt: string | null;
}

const path = (id: string, version: string) => `/api/models/${encodeURIComponent(id)}/${encodeURIComponent(version)}`;

export const modelsApi = {
  list: () => apiJson<ModelItem[]>('/api/models'),
  card: (id: string, version: string) => apiJson<ModelCard>(path(id, version)),
  /** Admin only. Parts: `model` (the .onnx bytes) and `card` (the card JSON text); 422 names every reason refused. */
  upload: (model: Blob, fileName: string, cardJson: string) => {
    const form = new FormData();
    form.append('model', model, fileName);
    form.append('card', cardJson);
    return apiJson<UploadedModel>('/api/models', { method: 'POST', body: form });
  },
  train: (studyId: number, input: TrainingInput) =>
    apiJson<TrainingResult>(`/api/reader-studies/${studyId}/trainings`, { method: 'POST', body: input }),
  evaluate: (id: string, version: string, studyId: number) =>
    apiJson<EvaluationResult>(`${path(id, version)}/evaluation?study=${studyId}`),

  predict: (caseId: number, modelId: string, modelVersion: string) =>
    apiJson<PredictionView>(`/api/cases/${caseId}/predictions`, { method: 'POST', body: { modelId, modelVersion } }),
  predictions: (caseId: number) => apiJson<PredictionView[]>(`/api/cases/${caseId}/predictions`),

  /** The cases on the tumour board's list (the PI may read it; it is not audited as a case view). */
  releasedCases: () => apiJson<ReleasedCase[]>('/api/board/cases'),
  release: (caseId: number, note: string) =>
    apiJson<void>(`/api/board/cases/${caseId}/release`, { method: 'POST', body: { note } }),
  withdraw: (caseId: number) => apiJson<void>(`/api/board/cases/${caseId}/release`, { method: 'DELETE' }),
};
