import { describe, expect, it } from 'vitest';
import type { CaseRow } from '../api/pi';
import { byDisagreement, isOutlier, matrixLookup, nobodyHasRead, progress, readStatusLabel, studyProgress } from './agreementTables';

const row = (caseLabel: string, label: string, minDice: number | null, meanDice: number | null = minDice): CaseRow => ({
  caseId: Number(caseLabel.replace(/\D/g, '')) || 0,
  caseLabel,
  label,
  seriesInstanceUid: '1.2',
  readers: 3,
  meanDice,
  minDice,
  meanHd95: null,
  volumesMl: {},
  outlier: false,
});

describe('per-case table: sorting and outlier flags', () => {
  it('flags a case when its least-agreeing pair is below the threshold', () => {
    expect(isOutlier(0.69, 0.7)).toBe(true);
    expect(isOutlier(0.7, 0.7)).toBe(false);
    expect(isOutlier(null, 0.7)).toBe(false);
    expect(isOutlier(0, 0)).toBe(false);
  });

  it('sorts lowest minimum Dice first, undefined last, ties by mean Dice then natural label order', () => {
    const rows = [
      row('Case 10', 'primary tumour', 0.8),
      row('Case 2', 'primary tumour', null),
      row('Case 3', 'liver metastasis', 0.41, 0.7),
      row('Case 1', 'primary tumour', 0.41, 0.6),
      row('Case 2', 'liver metastasis', 0.8),
      row('Case 9', 'primary tumour', 0.9),
    ];
    const sorted = byDisagreement(rows, 0.7);
    expect(sorted.map((r) => `${r.caseLabel}/${r.label}`)).toEqual([
      'Case 1/primary tumour',
      'Case 3/liver metastasis',
      'Case 2/liver metastasis',
      'Case 10/primary tumour',
      'Case 9/primary tumour',
      'Case 2/primary tumour',
    ]);
    expect(sorted.map((r) => r.flagged)).toEqual([true, true, false, false, false, false]);
    expect(rows[0].caseLabel).toBe('Case 10'); // input untouched
  });

  it('re-flags when the threshold moves', () => {
    const rows = [row('Case 1', 'L', 0.75), row('Case 2', 'L', 0.85)];
    expect(byDisagreement(rows, 0.8).map((r) => r.flagged)).toEqual([true, false]);
    expect(byDisagreement(rows, 0.9).map((r) => r.flagged)).toEqual([true, true]);
    expect(byDisagreement(rows, 0.5).map((r) => r.flagged)).toEqual([false, false]);
  });
});

describe('matrix and progress helpers', () => {
  it('finds a pair in either order', () => {
    const find = matrixLookup([{ a: 'r1', b: 'r2', meanDice: 0.8, cases: 2 }]);
    expect(find('r2', 'r1')?.meanDice).toBe(0.8);
    expect(find('r1', 'r3')).toBeUndefined();
  });

  it('counts submitted reads against readers × cases', () => {
    expect(progress(0, 0)).toEqual({ done: 0, total: 0, fraction: 0 });
    const p = studyProgress({
      caseCount: 4,
      readers: ['r1', 'r2'],
      progress: [
        { reader: 'r1', notStarted: 1, inProgress: 1, submitted: 2 },
        { reader: 'r2', notStarted: 0, inProgress: 0, submitted: 4 },
      ],
    });
    expect(p).toEqual({ done: 6, total: 8, fraction: 0.75 });
  });

  it('labels read statuses and knows when a case is untouched', () => {
    expect(readStatusLabel('IN_PROGRESS')).toBe('in progress');
    expect(readStatusLabel(undefined)).toBe('not started');
    expect(readStatusLabel('LOCKED')).toBe('locked');
    expect(nobodyHasRead({ r1: 'NOT_STARTED', r2: 'NOT_STARTED' })).toBe(true);
    expect(nobodyHasRead({ r1: 'NOT_STARTED', r2: 'IN_PROGRESS' })).toBe(false);
    expect(nobodyHasRead({})).toBe(true);
  });
});
