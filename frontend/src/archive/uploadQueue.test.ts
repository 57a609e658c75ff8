import { describe, expect, it } from 'vitest';
import { isUploadCandidate, runLimited } from './uploadQueue';

describe('runLimited', () => {
  it('never has more than the limit in flight and reports every item once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: number[] = [];
    await runLimited(
      Array.from({ length: 23 }, (_, i) => i),
      4,
      async (i) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, (i * 7) % 5));
        inFlight--;
        return i * 2;
      },
      (result, item) => {
        expect(result).toBe(item * 2);
        seen.push(item);
      },
    );
    expect(maxInFlight).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });

  it('copes with no items', async () => {
    await runLimited([], 4, async () => 1, () => {
      throw new Error('must not be called');
    });
  });
});

describe('upload candidates', () => {
  const file = (size: number) => ({ size }) as File;
  it('skips hidden files, folder metadata and empty files', () => {
    expect(isUploadCandidate({ file: file(10), path: 'ct/1-001.dcm' })).toBe(true);
    expect(isUploadCandidate({ file: file(10), path: 'ct/IM0001' })).toBe(true);
    expect(isUploadCandidate({ file: file(10), path: 'ct/.DS_Store' })).toBe(false);
    expect(isUploadCandidate({ file: file(10), path: 'ct/Thumbs.db' })).toBe(false);
    expect(isUploadCandidate({ file: file(0), path: 'ct/empty.dcm' })).toBe(false);
  });
});
