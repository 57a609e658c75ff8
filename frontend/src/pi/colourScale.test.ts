import { describe, expect, it } from 'vitest';
import { diceColour, diceDomain, luminance, NO_VALUE_COLOUR, textColourOn, viridis } from './colourScale';

describe('heatmap colour scale', () => {
  it('passes through the viridis anchors and clamps outside [0, 1]', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(0.5)).toBe('#21918c');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(-3)).toBe('#440154');
    expect(viridis(7)).toBe('#fde725');
  });

  it('interpolates between anchors', () => {
    // halfway between #21918c and #5ec962
    expect(viridis(0.625)).toBe('#40ad77');
  });

  it('gets lighter as agreement rises (monotonic luminance)', () => {
    let previous = -1;
    for (let t = 0; t <= 1.0001; t += 0.05) {
      const l = luminance(viridis(t));
      expect(l).toBeGreaterThan(previous);
      previous = l;
    }
  });

  it('spans 0.5–1 unless a value is lower, then the tenth below it', () => {
    expect(diceDomain([0.81, 0.92])).toEqual([0.5, 1]);
    expect(diceDomain([0.43, 0.9, null])).toEqual([0.4, 1]);
    expect(diceDomain([0.4])).toEqual([0.4, 1]);
    expect(diceDomain([0])).toEqual([0, 1]);
    expect(diceDomain([])).toEqual([0, 1]);
    expect(diceDomain([null, undefined])).toEqual([0, 1]);
  });

  it('maps Dice onto the domain and marks missing values', () => {
    expect(diceColour(0.5, [0.5, 1])).toBe('#440154');
    expect(diceColour(1, [0.5, 1])).toBe('#fde725');
    expect(diceColour(0.75, [0.5, 1])).toBe('#21918c');
    expect(diceColour(null, [0.5, 1])).toBe(NO_VALUE_COLOUR);
  });

  it('writes dark text on light cells and light text on dark ones', () => {
    expect(textColourOn('#fde725')).toBe('#000000');
    expect(textColourOn('#440154')).toBe('#ffffff');
    expect(() => luminance('teal')).toThrow(/not a #rrggbb colour/);
  });
});
