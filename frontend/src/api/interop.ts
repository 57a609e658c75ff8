import { apiFetch, apiJson } from './client';

/** Formats of GET /api/reads/{readId}/export and /api/consensus/{id}/export (ExportService.FORMATS). */
export type ExportFormat = 'seg' | 'rtstruct' | 'nifti' | 'csv';

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  seg: 'DICOM SEG',
  rtstruct: 'DICOM RTSTRUCT',
  nifti: 'NIfTI label map',
  csv: 'CSV of lesion volumes',
};

/** The file name of an attachment (Content-Disposition), or the fallback. */
export function attachmentName(contentDisposition: string | null, fallback: string): string {
  const m = contentDisposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(contentDisposition) : null;
  return m ? decodeURIComponent(m[1]) : fallback;
}

/** Saves a response body as a file through a temporary blob link (the request needs the bearer token). */
async function download(path: string, fallbackName: string): Promise<string> {
  const response = await apiFetch(path);
  const name = attachmentName(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // the click has started the download; release the blob after the browser has taken it
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return name;
}

/** Downloads an export of a read (readers: their own; the PI: any). Returns the file name. */
export function downloadReadExport(readId: number, format: ExportFormat): Promise<string> {
  return download(`/api/reads/${readId}/export?format=${format}`, `read-${readId}.${format === 'nifti' ? 'nii.gz' : format === 'csv' ? 'csv' : 'dcm'}`);
}

/** Imports an RTSTRUCT or SEG as a reader's read of the case (PI only); the read is stored submitted. */
export function importRead<T>(caseId: number, file: File, reader: string, label?: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('reader', reader);
  if (label) form.append('label', label);
  return apiJson<T>(`/api/cases/${caseId}/reads/import`, { method: 'POST', body: form });
}
