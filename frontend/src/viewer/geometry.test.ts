import { describe, expect, it } from 'vitest';
import { GeometryError, distanceFromPlane, patientToPixel, pixelToPatient, projectOntoPlane, slicePlane, type Vec3 } from './geometry';

function close(a: readonly number[], b: readonly number[], digits = 9) {
  expect(a.length).toBe(b.length);
  a.forEach((x, n) => expect(x).toBeCloseTo(b[n], digits));
}

describe('slice plane (DICOM PS3.3 C.7.6.2.1 equation)', () => {
  it('steps along the row direction by Pixel Spacing[1] per column and along the column direction by Pixel Spacing[0] per row', () => {
    // distinct spacings expose a swap: P = S + X·Δi·i + Y·Δj·j with Δi = PixelSpacing[1], Δj = PixelSpacing[0]
    const plane = slicePlane([1, 0, 0, 0, 1, 0], [-100, -50, 20], [0.7, 0.9], 256, 128);
    close(pixelToPatient(plane, 0, 0), [-100, -50, 20]);
    close(pixelToPatient(plane, 1, 0), [-99.1, -50, 20]);
    close(pixelToPatient(plane, 0, 1), [-100, -49.3, 20]);
    close(pixelToPatient(plane, 10, 20), [-91, -36, 20]);
    close(plane.normal, [0, 0, 1]);
  });

  it('places the last pixel of the demo CT where hand calculation puts it', () => {
    // 1-001.dcm: IPP −275\−178.1\484.91, IOP 1\0\0\0\1\0, spacing 1.07421875, 512×512
    const plane = slicePlane([1, 0, 0, 0, 1, 0], [-275, -178.1, 484.91], [1.07421875, 1.07421875], 512, 512);
    close(pixelToPatient(plane, 511, 511), [-275 + 511 * 1.07421875, -178.1 + 511 * 1.07421875, 484.91]);
  });

  it('inverts pixelToPatient for an oblique plane and measures the out-of-plane distance', () => {
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    // rotated 30° about z, then tilted: row = (c, s, 0), column = (0, 0, -1) → a coronal-ish oblique plane
    const plane = slicePlane([c, s, 0, 0, 0, -1], [10, 20, 30], [0.5, 0.8], 100, 100);
    const p = pixelToPatient(plane, 12.25, 40.5);
    const back = patientToPixel(plane, p);
    close(back, [12.25, 40.5, 0]);
    const off: Vec3 = [p[0] + 2 * plane.normal[0], p[1] + 2 * plane.normal[1], p[2] + 2 * plane.normal[2]];
    expect(distanceFromPlane(plane, off)).toBeCloseTo(2, 12);
    close(projectOntoPlane(plane, off), p);
    // normal = row × column = (c, s, 0) × (0, 0, −1) = (−s, c, 0)
    close(plane.normal, [-s, c, 0]);
  });

  it('rejects orientations and spacings that are not geometry', () => {
    expect(() => slicePlane([1, 0, 0, 0, 1], [0, 0, 0], [1, 1], 2, 2)).toThrow(GeometryError);
    expect(() => slicePlane([2, 0, 0, 0, 1, 0], [0, 0, 0], [1, 1], 2, 2)).toThrow(/unit vector/);
    expect(() => slicePlane([1, 0, 0, 0.1, 0.995, 0], [0, 0, 0], [1, 1], 2, 2)).toThrow(/not orthogonal/);
    expect(() => slicePlane([1, 0, 0, 0, 1, 0], [0, 0, 0], [0, 1], 2, 2)).toThrow(/Pixel Spacing/);
    expect(() => slicePlane([1, 0, 0, 0, 1, 0], [0, NaN, 0], [1, 1], 2, 2)).toThrow(/Position/);
    expect(() => slicePlane([1, 0, 0, 0, 1, 0], [0, 0, 0], [1, 1], 0, 2)).toThrow(/Rows and Columns/);
  });
});
