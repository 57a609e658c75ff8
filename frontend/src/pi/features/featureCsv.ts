import { slug } from '../csv';

/**
 * File name of a features CSV: study id and name, the first 12 characters of the settings hash (so exports under
 * different settings never overwrite each other) and the date, e.g. `delineo-study-7-lidc-features-2a62d370ca17-2026-11-27.csv`.
 */
export function featuresCsvFileName(study: { id: number; name: string }, settingsHash: string | null, date = new Date()): string {
  const parts = ['delineo-study', String(study.id)];
  const name = slug(study.name);
  if (name) parts.push(name);
  parts.push('features');
  if (settingsHash) parts.push(settingsHash.slice(0, 12));
  parts.push(`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`);
  return parts.join('-') + '.csv';
}

/** Offers a blob as a download under the given name (the object URL is released once the browser has it). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
