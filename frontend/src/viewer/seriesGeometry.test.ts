import { describe, expect, it } from 'vitest';
import { instanceInfo, type DicomJsonInstance } from './dicomJson';
import { pixelToPatient } from './geometry';
import { buildSeriesGeometry, gridToPatient, patientToGrid, voxelVolumeMm3 } from './seriesGeometry';
import { seededRandom, shuffled, syntheticInstances } from './testing/syntheticSeries';

describe('slice sorting along the normal', () => {
  it('orders a shuffled axial stack cranial first, whatever the instance numbers say', () => {
    const instances = syntheticInstances({ count: 20, firstPosition: [-10, -20, 100], step: [0, 0, 2.5] });
    // instance numbers run caudal→cranial here (first generated = lowest z), so sorting by them would be wrong
    const series = buildSeriesGeometry(shuffled(instances, seededRandom(7)));
    const zs = series.slices.map((s) => s.plane.origin[2]);
    expect(zs).toEqual([...zs].sort((a, b) => b - a));
    expect(zs[0]).toBeCloseTo(100 + 19 * 2.5, 9);
    expect(series.slices[0].instanceNumber).toBe(20);
    expect(series.sliceSpacing).toBeCloseTo(2.5, 12);
    expect(series.indexOfSop.get('1.2.3.4.20')).toBe(0);
  });

  it('sorts a sagittal stack along its own normal', () => {
    // IOP 0\1\0\0\0\-1: row = +y, column = −z, normal = y × (−z) = −x
    const instances = syntheticInstances({ count: 5, orientation: [0, 1, 0, 0, 0, -1], firstPosition: [-20, 0, 0], step: [4, 0, 0] });
    const series = buildSeriesGeometry(shuffled(instances, seededRandom(3)));
    series.normal.forEach((x, n) => expect(x).toBeCloseTo([-1, 0, 0][n], 12));
    // k increases along −normal = +x
    expect(series.slices.map((s) => s.plane.origin[0])).toEqual([-20, -16, -12, -8, -4]);
    series.grid!.sliceDir.forEach((x, n) => expect(x).toBeCloseTo([1, 0, 0][n], 12));
  });

  it('builds the voxel grid of a regular stack consistent with every slice plane', () => {
    const instances = syntheticInstances({ count: 6, rows: 40, columns: 50, pixelSpacing: [0.6, 0.8], firstPosition: [5, 6, 7], step: [0, 0, -3] });
    const series = buildSeriesGeometry(instances);
    const grid = series.grid!;
    expect(grid).not.toBeNull();
    expect([grid.nx, grid.ny, grid.nz]).toEqual([50, 40, 6]);
    expect([grid.sx, grid.sy, grid.sz]).toEqual([0.8, 0.6, 3]);
    expect(voxelVolumeMm3(grid)).toBeCloseTo(0.8 * 0.6 * 3, 12);
    for (let k = 0; k < 6; k++) {
      const a = gridToPatient(grid, 7, 9, k);
      const b = pixelToPatient(series.slices[k].plane, 7, 9);
      a.forEach((x, n) => expect(x).toBeCloseTo(b[n], 9));
      patientToGrid(grid, a).forEach((x, n) => expect(x).toBeCloseTo([7, 9, k][n], 9));
    }
  });

  it('keeps viewing but drops the grid when spacing is uneven (a missing slice)', () => {
    const instances = syntheticInstances({ count: 10, step: [0, 0, 3] });
    instances.splice(4, 1);
    const series = buildSeriesGeometry(instances);
    expect(series.slices).toHaveLength(9);
    expect(series.grid).toBeNull();
    expect(series.gridProblem).toMatch(/not uniform: 6\.000 mm between slices 5 and 6/);
  });

  it('drops the grid of a sheared (gantry-tilted) stack', () => {
    const instances = syntheticInstances({ count: 10, step: [0, 0.5, 3] });
    const series = buildSeriesGeometry(instances);
    expect(series.grid).toBeNull();
    expect(series.gridProblem).toMatch(/sheared/);
  });

  it('refuses what cannot be one stack, with the reason', () => {
    const dup = syntheticInstances({ count: 3 });
    dup[2] = { ...dup[2], imagePositionPatient: dup[1].imagePositionPatient };
    expect(() => buildSeriesGeometry(dup)).toThrow(/same position/);
    const mixed = syntheticInstances({ count: 3 });
    mixed[1] = { ...mixed[1], imageOrientationPatient: [1, 0, 0, 0, 0, -1] };
    expect(() => buildSeriesGeometry(mixed)).toThrow(/Orientation/);
    const multi = syntheticInstances({ count: 2 });
    multi[0] = { ...multi[0], numberOfFrames: 30 };
    expect(() => buildSeriesGeometry(multi)).toThrow(/multi-frame/);
    const sizes = syntheticInstances({ count: 2 });
    sizes[1] = { ...sizes[1], rows: 10 };
    expect(() => buildSeriesGeometry(sizes)).toThrow(/64×10/);
    expect(() => buildSeriesGeometry([])).toThrow(/no image instances/);
  });

  it('uses the slice thickness as spacing of a one-slice series', () => {
    const [one] = syntheticInstances({ count: 1 });
    expect(buildSeriesGeometry([{ ...one, sliceThickness: 2 }]).grid?.sz).toBe(2);
    expect(buildSeriesGeometry([one]).grid).toBeNull();
  });
});

describe('DICOM JSON instance metadata', () => {
  const json: DicomJsonInstance = {
    '0020000D': { vr: 'UI', Value: ['1.2'] },
    '0020000E': { vr: 'UI', Value: ['1.2.3'] },
    '00080018': { vr: 'UI', Value: ['1.2.3.4'] },
    '00200032': { vr: 'DS', Value: ['-275', -178.1, '484.91'] },
    '00200037': { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] },
    '00280030': { vr: 'DS', Value: ['1.07421875', '1.07421875'] },
    '00280010': { vr: 'US', Value: [512] },
    '00280011': { vr: 'US', Value: [512] },
    '00200013': { vr: 'IS', Value: ['7'] },
  };

  it('reads positions given as numbers or strings', () => {
    const info = instanceInfo(json);
    expect(info.imagePositionPatient).toEqual([-275, -178.1, 484.91]);
    expect(info.pixelSpacing).toEqual([1.07421875, 1.07421875]);
    expect(info.instanceNumber).toBe(7);
    expect(info.numberOfFrames).toBe(1);
  });

  it('names the missing attribute', () => {
    const { '00200032': _, ...noPosition } = json;
    void _;
    expect(() => instanceInfo(noPosition)).toThrow(/Image Position \(Patient\) \(00200032\)/);
    const { '00080018': __, ...noSop } = json;
    void __;
    expect(() => instanceInfo(noSop)).toThrow(/SOP Instance UID/);
  });
});
