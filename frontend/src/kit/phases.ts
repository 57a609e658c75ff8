import { PHASES, type Phase } from '../api/pi';

/** The labels a reader and a PI see for each phase (the backend's Phase enum uses the same ones). */
const LABELS: Record<Phase, string> = {
  CT_NON_CONTRAST: 'CT non-contrast',
  CT_ARTERIAL: 'CT arterial',
  CT_PORTAL_VENOUS: 'CT portal-venous',
  MR_T2W: 'MRI T2WI',
  MR_DWI: 'MRI DWI',
  MR_ADC: 'MRI ADC',
};

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** A phase's label; an unknown value is shown as it came, so nothing is hidden. */
export function phaseLabel(phase: string): string {
  return isPhase(phase) ? LABELS[phase] : phase;
}

export interface PhaseGroup {
  modality: 'CT' | 'MRI';
  phases: Phase[];
}

/** Phases grouped by modality, in acquisition order, for the study form. */
export function phaseGroups(): PhaseGroup[] {
  return [
    { modality: 'CT', phases: PHASES.filter((p) => p.startsWith('CT_')) },
    { modality: 'MRI', phases: PHASES.filter((p) => p.startsWith('MR_')) },
  ];
}

/** The given phases in canonical order (the order of the Phase enum), without duplicates or unknown values. */
export function orderedPhases(phases: readonly string[]): Phase[] {
  return PHASES.filter((p) => phases.includes(p));
}
