import { describe, expect, it } from 'vitest';
import { formatValue, probabilityBars } from './probabilityBars';

describe('prediction bars', () => {
  it('keeps class order, rounds to a tenth of a percent and marks the top class', () => {
    expect(probabilityBars({ G1: 0.1234, 'G2/G3': 0.8766 })).toEqual([
      { label: 'G1', percent: 12.3, top: false },
      { label: 'G2/G3', percent: 87.7, top: true },
    ]);
  });
});

describe('feature values', () => {
  it('prints four significant digits (whole numbers above 1000), exponents for extremes, a dash for missing', () => {
    expect(formatValue(12345.678, 'mm³')).toBe('12346 mm³');
    expect(formatValue(0.81234, '')).toBe('0.8123');
    expect(formatValue(123456789, 'mm³')).toBe('1.235e+8 mm³');
    expect(formatValue(null, 'HU')).toBe('—');
  });
});
