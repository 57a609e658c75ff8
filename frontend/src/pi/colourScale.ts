/**
 * The heatmap's sequential colour scale: viridis (perceptually uniform, readable by colour-blind viewers, and
 * monotonic in lightness, so it also survives greyscale printing). Anchor colours are the published viridis values
 * at 0, ¼, ½, ¾ and 1; between them we interpolate linearly in sRGB.
 */
const VIRIDIS: [number, number, number][] = [
  [0x44, 0x01, 0x54],
  [0x3b, 0x52, 0x8b],
  [0x21, 0x91, 0x8c],
  [0x5e, 0xc9, 0x62],
  [0xfd, 0xe7, 0x25],
];

/** Colour of cells without a value (no case where both readers submitted). */
export const NO_VALUE_COLOUR = '#2b3b4d';

function hex(rgb: [number, number, number]): string {
  return '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** Colour at position t ∈ [0, 1] of the scale (clamped). */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i];
  const b = VIRIDIS[i + 1];
  return hex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/**
 * The Dice range the scale spans: up to 1, and down to 0.5 or lower if a value is lower (to the tenth below it).
 * Agreement between readers sits mostly above 0.5, so a fixed 0–1 scale would squeeze the differences that matter.
 */
export function diceDomain(values: readonly (number | null | undefined)[]): [number, number] {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  const lowest = Math.min(...finite);
  const low = Math.max(0, Math.min(0.5, Math.floor(lowest * 10 + 1e-9) / 10));
  return [low, 1];
}

/** Colour of a Dice value on the given domain; cells without a value get NO_VALUE_COLOUR. */
export function diceColour(value: number | null | undefined, domain: [number, number]): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE_COLOUR;
  const [low, high] = domain;
  return viridis(high > low ? (value - low) / (high - low) : 1);
}

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
export function luminance(colour: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) throw new Error(`not a #rrggbb colour: ${colour}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text, whichever contrasts more with the background. */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
