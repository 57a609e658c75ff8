import { describe, expect, it } from 'vitest';
import { buildSettings, checkSettingsText, LOG_SIGMAS_MM, PRESETS, settingsText } from './settingsPresets';
import { describeSettings } from '../../kit/settingsText';

describe('feature settings presets', () => {
  it('gives the IBSI-like 3D preset as the engine contract spells it', () => {
    expect(buildSettings('ibsi-ct-3d-fbs25', [])).toEqual({
      dimensions: '3D',
      resampling: { spacingMm: [2, 2, 2], interpolation: 'trilinear', roundIntensities: true, roiInterpolation: 'trilinear', roiPartialVolume: 0.5 },
      resegmentation: { range: [-1000, 400] },
      discretisation: { method: 'FBS', value: 25 },
      ivhDiscretisation: { method: 'FBS', value: 2.5 },
    });
  });

  it('gives the 2D preset with in-plane spacing only and 32 bins', () => {
    const s = buildSettings('2d-fbn32', []);
    expect(s.dimensions).toBe('2D');
    expect(s.resampling?.spacingMm).toEqual([2, 2]);
    expect(s.discretisation).toEqual({ method: 'FBN', value: 32 });
    expect(s.filters).toBeUndefined();
  });

  it('adds LoG filters once each, in ascending scale, without touching the preset', () => {
    const s = buildSettings('native-fbs25', [4, 2, 4]);
    expect(s.filters).toEqual([
      { type: 'LoG', sigmaMm: 2 },
      { type: 'LoG', sigmaMm: 4 },
    ]);
    s.discretisation!.value = 99;
    expect(buildSettings('native-fbs25', [])).toEqual({
      dimensions: '3D',
      resegmentation: { range: [-1000, 400] },
      discretisation: { method: 'FBS', value: 25 },
    });
    expect(LOG_SIGMAS_MM).toEqual([2, 3, 4, 5, 6]);
  });

  it('refuses unknown presets and scales the engine would refuse', () => {
    expect(() => buildSettings('nope', [])).toThrow(/unknown preset/);
    expect(() => buildSettings('2d-fbn32', [0])).toThrow(/\(0, 50\]/);
    expect(() => buildSettings('2d-fbn32', [60])).toThrow(/\(0, 50\]/);
  });

  it('writes JSON that reads back to the same settings, for every preset', () => {
    for (const p of PRESETS) {
      const s = buildSettings(p.id, [3]);
      expect(JSON.parse(settingsText(s))).toEqual(s);
      expect(checkSettingsText(settingsText(s))).toEqual({ ok: true, json: settingsText(s) });
    }
  });

  it('checks only that the editor holds a JSON object and leaves the meaning to the server', () => {
    expect(checkSettingsText('  ')).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
    expect(checkSettingsText('{"dimensions": ')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    for (const text of ['[]', '3', 'null', '"3D"']) {
      expect(checkSettingsText(text)).toMatchObject({ ok: false, error: expect.stringMatching(/JSON object/) });
    }
    expect(checkSettingsText('{"dimensions": "4D"}')).toEqual({ ok: true, json: '{"dimensions": "4D"}' });
  });

  it('describes canonical settings in one line', () => {
    // the shape the server returns a job's settings in (canonical JSON of the radiomics demo model's card)
    expect(
      describeSettings({
        dimensions: '3D',
        discretisation: { method: 'FBS', value: 25 },
        resampling: { interpolation: 'linear', roiInterpolation: 'linear', roiPartialVolume: 0.5, roundIntensities: false, spacingMm: [1.5, 1.5, 1.5] },
        resegmentation: { range: [-150, 400] },
      }),
    ).toBe('3D · 1.5×1.5×1.5 mm linear · [-150, 400] · FBS 25');
    expect(describeSettings({ dimensions: '3D', filters: [{ type: 'LoG', sigmaMm: 2 }, { type: 'LoG', sigmaMm: 5 }], resegmentation: { outlierSigma: 3 } }))
      .toBe('3D · native voxels · ±3 SD · no discretisation · LoG 2, 5 mm');
    expect(describeSettings(null)).toBe('unknown settings');
  });
});
