import { describe, expect, it } from 'vitest';
import { pathologyDraftOf, pathologyInputOf } from './pathology';

describe('pathology form', () => {
  it('starts empty when nothing is recorded', () => {
    expect(pathologyDraftOf(null)).toEqual({ whoGrade: '', ki67Percent: '', mitoticCount: '', source: '', releasedToBoard: false });
  });

  it('round-trips a recorded result', () => {
    const draft = pathologyDraftOf({
      caseId: 1,
      whoGrade: 'G2',
      ki67Percent: 7.5,
      mitoticCount: 3,
      source: 'RESECTION',
      releasedToBoard: true,
      recordedBy: 'pi',
      recordedAt: '2026-11-27T10:00:00Z',
    });
    expect(pathologyInputOf(draft)).toEqual({ whoGrade: 'G2', ki67Percent: 7.5, mitoticCount: 3, source: 'RESECTION', releasedToBoard: true });
  });

  it('sends empty fields as not recorded and accepts a decimal comma', () => {
    expect(pathologyInputOf({ whoGrade: '', ki67Percent: ' 2,5 ', mitoticCount: '', source: 'EUS_FNA', releasedToBoard: false })).toEqual({
      whoGrade: null,
      ki67Percent: 2.5,
      mitoticCount: null,
      source: 'EUS_FNA',
      releasedToBoard: false,
    });
  });

  it('says what is wrong with a value out of range', () => {
    const base = { whoGrade: 'G1' as const, ki67Percent: '', mitoticCount: '', source: '' as const, releasedToBoard: false };
    expect(pathologyInputOf({ ...base, ki67Percent: '101' })).toBe('The Ki-67 index must be between 0 and 100.');
    expect(pathologyInputOf({ ...base, ki67Percent: 'abc' })).toBe('The Ki-67 index must be a number.');
    expect(pathologyInputOf({ ...base, mitoticCount: '-1' })).toBe('The mitotic count must be between 0 and 100000.');
  });
});
