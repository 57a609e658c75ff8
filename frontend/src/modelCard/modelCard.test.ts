import { describe, expect, it } from 'vitest';
import type { ModelCard, RadiomicsInput, RoiImageInput } from '../api/models';
import {
  boardCardPath,
  boardCardRoute,
  casesSummary,
  headlineMetric,
  inputSummary,
  metricValue,
  modelKey,
  natureLabel,
  parseModelKey,
  shortSha,
} from './modelCard';

const radiomics: RadiomicsInput = {
  kind: 'radiomics',
  tensorName: 'input',
  features: ['RNU0', 'QCFX', 'Q4LE'],
  featureSettings: { dimensions: '3D', discretisation: { method: 'FBS', value: 25 }, resegmentation: { range: [-150, 400] } },
  featureSettingsSha256: 'ab',
  normalisation: { method: 'z-score', appliedBy: 'portal', means: [0, 0, 0], sds: [1, 1, 1] },
};

const roiImage: RoiImageInput = {
  kind: 'roi-image',
  tensorName: 'image',
  phases: ['CT_PORTAL_VENOUS'],
  cropVoxels: [32, 32, 32],
  spacingMm: 2,
  cropMm: [64, 64, 64],
  centring: 'roi-bbox-centre',
  interpolation: 'trilinear',
  huWindow: [-100, 300],
  outsideHu: -1000,
  normalisation: { method: 'window-to-unit' },
  layout: 'NCDHW',
  maskChannel: true,
};

describe('model card readings', () => {
  it('summarises what a radiomics model and an image model read', () => {
    expect(inputSummary(radiomics)).toBe(
      '3 radiomics features of the consensus ROI (3D · native voxels · [-150, 400] · FBS 25), z-scored by the portal',
    );
    expect(inputSummary({ ...radiomics, features: ['X'], normalisation: { method: 'z-score', appliedBy: 'graph' } })).toMatch(
      /^1 radiomics feature of .* normalised inside the model$/,
    );
    expect(inputSummary(roiImage)).toBe(
      'image crop of CT portal-venous + ROI mask channel: 32×32×32 voxels at 2 mm (64×64×64 mm), centred on the ROI ' +
        'bounding-box centre, window [-100, 300] HU',
    );
  });

  it('names the training data and counts its cases', () => {
    expect(natureLabel('synthetic')).toMatch(/^synthetic data/);
    expect(natureLabel('clinical')).toBe('clinical data');
    expect(natureLabel('other')).toBe('other');
    expect(casesSummary({ G1: 45, 'G2/G3': 65 })).toBe('G1 45 · G2/G3 65 (110 cases)');
    expect(casesSummary({ G1: 1 })).toBe('G1 1 (1 case)');
  });

  it('prints metrics with their interval and takes the first as the headline', () => {
    expect(metricValue({ value: 0.9702564, ci95: [0.93708547, 0.99384615] })).toBe('0.970 (95 % CI 0.937–0.994)');
    expect(metricValue({ value: 0.88181818 })).toBe('0.882');
    const card = {
      evaluation: { protocol: 'cv', metrics: [{ name: 'AUC', value: 0.9, method: 'cv' }, { name: 'Brier', value: 0.1, method: 'cv' }] },
    } as unknown as ModelCard;
    expect(headlineMetric(card)).toBe('AUC: 0.900');
    expect(headlineMetric({ evaluation: { protocol: '', metrics: [] } } as unknown as ModelCard)).toBe('no metrics on the card');
  });

  it('shortens hashes and keys models by id and version', () => {
    expect(shortSha('48632f3e28470c6fb897a531279a0d55')).toBe('48632f3e2847…');
    expect(shortSha('abc')).toBe('abc');
    expect(parseModelKey(modelKey('pnen-radiomics-demo', '1.0.0'))).toEqual({ id: 'pnen-radiomics-demo', version: '1.0.0' });
    expect(parseModelKey('only-id')).toBeNull();
  });

  it('builds and resolves the board card path, also for versions with reserved characters', () => {
    expect(boardCardPath('pnen-roi-image-demo', '1.0.0')).toBe('/board/models/pnen-roi-image-demo/1.0.0');
    expect(boardCardRoute(boardCardPath('m', '1.0.0+build.7'))).toEqual({ id: 'm', version: '1.0.0+build.7' });
    expect(boardCardRoute('/board/models/m/1.0.0/')).toEqual({ id: 'm', version: '1.0.0' });
    expect(boardCardRoute('/board/12')).toBeNull();
    expect(boardCardRoute('/board/models/m')).toBeNull();
    expect(boardCardRoute('/board/models/m/1/extra')).toBeNull();
    expect(boardCardRoute('/board/models/%E0%A4%A/1')).toBeNull();
  });
});
