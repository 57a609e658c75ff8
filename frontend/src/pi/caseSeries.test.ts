import { describe, expect, it } from 'vitest';
import type { SeriesSuggestion } from '../api/pi';
import { choiceProblems, initialChoice, isImageSeries, seriesByPhase, suggestionNote } from './caseSeries';

const s = (uid: string, modality: string, suggestedPhase: SeriesSuggestion['suggestedPhase'], reason = 'why'): SeriesSuggestion => ({
  seriesInstanceUid: uid,
  seriesNumber: 1,
  modality,
  seriesDescription: '',
  instances: 10,
  suggestedPhase,
  reason,
});

describe('phase choice for a new case', () => {
  const suggestions = [
    s('1', 'CT', 'CT_ARTERIAL', 'series description names the arterial phase'),
    s('2', 'CT', 'CT_ARTERIAL', 'acquired 40 s after contrast injection'),
    s('3', 'CT', 'CT_PORTAL_VENOUS'),
    s('4', 'MR', 'MR_ADC'),
    s('5', 'RTSTRUCT', null, 'no indication; choose the phase'),
  ];

  it('applies suggestions the study can use, first series first, never a phase twice', () => {
    expect(initialChoice(suggestions, ['CT_ARTERIAL', 'CT_PORTAL_VENOUS'])).toEqual({
      '1': 'CT_ARTERIAL',
      '2': '',
      '3': 'CT_PORTAL_VENOUS',
      '4': '',
      '5': '',
    });
  });

  it('never maps a non-image series', () => {
    expect(isImageSeries({ modality: 'SEG' })).toBe(false);
    expect(isImageSeries({ modality: 'mr' })).toBe(true);
    expect(isImageSeries({ modality: null })).toBe(false);
  });

  it('explains each suggestion', () => {
    expect(suggestionNote(suggestions[0], ['CT_ARTERIAL'], true)).toBe('CT arterial: series description names the arterial phase');
    expect(suggestionNote(suggestions[1], ['CT_ARTERIAL'], false)).toBe(
      'CT arterial? acquired 40 s after contrast injection — another series already has this phase',
    );
    expect(suggestionNote(suggestions[3], ['CT_ARTERIAL'], false)).toBe('MRI ADC? why — not a phase of this study');
    expect(suggestionNote(suggestions[4], ['CT_ARTERIAL'], false)).toBe('no indication; choose the phase');
  });

  it('needs at least one phase and one series per phase', () => {
    expect(choiceProblems({ a: '', b: '' })).toEqual(['Choose the phase of at least one series.']);
    expect(choiceProblems({ a: 'CT_ARTERIAL', b: 'CT_ARTERIAL', c: 'MR_T2W' })).toEqual([
      'CT arterial is chosen for 2 series; a case shows one series per phase.',
    ]);
    expect(choiceProblems({ a: 'CT_ARTERIAL', b: '' })).toEqual([]);
  });

  it('builds the phase → series map the API takes', () => {
    expect(seriesByPhase({ x: 'CT_ARTERIAL', y: '', z: 'CT_PORTAL_VENOUS' })).toEqual({ CT_ARTERIAL: 'x', CT_PORTAL_VENOUS: 'z' });
  });
});
