import type { GradingTaskName, TrainingInput } from '../../api/models';

/** The train form as typed: numbers stay text until sent, so the PI sees what they typed next to any problem. */
export interface TrainingDraft {
  modelId: string;
  version: string;
  task: GradingTaskName;
  robustOnly: boolean;
  l1: string;
  folds: string;
  seed: string;
}

export const TASKS: readonly GradingTaskName[] = ['G1 vs G2/G3', 'G1/G2/G3'];

/** The server's rules for a trained model's id and version (TrainingService). */
const MODEL_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const VERSION = /^[0-9A-Za-z.+-]{1,32}$/;

/** The trainer's defaults (TrainingConfig.defaults): L1 0.05, 5 folds, seed 42. */
export function defaultTrainingDraft(studyId: number): TrainingDraft {
  return {
    modelId: `study-${studyId}-grade`,
    version: '1.0.0',
    task: 'G1 vs G2/G3',
    robustOnly: false,
    l1: '0.05',
    folds: '5',
    seed: '42',
  };
}

export type TrainingCheck = { ok: true; input: TrainingInput } | { ok: false; problems: string[] };

function number(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** The request body, or every problem the server would refuse it for (and a few it could only guess at). */
export function trainingInput(d: TrainingDraft, settingsHash?: string): TrainingCheck {
  const problems: string[] = [];
  const modelId = d.modelId.trim();
  const version = d.version.trim();
  if (!MODEL_ID.test(modelId)) {
    problems.push('Model id: 2–63 characters, lower-case letters, digits and dashes, starting with a letter or digit.');
  }
  if (!VERSION.test(version)) problems.push('Version: 1–32 characters of letters, digits, “.”, “+” and “-”, e.g. 1.0.0.');
  if (!TASKS.includes(d.task)) problems.push(`Task must be one of ${TASKS.join(', ')}.`);
  const l1 = number(d.l1);
  if (l1 === null || !(l1 > 0)) problems.push('L1 strength must be a number above 0.');
  const folds = number(d.folds);
  if (folds === null || !Number.isInteger(folds) || folds < 2) problems.push('Folds must be a whole number, at least 2.');
  const seed = number(d.seed);
  if (seed === null || !Number.isSafeInteger(seed)) problems.push('Seed must be a whole number.');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      modelId,
      version,
      task: d.task,
      robustOnly: d.robustOnly,
      l1: l1 as number,
      folds: folds as number,
      seed: seed as number,
      ...(settingsHash ? { settingsHash } : {}),
    },
  };
}
