import type { Phase, SeriesSuggestion } from '../api/pi';
import { phaseLabel } from '../kit/phases';

/** The PI's choice per archive series: the phase it shows in this case, or '' when the case does not use it. */
export type PhaseChoice = Record<string, Phase | ''>;

/** Modalities whose series a reader can contour on. */
const IMAGE_MODALITIES = new Set(['CT', 'MR']);

export function isImageSeries(s: Pick<SeriesSuggestion, 'modality'>): boolean {
  return s.modality !== null && IMAGE_MODALITIES.has(s.modality.toUpperCase());
}

/**
 * Pre-fills the choice from the server's suggestions: a series takes its suggested phase when the study uses that
 * phase and no earlier series took it. The PI confirms or overrides each one before the case is added.
 */
export function initialChoice(suggestions: readonly SeriesSuggestion[], studyPhases: readonly Phase[]): PhaseChoice {
  const taken = new Set<Phase>();
  const choice: PhaseChoice = {};
  for (const s of suggestions) {
    const p = s.suggestedPhase;
    if (p && isImageSeries(s) && studyPhases.includes(p) && !taken.has(p)) {
      choice[s.seriesInstanceUid] = p;
      taken.add(p);
    } else {
      choice[s.seriesInstanceUid] = '';
    }
  }
  return choice;
}

/** Why the suggestion was or was not applied, in the PI's words. */
export function suggestionNote(s: SeriesSuggestion, studyPhases: readonly Phase[], applied: boolean): string {
  if (!s.suggestedPhase) return s.reason;
  const label = phaseLabel(s.suggestedPhase);
  if (!studyPhases.includes(s.suggestedPhase)) return `${label}? ${s.reason} — not a phase of this study`;
  if (!applied) return `${label}? ${s.reason} — another series already has this phase`;
  return `${label}: ${s.reason}`;
}

/** Problems that stop the case from being added (the server checks the same rules). */
export function choiceProblems(choice: PhaseChoice): string[] {
  const problems: string[] = [];
  const byPhase = new Map<Phase, number>();
  for (const p of Object.values(choice)) if (p) byPhase.set(p, (byPhase.get(p) ?? 0) + 1);
  if (byPhase.size === 0) problems.push('Choose the phase of at least one series.');
  for (const [p, n] of byPhase) if (n > 1) problems.push(`${phaseLabel(p)} is chosen for ${n} series; a case shows one series per phase.`);
  return problems;
}

/** The request body's phase → series map. */
export function seriesByPhase(choice: PhaseChoice): Partial<Record<Phase, string>> {
  const out: Partial<Record<Phase, string>> = {};
  for (const [series, p] of Object.entries(choice)) if (p) out[p] = series;
  return out;
}
