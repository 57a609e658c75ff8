import { describe, expect, it } from 'vitest';
import type { ReadView } from '../api/pi';
import { isOutdated, parseThreshold, sourceStates, statsByLabel, thresholdHelp } from './consensus';

const read = (reader: string, version: number, status: ReadView['status']): ReadView => ({
  caseId: 1,
  reader,
  status,
  version,
  content: { lesions: [] },
  updatedAt: null,
  submittedAt: null,
});

describe('consensus provenance', () => {
  const sources = [
    { reader: 'r1', readVersion: 2 },
    { reader: 'r2', readVersion: 1 },
    { reader: 'r3', readVersion: 1 },
    { reader: 'r4', readVersion: 1 },
  ];
  const reads = [read('r1', 2, 'SUBMITTED'), read('r2', 3, 'SUBMITTED'), read('r3', 1, 'IN_PROGRESS')];

  it('says which source reads changed after the consensus was made', () => {
    expect(sourceStates(sources, reads).map((s) => s.note)).toEqual([
      '',
      'read is now v3',
      'read reopened since',
      'read no longer listed',
    ]);
    expect(sourceStates([{ reader: 'r2', readVersion: 1 }], [read('r2', 2, 'IN_PROGRESS')])[0].note).toBe(
      'read is now v2, not submitted',
    );
  });

  it('is out of date as soon as one source changed', () => {
    expect(isOutdated({ sources: sources.slice(0, 1) }, reads)).toBe(false);
    expect(isOutdated({ sources }, reads)).toBe(true);
  });
});

describe('consensus form', () => {
  it('accepts thresholds in (0, 1]', () => {
    expect(parseThreshold('0.5')).toBe(0.5);
    expect(parseThreshold('1')).toBe(1);
    expect(parseThreshold('0,75')).toBe(0.75);
    expect(parseThreshold('0')).toBe('The threshold must be above 0 and at most 1.');
    expect(parseThreshold('1.2')).toBe('The threshold must be above 0 and at most 1.');
    expect(parseThreshold('')).toBe('The threshold must be a number.');
  });

  it('explains the threshold per method', () => {
    expect(thresholdHelp('staple')).toMatch(/probability/);
    expect(thresholdHelp('majority')).toMatch(/fraction of the readers/);
  });

  it('groups STAPLE statistics by lesion label', () => {
    const grouped = statsByLabel([
      { reader: 'r1', label: 'primary tumour', sensitivity: 0.9, specificity: 1 },
      { reader: 'r1', label: 'liver metastasis', sensitivity: 0.5, specificity: 1 },
      { reader: 'r2', label: 'primary tumour', sensitivity: 0.8, specificity: 0.99 },
    ]);
    expect(grouped.map((g) => [g.label, g.readers.map((r) => r.reader)])).toEqual([
      ['primary tumour', ['r1', 'r2']],
      ['liver metastasis', ['r1']],
    ]);
  });
});
