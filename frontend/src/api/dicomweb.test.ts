import { describe, expect, it } from 'vitest';
import { storeResultOf, stowQuery, text, type DicomJson } from './dicomweb';

describe('STOW-RS responses', () => {
  it('reads a stored instance with its message', () => {
    const body: DicomJson = {
      '00081199': {
        vr: 'SQ',
        Value: [{ '00081155': { vr: 'UI', Value: ['1.2.3'] }, '00091001': { vr: 'LT', Value: ['stored'] } }],
      },
    };
    expect(storeResultOf(body)).toEqual({ status: 'stored', message: 'stored', sopInstanceUid: '1.2.3' });
  });

  it('reads duplicates and refusals', () => {
    const dup: DicomJson = {
      '00081199': { vr: 'SQ', Value: [{ '00091001': { vr: 'LT', Value: ['identical object already stored'] } }] },
    };
    expect(storeResultOf(dup).status).toBe('already stored');
    const refused: DicomJson = {
      '00081198': {
        vr: 'SQ',
        Value: [{ '00081197': { vr: 'US', Value: [49152] }, '00091001': { vr: 'LT', Value: ['missing SOPInstanceUID'] } }],
      },
    };
    expect(storeResultOf(refused)).toEqual({ status: 'refused', message: 'missing SOPInstanceUID' });
  });

  it('reads person names from their alphabetic group', () => {
    expect(text({ '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] } }, '00100010')).toBe('Doe^Jane');
    expect(text({}, '00100010')).toBe('');
  });
});

describe('de-identification on upload', () => {
  it('adds the profile and only the chosen options to the STOW query', () => {
    expect(stowQuery(undefined)).toBe('');
    expect(stowQuery({ deidentify: false, retainDates: true, cleanDescriptors: true })).toBe('');
    expect(stowQuery({ deidentify: true, retainDates: false, cleanDescriptors: false })).toBe('?deidentify=true');
    expect(stowQuery({ deidentify: true, retainDates: true, cleanDescriptors: true })).toBe(
      '?deidentify=true&retainDates=true&cleanDescriptors=true',
    );
  });
});
