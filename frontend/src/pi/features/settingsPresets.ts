/**
 * Feature-extraction settings as the radiomics engine's JSON contract (io.delineo.radiomics.settings.RadiomicsSettings):
 * named presets, optional Laplacian-of-Gaussian filters, and the text the PI may edit before a job is sent. Only the
 * JSON syntax is checked here; the server validates the meaning and answers with what is wrong.
 */

export type Interpolation = 'nearest' | 'linear' | 'trilinear' | 'tricubic';

export interface Discretisation {
  method: 'FBS' | 'FBN';
  value: number;
}

export interface FeatureSettings {
  dimensions?: '3D' | '2D';
  resampling?: {
    spacingMm: number[];
    interpolation: Interpolation;
    roundIntensities?: boolean;
    roiInterpolation?: Interpolation;
    roiPartialVolume?: number;
  };
  resegmentation?: { range?: [number, number]; outlierSigma?: number };
  discretisation?: Discretisation;
  ivhDiscretisation?: Discretisation;
  filters?: { type: 'LoG'; sigmaMm: number }[];
}

export interface Preset {
  id: string;
  label: string;
  description: string;
  settings: FeatureSettings;
}

/** The scales offered for Laplacian-of-Gaussian filtered images, in mm. */
export const LOG_SIGMAS_MM = [2, 3, 4, 5, 6] as const;

export const PRESETS: readonly Preset[] = [
  {
    id: 'ibsi-ct-3d-fbs25',
    label: 'IBSI-like CT 3D, FBS 25 HU',
    description:
      'Volumetric: resampled to 2 mm isotropic voxels (trilinear, intensities rounded to whole HU), ROI trilinear at ' +
      'partial volume 0.5, re-segmented to [−1000, 400] HU, fixed bin size 25 HU (intensity-volume histogram 2.5 HU) — ' +
      'as the IBSI CT phantom configuration C.',
    settings: {
      dimensions: '3D',
      resampling: {
        spacingMm: [2, 2, 2],
        interpolation: 'trilinear',
        roundIntensities: true,
        roiInterpolation: 'trilinear',
        roiPartialVolume: 0.5,
      },
      resegmentation: { range: [-1000, 400] },
      discretisation: { method: 'FBS', value: 25 },
      ivhDiscretisation: { method: 'FBS', value: 2.5 },
    },
  },
  {
    id: '2d-fbn32',
    label: '2D FBN 32',
    description:
      'Per slice: resampled in-plane to 2 × 2 mm (bilinear, rounded), ROI bilinear at 0.5, re-segmented to ' +
      '[−500, 400] HU, 32 bins of equal width — as the IBSI CT phantom configuration B.',
    settings: {
      dimensions: '2D',
      resampling: {
        spacingMm: [2, 2],
        interpolation: 'linear',
        roundIntensities: true,
        roiInterpolation: 'linear',
        roiPartialVolume: 0.5,
      },
      resegmentation: { range: [-500, 400] },
      discretisation: { method: 'FBN', value: 32 },
    },
  },
  {
    id: 'native-fbs25',
    label: 'Native voxels, FBS 25 HU (quick)',
    description:
      'The scan’s own voxel grid (no resampling), re-segmented to [−1000, 400] HU, fixed bin size 25 HU: the quickest ' +
      'job, for a first look. Features are not comparable across scans with different voxel sizes.',
    settings: {
      dimensions: '3D',
      resegmentation: { range: [-1000, 400] },
      discretisation: { method: 'FBS', value: 25 },
    },
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/**
 * The settings of a preset with LoG-filtered images at the chosen scales (ascending, each once). Unknown presets
 * and scales outside the engine's range (0, 50] mm are refused here rather than sent.
 */
export function buildSettings(presetId: string, logSigmasMm: readonly number[]): FeatureSettings {
  const preset = presetById(presetId);
  if (!preset) throw new Error(`unknown preset “${presetId}”`);
  const settings = structuredClone(preset.settings);
  const sigmas = [...new Set(logSigmasMm)].sort((a, b) => a - b);
  for (const s of sigmas) {
    if (!(s > 0 && s <= 50)) throw new Error(`a LoG scale must be in (0, 50] mm, got ${s}`);
  }
  if (sigmas.length > 0) settings.filters = sigmas.map((sigmaMm) => ({ type: 'LoG', sigmaMm }));
  return settings;
}

/** The JSON sent to the server (and shown in the editor): two-space indentation, keys in the contract's order. */
export function settingsText(settings: FeatureSettings): string {
  return JSON.stringify(settings, null, 2);
}

export type SettingsCheck = { ok: true; json: string } | { ok: false; error: string };

/** Is the editor's text a JSON object? (Whether its keys and values are allowed is for the server to say.) */
export function checkSettingsText(text: string): SettingsCheck {
  if (text.trim() === '') return { ok: false, error: 'The settings are empty; choose a preset or type a JSON object.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The settings are not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'The settings must be a JSON object, e.g. {"discretisation": {"method": "FBS", "value": 25}}.' };
  }
  return { ok: true, json: text };
}
