import type { CardMetric, DataNature, ModelCard, RadiomicsInput, RoiImageInput } from '../api/models';
import { fixed } from '../kit/format';
import { phaseLabel } from '../kit/phases';
import { describeSettings } from '../kit/settingsText';

/** Plain-language readings of a model card (contract: onnx-models/README.md), shared by the PI, admin and board views. */

export const NATURE_LABEL: Record<DataNature, string> = {
  synthetic: 'synthetic data (computer-generated, no patients)',
  demo: 'demo data',
  clinical: 'clinical data',
};

export function natureLabel(nature: string): string {
  return (NATURE_LABEL as Record<string, string>)[nature] ?? nature;
}

/** "G1 45 · G2/G3 65 (110 cases)". */
export function casesSummary(casesPerClass: Record<string, number>): string {
  const entries = Object.entries(casesPerClass);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  return `${entries.map(([label, n]) => `${label} ${n}`).join(' · ')} (${total} case${total === 1 ? '' : 's'})`;
}

export function isRadiomics(input: ModelCard['input']): input is RadiomicsInput {
  return input.kind === 'radiomics';
}

export function isRoiImage(input: ModelCard['input']): input is RoiImageInput {
  return input.kind === 'roi-image';
}

/** What the model reads, in one sentence. */
export function inputSummary(input: ModelCard['input']): string {
  if (isRadiomics(input)) {
    const n = input.features.length;
    const settings = describeSettings(input.featureSettings);
    const norm = input.normalisation.appliedBy === 'portal' ? 'z-scored by the portal' : 'normalised inside the model';
    return `${n} radiomics feature${n === 1 ? '' : 's'} of the consensus ROI (${settings}), ${norm}`;
  }
  if (isRoiImage(input)) {
    const phases = input.phases.map(phaseLabel).join(' + ');
    const voxels = input.cropVoxels.join('×');
    const mm = input.cropMm ? ` (${input.cropMm.map((v) => fixed(v, 0)).join('×')} mm)` : '';
    const window = `window [${input.huWindow[0]}, ${input.huWindow[1]}] HU`;
    const mask = input.maskChannel ? ' + ROI mask channel' : '';
    return `image crop of ${phases}${mask}: ${voxels} voxels at ${input.spacingMm} mm${mm}, centred on the ${
      input.centring === 'roi-centroid' ? 'ROI centroid' : 'ROI bounding-box centre'
    }, ${window}`;
  }
  return `input kind “${(input as { kind: string }).kind}”`;
}

/** "0.970 (95 % CI 0.937–0.994)". */
export function metricValue(m: Pick<CardMetric, 'value' | 'ci95'>): string {
  const v = fixed(m.value, 3);
  return m.ci95 ? `${v} (95 % CI ${fixed(m.ci95[0], 3)}–${fixed(m.ci95[1], 3)})` : v;
}

/** The card's first metric, which the card contract puts first as the headline number. */
export function headlineMetric(card: ModelCard): string {
  const m = card.evaluation.metrics[0];
  return m ? `${m.name}: ${metricValue(m)}` : 'no metrics on the card';
}

export function shortSha(sha: string, keep = 12): string {
  return sha.length > keep ? `${sha.slice(0, keep)}…` : sha;
}

/** Key of a model version in pickers: id and version cannot contain a space. */
export const modelKey = (id: string, version: string) => `${id} ${version}`;

export function parseModelKey(key: string): { id: string; version: string } | null {
  const [id, version, ...rest] = key.split(' ');
  return id && version && rest.length === 0 ? { id, version } : null;
}

/** Path of the board's readable card of a model. */
export const boardCardPath = (id: string, version: string) =>
  `/board/models/${encodeURIComponent(id)}/${encodeURIComponent(version)}`;

/** The id and version of /board/models/{id}/{version}, or null for any other path. */
export function boardCardRoute(path: string): { id: string; version: string } | null {
  const m = /^\/board\/models\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (!m) return null;
  try {
    return { id: decodeURIComponent(m[1]), version: decodeURIComponent(m[2]) };
  } catch {
    return null;
  }
}
