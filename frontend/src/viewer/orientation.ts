import { type Vec3 } from './geometry';

/**
 * Patient orientation letters for a direction in LPS: +x = L, −x = R, +y = P, −y = A, +z = H, −z = F. The dominant
 * axis always gives a letter; a second axis is added when it deviates more than 22.5° (oblique views).
 */
const SECONDARY = Math.sin((22.5 * Math.PI) / 180);

export function orientationLetters(direction: Vec3): string {
  const n = Math.hypot(direction[0], direction[1], direction[2]);
  if (!(n > 0)) return '';
  const letters: [string, string][] = [
    ['L', 'R'],
    ['P', 'A'],
    ['H', 'F'],
  ];
  const axes = [0, 1, 2].sort((a, b) => Math.abs(direction[b]) - Math.abs(direction[a]));
  let out = '';
  axes.forEach((axis, rank) => {
    const c = direction[axis] / n;
    if (rank === 0 || (rank === 1 && Math.abs(c) > SECONDARY)) out += c > 0 ? letters[axis][0] : letters[axis][1];
  });
  return out;
}

export interface OrientationMarkers {
  top: string;
  bottom: string;
  left: string;
  right: string;
}

/** Markers at the four edges of a view whose screen-right and screen-down directions are given in LPS. */
export function orientationMarkers(screenRight: Vec3, screenDown: Vec3): OrientationMarkers {
  const neg = (v: Vec3): Vec3 => [-v[0], -v[1], -v[2]];
  return {
    right: orientationLetters(screenRight),
    left: orientationLetters(neg(screenRight)),
    bottom: orientationLetters(screenDown),
    top: orientationLetters(neg(screenDown)),
  };
}
