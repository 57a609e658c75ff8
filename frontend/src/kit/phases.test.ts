import { describe, expect, it } from 'vitest';
import { isPhase, orderedPhases, phaseGroups, phaseLabel } from './phases';

describe('phase labels', () => {
  it('labels every phase the API knows', () => {
    expect(phaseLabel('CT_NON_CONTRAST')).toBe('CT non-contrast');
    expect(phaseLabel('CT_ARTERIAL')).toBe('CT arterial');
    expect(phaseLabel('CT_PORTAL_VENOUS')).toBe('CT portal-venous');
    expect(phaseLabel('MR_T2W')).toBe('MRI T2WI');
    expect(phaseLabel('MR_DWI')).toBe('MRI DWI');
    expect(phaseLabel('MR_ADC')).toBe('MRI ADC');
  });

  it('shows an unknown value unchanged rather than hiding it', () => {
    expect(phaseLabel('PET')).toBe('PET');
    expect(isPhase('PET')).toBe(false);
    expect(isPhase('MR_ADC')).toBe(true);
  });

  it('groups CT and MRI phases for the form, all six exactly once', () => {
    const groups = phaseGroups();
    expect(groups.map((g) => g.modality)).toEqual(['CT', 'MRI']);
    expect(groups[0].phases).toEqual(['CT_NON_CONTRAST', 'CT_ARTERIAL', 'CT_PORTAL_VENOUS']);
    expect(groups[1].phases).toEqual(['MR_T2W', 'MR_DWI', 'MR_ADC']);
  });

  it('orders chosen phases canonically and drops unknown ones', () => {
    expect(orderedPhases(['MR_ADC', 'CT_ARTERIAL', 'X', 'CT_ARTERIAL'])).toEqual(['CT_ARTERIAL', 'MR_ADC']);
  });
});
