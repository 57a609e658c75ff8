/** The parts of radiomics settings (the engine's JSON contract) that the one-line description names. */
export interface SettingsOutline {
  dimensions?: string;
  resampling?: { spacingMm?: number[]; interpolation?: string };
  resegmentation?: { range?: [number, number]; outlierSigma?: number };
  discretisation?: { method: string; value: number };
  filters?: { sigmaMm: number }[];
}

/** A one-line description of settings (as a job's canonical settings come back), for job lists and pickers. */
export function describeSettings(settings: SettingsOutline | Record<string, unknown> | null | undefined): string {
  if (!settings) return 'unknown settings';
  const s = settings as SettingsOutline;
  const parts: string[] = [s.dimensions ?? '3D'];
  if (s.resampling?.spacingMm) parts.push(`${s.resampling.spacingMm.join('×')} mm ${s.resampling.interpolation}`);
  else parts.push('native voxels');
  if (s.resegmentation?.range) parts.push(`[${s.resegmentation.range[0]}, ${s.resegmentation.range[1]}]`);
  if (s.resegmentation?.outlierSigma) parts.push(`±${s.resegmentation.outlierSigma} SD`);
  if (s.discretisation) parts.push(`${s.discretisation.method} ${s.discretisation.value}`);
  else parts.push('no discretisation');
  if (s.filters?.length) parts.push(`LoG ${s.filters.map((f) => f.sigmaMm).join(', ')} mm`);
  return parts.join(' · ');
}
