import { apiFetch, apiJson, query } from './client';

/** A DICOM JSON attribute (PS3.18 F.2). */
export interface DicomAttribute {
  vr: string;
  Value?: unknown[];
  BulkDataURI?: string;
}
export type DicomJson = Record<string, DicomAttribute>;

/** First value of a tag as text (person names: the Alphabetic group). */
export function text(ds: DicomJson, tag: string): string {
  const v = ds[tag]?.Value?.[0];
  if (v === undefined || v === null) return '';
  if (typeof v === 'object' && v !== null && 'Alphabetic' in v) return String((v as { Alphabetic: string }).Alphabetic);
  return String(v);
}

export function numberOf(ds: DicomJson, tag: string): number | undefined {
  const v = ds[tag]?.Value?.[0];
  return v === undefined ? undefined : Number(v);
}

export const TAG = {
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  SOPInstanceUID: '00080018',
  PatientName: '00100010',
  PatientID: '00100020',
  StudyDate: '00080020',
  StudyDescription: '00081030',
  ModalitiesInStudy: '00080061',
  NumberOfStudyRelatedSeries: '00201206',
  NumberOfStudyRelatedInstances: '00201208',
  Modality: '00080060',
  SeriesNumber: '00200011',
  SeriesDescription: '0008103E',
  NumberOfSeriesRelatedInstances: '00201209',
  ReferencedSOPSequence: '00081199',
  FailedSOPSequence: '00081198',
  FailureReason: '00081197',
  DelineoMessage: '00091001',
} as const;

export type StoreStatus = 'stored' | 'already stored' | 'replaced' | 'refused';

export interface StoreResult {
  status: StoreStatus;
  message: string;
  sopInstanceUid?: string;
}

/** Interprets a STOW-RS response for a request that carried exactly one object. */
export function storeResultOf(body: DicomJson): StoreResult {
  const ok = body[TAG.ReferencedSOPSequence]?.Value?.[0] as DicomJson | undefined;
  if (ok) {
    const message = text(ok, TAG.DelineoMessage);
    const status: StoreStatus = message.includes('already') ? 'already stored' : message.includes('replaced') ? 'replaced' : 'stored';
    return { status, message, sopInstanceUid: text(ok, '00081155') };
  }
  const failed = body[TAG.FailedSOPSequence]?.Value?.[0] as DicomJson | undefined;
  return { status: 'refused', message: failed ? text(failed, TAG.DelineoMessage) : 'no result in the response' };
}

const BOUNDARY = 'delineo-upload-boundary';

/** De-identification on upload: PS3.15 Basic Profile, with its two options. */
export interface DeidChoice {
  deidentify: boolean;
  retainDates: boolean;
  cleanDescriptors: boolean;
}

export function stowQuery(deid?: DeidChoice): string {
  if (!deid?.deidentify) return '';
  return query({ deidentify: 'true', retainDates: deid.retainDates ? 'true' : undefined,
    cleanDescriptors: deid.cleanDescriptors ? 'true' : undefined });
}

/** STOW-RS of one file (the browser upload sends files one by one, so each gets its own result). */
export async function storeFile(file: Blob, deid?: DeidChoice): Promise<StoreResult> {
  const head = new TextEncoder().encode(`--${BOUNDARY}\r\nContent-Type: application/dicom\r\n\r\n`);
  const tail = new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`);
  const body = new Blob([head, file, tail]);
  try {
    const response = await apiFetch(`/dicom-web/studies${stowQuery(deid)}`, {
      method: 'POST',
      body,
      headers: {
        'Content-Type': `multipart/related; type="application/dicom"; boundary=${BOUNDARY}`,
        Accept: 'application/dicom+json',
      },
    });
    return storeResultOf((await response.json()) as DicomJson);
  } catch (e) {
    const err = e as { status?: number; body?: DicomJson; message: string };
    if (err.status === 409 && err.body) return storeResultOf(err.body);
    return { status: 'refused', message: err.message };
  }
}

export function searchStudies(params: Record<string, string | number | undefined>): Promise<DicomJson[]> {
  return apiJson<DicomJson[]>(`/dicom-web/studies${query(params)}`);
}

export function searchSeries(studyUid: string): Promise<DicomJson[]> {
  return apiJson<DicomJson[]>(`/dicom-web/studies/${studyUid}/series`);
}
