import { describe, expect, it } from 'vitest';
import { CanonicalFormatError, parseCanonicalRead, serialiseCanonicalRead, type CanonicalRead } from './canonical';
import { pixelToPatient } from './geometry';
import { buildSeriesGeometry } from './seriesGeometry';
import { syntheticInstances } from './testing/syntheticSeries';
import { validateRead } from './validation';

const read: CanonicalRead = {
  lesions: [
    {
      id: '6f1c2a8e-0000-4000-8000-000000000001',
      label: 'primary tumour',
      seriesInstanceUid: '1.2.3.4',
      contours: [
        { sopInstanceUid: '1.2.3.4.1', points: [[0.5, 0.5, 0], [10.25, 0.5, 0], [5, 7.125, 0]], origin: 'freehand' },
        { sopInstanceUid: '1.2.3.4.2', points: [[1, 1, -3], [4, 1, -3], [4, 4, -3], [1, 4, -3]] },
      ],
    },
  ],
};

describe('canonical read (de)serialisation', () => {
  it('round-trips through JSON text without changing a single number', () => {
    const text = serialiseCanonicalRead(read);
    expect(parseCanonicalRead(JSON.parse(text))).toEqual(read);
    expect(serialiseCanonicalRead(parseCanonicalRead(JSON.parse(text)))).toBe(text);
  });

  it('drops unknown properties and keeps a fixed key order', () => {
    const messy = JSON.parse(JSON.stringify(read));
    messy.extra = 1;
    messy.lesions[0].colour = 'red';
    messy.lesions[0].contours[0] = { origin: 'freehand', points: read.lesions[0].contours[0].points, sopInstanceUid: '1.2.3.4.1', z: 1 };
    expect(serialiseCanonicalRead(parseCanonicalRead(messy))).toBe(serialiseCanonicalRead(read));
  });

  it('says where the structure is wrong', () => {
    const bad = (mutate: (r: any) => void) => {
      const r = JSON.parse(JSON.stringify(read));
      mutate(r);
      return () => parseCanonicalRead(r);
    };
    expect(() => parseCanonicalRead(null)).toThrow(CanonicalFormatError);
    expect(bad((r) => (r.lesions[0].contours[1].points[2] = [1, 2]))).toThrow('read.lesions[0].contours[1].points[2]: must be [x, y, z]');
    expect(bad((r) => (r.lesions[0].contours[0].points[0][1] = 'NaN'))).toThrow(/points\[0\]/);
    expect(bad((r) => (r.lesions[0].label = ''))).toThrow('read.lesions[0].label: must be a non-empty string');
    expect(bad((r) => (r.lesions[0].contours[0].origin = 'magic'))).toThrow(/origin: must be one of/);
    expect(bad((r) => r.lesions.push({ ...r.lesions[0] }))).toThrow(/duplicate lesion id/);
    expect(bad((r) => delete r.lesions[0].seriesInstanceUid)).toThrow(/seriesInstanceUid/);
  });
});

describe('canonical read validation', () => {
  const series = buildSeriesGeometry(syntheticInstances({ seriesUid: '1.2.3.4', count: 3, step: [0, 0, -3] }));
  const seriesOf = (uid: string) => (uid === series.seriesInstanceUid ? series : undefined);
  const at = (k: number, xy: [number, number][]) => xy.map(([x, y]) => pixelToPatient(series.slices[k].plane, x, y));

  it('accepts the example read', () => {
    expect(validateRead(read, seriesOf)).toEqual([]);
  });

  it('finds open, degenerate, off-plane and foreign contours', () => {
    const lesion = (points: number[][], sop = '1.2.3.4.2') => ({
      lesions: [{ id: 'a', label: 'primary tumour', seriesInstanceUid: '1.2.3.4', contours: [{ sopInstanceUid: sop, points: points as any }] }],
    });
    const messages = (r: CanonicalRead) => validateRead(r, seriesOf).map((i) => i.message);
    expect(messages(lesion(at(1, [[1, 1], [2, 2]])))).toEqual([expect.stringMatching(/2 point\(s\); a contour needs at least 3/)]);
    expect(messages(lesion(at(1, [[1, 1], [5, 1], [5, 5], [1, 1]])))).toEqual([expect.stringMatching(/repeats its first point/)]);
    expect(messages(lesion(at(1, [[1, 1], [2, 2], [3, 3]])))).toEqual([expect.stringMatching(/encloses no area/)]);
    const off = at(1, [[1, 1], [5, 1], [5, 5]]);
    off[2] = [off[2][0], off[2][1], off[2][2] + 0.5];
    expect(messages(lesion(off))).toEqual([expect.stringMatching(/not on the plane of its slice: a point lies 0\.500 mm away/)]);
    expect(messages(lesion(at(1, [[1, 1], [5, 1], [5, 5]]), '7.7.7'))).toEqual([expect.stringMatching(/not in series 1\.2\.3\.4/)]);
    const other = lesion(at(1, [[1, 1], [5, 1], [5, 5]]));
    other.lesions[0].seriesInstanceUid = '5.5';
    expect(messages(other)).toContainEqual(expect.stringMatching(/series 5\.5 is not part of this case/));
  });

  it('warns about a contour that crosses itself, not about a simple one', () => {
    const bowtie = { lesions: [{ id: 'b', label: 'primary tumour', seriesInstanceUid: '1.2.3.4', contours: [{ sopInstanceUid: '1.2.3.4.2', points: at(1, [[1, 1], [9, 9], [9, 1], [1, 9]]) }] }] };
    expect(validateRead(bowtie, seriesOf)).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/crosses itself/) })]);
    const square = { lesions: [{ id: 'b', label: 'primary tumour', seriesInstanceUid: '1.2.3.4', contours: [{ sopInstanceUid: '1.2.3.4.2', points: at(1, [[1, 1], [9, 1], [9, 9], [1, 9]]) }] }] };
    expect(validateRead(square, seriesOf)).toEqual([]);
  });

  it('checks labels against the study list and warns about empty lesions', () => {
    const r: CanonicalRead = { lesions: [{ id: 'x', label: 'spleen', seriesInstanceUid: '1.2.3.4', contours: [] }] };
    const issues = validateRead(r, seriesOf, { allowedLabels: ['primary tumour', 'liver metastasis'] });
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/"spleen" is not one of/) }),
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/no contours/) }),
    ]);
  });
});
