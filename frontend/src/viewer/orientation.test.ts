import { describe, expect, it } from 'vitest';
import { orientationLetters, orientationMarkers } from './orientation';
import { windowToRange, rangeToWindow, CT_WINDOW_PRESETS, presetById } from './windowPresets';

describe('orientation markers', () => {
  it('labels a standard axial image in radiological convention (patient left on screen right)', () => {
    // IOP 1\0\0\0\1\0 displayed as stored: screen right = +x (L), screen down = +y (P)
    expect(orientationMarkers([1, 0, 0], [0, 1, 0])).toEqual({ right: 'L', left: 'R', bottom: 'P', top: 'A' });
  });

  it('labels coronal and sagittal images', () => {
    expect(orientationMarkers([1, 0, 0], [0, 0, -1])).toEqual({ right: 'L', left: 'R', bottom: 'F', top: 'H' });
    expect(orientationMarkers([0, 1, 0], [0, 0, -1])).toEqual({ right: 'P', left: 'A', bottom: 'F', top: 'H' });
  });

  it('adds a second letter only for clearly oblique directions', () => {
    expect(orientationLetters([Math.cos(0.1), Math.sin(0.1), 0])).toBe('L');
    expect(orientationLetters([Math.cos(Math.PI / 6), -Math.sin(Math.PI / 6), 0])).toBe('LA');
    expect(orientationLetters([0, 0, 0])).toBe('');
  });
});

describe('window presets', () => {
  it('has the abdomen, pancreas, liver and bone windows', () => {
    expect(CT_WINDOW_PRESETS.map((p) => [p.id, p.width, p.center])).toEqual([
      ['abdomen', 400, 50],
      ['pancreas', 350, 40],
      ['liver', 150, 30],
      ['bone', 1800, 400],
    ]);
    expect(presetById('liver')?.key).toBe('3');
  });

  it('converts windows to display ranges by the DICOM linear function and back', () => {
    // DICOM: values ≤ c − 0.5 − (w − 1)/2 are black, > c − 0.5 + (w − 1)/2 are white
    expect(windowToRange(400, 50)).toEqual({ lower: -150, upper: 249 });
    expect(rangeToWindow(-150, 249)).toEqual({ width: 400, center: 50 });
    expect(() => windowToRange(0, 0)).toThrow(RangeError);
  });
});
