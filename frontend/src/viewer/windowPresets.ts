/**
 * CT window/level presets (Hounsfield units). Width/level pairs follow common radiology practice; the pancreas
 * preset (W350/L40) is a slightly narrower soft-tissue window that separates hypo- and hyper-enhancing pancreatic
 * lesions from parenchyma in the arterial and portal-venous phases.
 */
export interface WindowPreset {
  id: 'abdomen' | 'pancreas' | 'liver' | 'bone';
  label: string;
  width: number;
  center: number;
  /** Keyboard shortcut. */
  key: string;
}

export const CT_WINDOW_PRESETS: readonly WindowPreset[] = [
  { id: 'abdomen', label: 'Abdomen', width: 400, center: 50, key: '1' },
  { id: 'pancreas', label: 'Pancreas', width: 350, center: 40, key: '2' },
  { id: 'liver', label: 'Liver', width: 150, center: 30, key: '3' },
  { id: 'bone', label: 'Bone', width: 1800, center: 400, key: '4' },
];

export function presetById(id: string): WindowPreset | undefined {
  return CT_WINDOW_PRESETS.find((p) => p.id === id);
}

/** Low/high display range of a window (DICOM PS3.3 C.11.2.1.2.1, linear function). */
export function windowToRange(width: number, center: number): { lower: number; upper: number } {
  if (!(width >= 1)) throw new RangeError(`window width must be at least 1, got ${width}`);
  return { lower: center - 0.5 - (width - 1) / 2, upper: center - 0.5 + (width - 1) / 2 };
}

/** Inverse of windowToRange. */
export function rangeToWindow(lower: number, upper: number): { width: number; center: number } {
  return { width: upper - lower + 1, center: (lower + upper) / 2 + 0.5 };
}

/** Whether the presets (in HU) make sense for a modality. */
export function presetsApply(modality: string): boolean {
  return modality === 'CT';
}
