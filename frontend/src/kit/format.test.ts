import { describe, expect, it } from 'vitest';
import { fixed, MISSING, ml, mm, ratio, signed, sliceRange, uidTail } from './format';

describe('formatting', () => {
  it('shows undefined metrics as a dash, never NaN', () => {
    expect(ratio(null)).toBe(MISSING);
    expect(mm(undefined)).toBe(MISSING);
    expect(ml(Number.NaN)).toBe(MISSING);
    expect(fixed(Number.POSITIVE_INFINITY, 2)).toBe(MISSING);
  });

  it('rounds to the unit precision and never writes negative zero', () => {
    expect(ratio(0.87654)).toBe('0.877');
    expect(mm(3.25)).toBe('3.3');
    expect(ml(-0.001)).toBe('0.00');
    expect(signed(1.234, 2)).toBe('+1.23');
    expect(signed(-1.234, 2)).toBe('-1.23');
    expect(signed(0, 2)).toBe('0.00');
  });

  it('writes slice ranges 1-based', () => {
    expect(sliceRange(0, 4)).toBe('1–5');
    expect(sliceRange(7, 7)).toBe('8');
    expect(sliceRange(null, null)).toBe(MISSING);
  });

  it('shortens long UIDs to their tail', () => {
    expect(uidTail('1.2.3')).toBe('1.2.3');
    expect(uidTail('1.2.840.113619.2.55.3.1234567890', 6)).toBe('…567890');
  });
});
