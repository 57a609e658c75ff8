import { describe, expect, it } from 'vitest';
import type { ReaderStudy } from '../api/pi';
import { addLabel, updateOf, draftOf, draftProblems, editLimits, emptyDraft, inputOf, statusActions, toggle } from './studyForm';

const study: ReaderStudy = {
  id: 4,
  name: 'PNEN arterial',
  purpose: 'Inter-reader agreement',
  lesionLabels: ['primary tumour'],
  phases: ['CT_PORTAL_VENOUS', 'CT_ARTERIAL'],
  readers: ['reader2', 'reader1'],
  blinded: false,
  status: 'OPEN',
  createdBy: 'pi',
  createdAt: null,
  caseCount: 2,
  progress: [],
};

describe('study form', () => {
  it('adds labels trimmed and without case-insensitive duplicates', () => {
    expect(addLabel(['primary tumour'], '  liver   metastasis ')).toEqual({
      labels: ['primary tumour', 'liver metastasis'],
      problem: null,
    });
    expect(addLabel(['primary tumour'], 'Primary Tumour').problem).toBe('“Primary Tumour” is already a label.');
    expect(addLabel([], '   ').problem).toBe('Type a label first.');
    expect(addLabel([], 'x'.repeat(65)).problem).toMatch(/at most 64/);
  });

  it('toggles a choice without duplicates', () => {
    expect(toggle(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  it('names what is missing before sending', () => {
    expect(draftProblems(emptyDraft())).toEqual([
      'Give the study a name.',
      'Add at least one lesion label.',
      'Choose at least one phase.',
    ]);
    expect(draftProblems({ ...draftOf(study), name: 'n'.repeat(201) })).toEqual(['The name has at most 200 characters.']);
    expect(draftProblems(draftOf(study))).toEqual([]);
    expect(emptyDraft().blinded).toBe(true);
  });

  it('sends phases in canonical order and a trimmed name', () => {
    expect(inputOf({ ...draftOf(study), name: '  PNEN  ' })).toEqual({
      name: 'PNEN',
      purpose: 'Inter-reader agreement',
      lesionLabels: ['primary tumour'],
      phases: ['CT_ARTERIAL', 'CT_PORTAL_VENOUS'],
      readers: ['reader1', 'reader2'],
      blinded: false,
    });
  });

  it('sends phases and readers on edit only when they changed', () => {
    const unchanged = updateOf(draftOf(study), study);
    expect(unchanged).toEqual({ name: 'PNEN arterial', purpose: 'Inter-reader agreement', lesionLabels: ['primary tumour'], blinded: false });
    const changed = updateOf({ ...draftOf(study), readers: ['reader1'], phases: ['CT_ARTERIAL'] }, study);
    expect(changed.readers).toEqual(['reader1']);
    expect(changed.phases).toEqual(['CT_ARTERIAL']);
  });

  it('knows what an open study with cases may no longer change', () => {
    expect(editLimits(study)).toEqual({ phasesLocked: true, lockedLabels: ['primary tumour'] });
    expect(editLimits({ ...study, status: 'DRAFT', caseCount: 0 })).toEqual({ phasesLocked: false, lockedLabels: [] });
    expect(editLimits(null)).toEqual({ phasesLocked: false, lockedLabels: [] });
  });

  it('offers the status moves the server allows', () => {
    expect(statusActions('DRAFT').map((a) => a.to)).toEqual(['OPEN']);
    expect(statusActions('OPEN').map((a) => a.label)).toEqual(['Close study']);
    expect(statusActions('CLOSED').map((a) => a.label)).toEqual(['Reopen study']);
  });
});
