import { describe, expect, it } from 'vitest';
import type { Consensus, ReadView } from '../api/pi';
import { defaultChoice, readChoices } from './readChoices';

const SERIES = '1.2.840.1';
const contour = (sop: string) => ({ sopInstanceUid: sop, points: [[0, 0, 1], [4, 0, 1], [0, 4, 1]] as [number, number, number][] });

function read(reader: string, version: number, status: ReadView['status'], lesions: number): ReadView {
  return {
    caseId: 3,
    reader,
    status,
    version,
    content: {
      lesions: Array.from({ length: lesions }, (_, n) => ({ id: `l${n}`, label: 'primary tumour', seriesInstanceUid: SERIES, contours: [contour(`1.2.${n}`)] })),
    } as ReadView['content'],
    updatedAt: null,
    submittedAt: null,
  };
}

function consensus(version: number, approved: boolean): Consensus {
  return {
    id: 10 + version,
    caseId: 3,
    version,
    method: 'STAPLE',
    threshold: 0.5,
    basedOn: null,
    approved,
    approvedBy: approved ? 'pi' : null,
    approvedAt: null,
    createdBy: 'pi',
    createdAt: '2025-01-01T00:00:00Z',
    sources: [],
    readers: [],
    content: { lesions: [{ id: 'consensus-1', label: 'primary tumour', contours: [contour('1.2.0')] }] },
  };
}

describe('the choices of the PI case viewer', () => {
  it('lists readers with a saved read, all readers overlaid, then each consensus version', () => {
    const choices = readChoices(
      [read('reader1', 2, 'SUBMITTED', 1), read('reader2', 0, 'NOT_STARTED', 0), read('reader3', 1, 'IN_PROGRESS', 2)],
      [consensus(2, true), consensus(1, false)],
      SERIES,
    );
    expect(choices.map((c) => c.key)).toEqual(['reader:reader1', 'reader:reader3', 'all-readers', 'all-readers+consensus:2', 'consensus:2', 'consensus:1']);
    expect(choices[0].caption).toBe("reader1's read, version 2 (submitted), 1 lesion");
    expect(choices[1].label).toBe('reader3 (v1, in progress)');
    expect(choices[4].caption).toBe('Consensus version 2 (staple, approved), 1 lesion');
    // a consensus stored without its series takes the case's only series
    expect(choices[4].read.lesions[0].seriesInstanceUid).toBe(SERIES);
  });

  it('overlays all readers as distinct lesions named after their reader', () => {
    const all = readChoices([read('reader1', 1, 'SUBMITTED', 1), read('reader3', 1, 'SUBMITTED', 2)], [], SERIES).find((c) => c.key === 'all-readers')!;
    expect(all.read.lesions.map((l) => [l.id, l.label])).toEqual([
      ['reader1/l0', 'primary tumour — reader1'],
      ['reader3/l0', 'primary tumour — reader3'],
      ['reader3/l1', 'primary tumour — reader3'],
    ]);
    expect(all.caption).toBe('All 2 readers overlaid (reader1 v1, reader3 v1), 3 lesions');
  });

  it('draws the approved consensus, else the newest, among the readers', () => {
    const reads = [read('reader1', 1, 'SUBMITTED', 1), read('reader3', 1, 'SUBMITTED', 2)];
    const approvedOlder = readChoices(reads, [consensus(2, false), consensus(1, true)], SERIES).find((c) => c.key.startsWith('all-readers+'))!;
    expect(approvedOlder.key).toBe('all-readers+consensus:1');
    expect(approvedOlder.read.lesions.map((l) => l.label)).toEqual([
      'primary tumour — reader1',
      'primary tumour — reader3',
      'primary tumour — reader3',
      'primary tumour — consensus v1',
    ]);
    expect(approvedOlder.read.lesions[3].seriesInstanceUid).toBe(SERIES);
    expect(approvedOlder.caption).toBe('All 2 readers overlaid (reader1 v1, reader3 v1) with consensus version 1, 4 lesions');
    const newest = readChoices(reads, [consensus(2, false), consensus(1, false)], SERIES).find((c) => c.key.startsWith('all-readers+'))!;
    expect(newest.key).toBe('all-readers+consensus:2');
    expect(readChoices(reads, [], SERIES).some((c) => c.key.startsWith('all-readers+'))).toBe(false);
  });

  it('shows painted slices of the overlay as outlines, so overlapping readers do not paint over each other', () => {
    const painted = read('reader1', 1, 'SUBMITTED', 1);
    (painted.content.lesions[0].contours[0] as { origin?: string }).origin = 'brush';
    const choices = readChoices([painted, read('reader2', 1, 'SUBMITTED', 1)], [], SERIES);
    expect(choices[0].read.lesions[0].contours[0].origin).toBe('brush');
    const overlay = choices.find((c) => c.key === 'all-readers')!.read.lesions[0].contours[0];
    expect(overlay.origin).toBeUndefined();
    expect(overlay.points).toEqual(choices[0].read.lesions[0].contours[0].points);
  });

  it('offers no overlay for a single read, and starts on the approved consensus, else the first reader', () => {
    const one = readChoices([read('reader2', 1, 'SUBMITTED', 1)], [], SERIES);
    expect(one.map((c) => c.key)).toEqual(['reader:reader2']);
    expect(defaultChoice(one, [])).toBe('reader:reader2');
    const withConsensus = [consensus(2, false), consensus(1, true)];
    expect(defaultChoice(readChoices([], withConsensus, SERIES), withConsensus)).toBe('consensus:1');
    expect(defaultChoice([], [])).toBeNull();
  });
});
