/**
 * Lesion colours by segment index (1-based; index n uses entry (n−1) mod length). Chosen to stay distinguishable
 * on grey CT and for the common colour-vision deficiencies (Okabe–Ito palette, then a few extra hues).
 */
export const LESION_COLOURS: readonly [number, number, number][] = [
  [230, 159, 0],
  [86, 180, 233],
  [0, 158, 115],
  [240, 228, 66],
  [204, 121, 167],
  [213, 94, 0],
  [0, 114, 178],
  [255, 255, 255],
  [170, 255, 120],
  [255, 120, 120],
];

export function lesionColour(segmentIndex: number): [number, number, number] {
  return LESION_COLOURS[(segmentIndex - 1 + LESION_COLOURS.length) % LESION_COLOURS.length];
}
