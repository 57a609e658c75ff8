import type { Phase, ReaderStudy, StudyInput, StudyStatus } from '../api/pi';
import { orderedPhases } from '../kit/phases';

/** What the create / edit form holds. */
export interface StudyDraft {
  name: string;
  purpose: string;
  lesionLabels: string[];
  phases: Phase[];
  readers: string[];
  blinded: boolean;
}

export const NAME_MAX = 200;
export const LABEL_MAX = 64;
/** Labels a pNEN study usually needs, offered as one-click additions (the PI decides). */
export const COMMON_LABELS = ['primary tumour', 'liver metastasis', 'lymph node metastasis'];

export function emptyDraft(): StudyDraft {
  return { name: '', purpose: '', lesionLabels: [], phases: [], readers: [], blinded: true };
}

export function draftOf(study: ReaderStudy): StudyDraft {
  return {
    name: study.name,
    purpose: study.purpose ?? '',
    lesionLabels: [...study.lesionLabels],
    phases: orderedPhases(study.phases),
    readers: [...study.readers],
    blinded: study.blinded,
  };
}

/** Adds a lesion label (trimmed, inner whitespace collapsed); returns the labels unchanged and a reason when it cannot. */
export function addLabel(labels: readonly string[], text: string): { labels: string[]; problem: string | null } {
  const label = text.trim().replace(/\s+/g, ' ');
  if (!label) return { labels: [...labels], problem: 'Type a label first.' };
  if (label.length > LABEL_MAX) return { labels: [...labels], problem: `A label has at most ${LABEL_MAX} characters.` };
  if (labels.some((l) => l.toLowerCase() === label.toLowerCase())) {
    return { labels: [...labels], problem: `“${label}” is already a label.` };
  }
  return { labels: [...labels, label], problem: null };
}

export function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}

/** Problems the PI can fix before sending (the server enforces the same and more). */
export function draftProblems(d: StudyDraft): string[] {
  const problems: string[] = [];
  if (!d.name.trim()) problems.push('Give the study a name.');
  else if (d.name.trim().length > NAME_MAX) problems.push(`The name has at most ${NAME_MAX} characters.`);
  if (d.lesionLabels.length === 0) problems.push('Add at least one lesion label.');
  if (d.phases.length === 0) problems.push('Choose at least one phase.');
  return problems;
}

export function inputOf(d: StudyDraft): StudyInput {
  return {
    name: d.name.trim(),
    purpose: d.purpose.trim(),
    lesionLabels: d.lesionLabels,
    phases: orderedPhases(d.phases),
    readers: [...d.readers].sort(),
    blinded: d.blinded,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));

/**
 * The PUT body of an edit: name, purpose, labels and blinding always; phases and readers only when they changed, so
 * an untouched reader list is not re-validated (a study may hold external readers without a portal login).
 */
export function updateOf(d: StudyDraft, study: ReaderStudy): Partial<StudyInput> {
  const full = inputOf(d);
  const update: Partial<StudyInput> = {
    name: full.name,
    purpose: full.purpose,
    lesionLabels: full.lesionLabels,
    blinded: full.blinded,
  };
  if (!sameSet(full.phases, study.phases)) update.phases = full.phases;
  if (!sameSet(full.readers, study.readers)) update.readers = full.readers;
  return update;
}

/** What the server lets change once a study is under way, so the form can say it up front. */
export function editLimits(study: ReaderStudy | null): { phasesLocked: boolean; lockedLabels: string[] } {
  if (!study) return { phasesLocked: false, lockedLabels: [] };
  return {
    phasesLocked: study.status !== 'DRAFT',
    lockedLabels: study.caseCount > 0 ? [...study.lesionLabels] : [],
  };
}

export interface StatusAction {
  to: StudyStatus;
  label: string;
  explanation: string;
}

/** The status moves the server allows: draft → open → closed, and closed → open again. */
export function statusActions(status: StudyStatus): StatusAction[] {
  switch (status) {
    case 'DRAFT':
      return [{ to: 'OPEN', label: 'Open study', explanation: 'Readers see its cases in their worklists.' }];
    case 'OPEN':
      return [{ to: 'CLOSED', label: 'Close study', explanation: 'Reading stops; everything becomes read-only.' }];
    case 'CLOSED':
      return [{ to: 'OPEN', label: 'Reopen study', explanation: 'Readers may continue where they stopped.' }];
    default:
      return [];
  }
}
