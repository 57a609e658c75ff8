import { apiJson } from './api';

/** DICOM JSON as QIDO-RS and WADO-RS metadata answer it. */
type DicomJson = Record<string, { vr: string; Value?: unknown[] }>;

export const DEMO_PATIENT_ID = 'Pancreas-CT-CB_001';

function first(ds: DicomJson, tag: string): string {
  const v = ds[tag]?.Value?.[0];
  return v === undefined || v === null ? '' : String(v);
}

function numbers(ds: DicomJson, tag: string): number[] {
  const values = ds[tag]?.Value;
  if (!values) throw new Error(`attribute ${tag} missing from the metadata`);
  return values.map(Number);
}

export function jsonBody(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** The demo CT in the archive: its study and its CT image series (the one with the most images). */
export async function demoCt(): Promise<{ studyUid: string; seriesUid: string }> {
  const studies = await apiJson<DicomJson[]>('pi', `/dicom-web/studies?PatientID=${DEMO_PATIENT_ID}`);
  if (studies.length !== 1) throw new Error(`expected one archive study of ${DEMO_PATIENT_ID}, found ${studies.length}`);
  const studyUid = first(studies[0], '0020000D');
  const series = (await apiJson<DicomJson[]>('pi', `/dicom-web/studies/${studyUid}/series`))
    .filter((s) => first(s, '00080060') === 'CT')
    .sort((a, b) => Number(first(b, '00201209')) - Number(first(a, '00201209')));
  if (series.length === 0) throw new Error('the demo study has no CT series');
  return { studyUid, seriesUid: first(series[0], '0020000E') };
}

/** Creates a reader study on the demo CT (one case, portal-venous phase) and opens it; all through the API as the PI. */
export async function openStudyOnDemoCt(name: string, readers: string[]): Promise<{ studyId: number; caseId: number }> {
  const { studyUid, seriesUid } = await demoCt();
  return openStudyOnSeries(name, readers, studyUid, seriesUid);
}

/** Creates and opens a reader study with one case (portal-venous phase = the given archive series), as the PI. */
export async function openStudyOnSeries(
  name: string,
  readers: string[],
  studyUid: string,
  seriesUid: string,
): Promise<{ studyId: number; caseId: number }> {
  const study = await apiJson<{ id: number }>(
    'pi',
    '/api/reader-studies',
    jsonBody('POST', {
      name,
      purpose: 'Browser test: agreement dashboard',
      lesionLabels: ['primary tumour'],
      phases: ['CT_PORTAL_VENOUS'],
      readers,
      blinded: true,
    }),
  );
  const c = await apiJson<{ id: number }>(
    'pi',
    `/api/reader-studies/${study.id}/cases`,
    jsonBody('POST', { label: 'Agreement case', studyInstanceUid: studyUid, series: { CT_PORTAL_VENOUS: seriesUid } }),
  );
  await apiJson('pi', `/api/reader-studies/${study.id}/status`, jsonBody('POST', { status: 'OPEN' }));
  return { studyId: study.id, caseId: c.id };
}

/** Where an image lies in patient space (DICOM PS3.3 C.7.6.2). */
export interface Slice {
  sopInstanceUid: string;
  position: number[];
  rowDirection: number[];
  columnDirection: number[];
  /** PixelSpacing: [between rows (along columnDirection), between columns (along rowDirection)] mm */
  spacing: number[];
}

/** The series' images in spatial order along the slice normal, from WADO-RS metadata. */
export async function slicesOf(studyUid: string, seriesUid: string): Promise<Slice[]> {
  const metadata = await apiJson<DicomJson[]>('pi', `/dicom-web/studies/${studyUid}/series/${seriesUid}/metadata`);
  const slices = metadata.map((ds) => {
    const iop = numbers(ds, '00200037');
    return {
      sopInstanceUid: first(ds, '00080018'),
      position: numbers(ds, '00200032'),
      rowDirection: iop.slice(0, 3),
      columnDirection: iop.slice(3, 6),
      spacing: numbers(ds, '00280030'),
    };
  });
  const [r, c] = [slices[0].rowDirection, slices[0].columnDirection];
  const normal = [r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]];
  const along = (s: Slice) => s.position[0] * normal[0] + s.position[1] * normal[1] + s.position[2] * normal[2];
  return slices.sort((a, b) => along(a) - along(b));
}

/** Patient coordinates (mm) of a pixel position (column, row) on a slice. */
export function patientPoint(s: Slice, column: number, row: number): [number, number, number] {
  const [dr, dc] = s.spacing;
  return [0, 1, 2].map(
    (i) => s.position[i] + s.rowDirection[i] * column * dc + s.columnDirection[i] * row * dr,
  ) as [number, number, number];
}

/** A square contour centred on pixel (column, row), reaching `half` pixels to each side, on the given slice. */
export function square(s: Slice, column: number, row: number, half: number) {
  return {
    sopInstanceUid: s.sopInstanceUid,
    points: [
      patientPoint(s, column - half, row - half),
      patientPoint(s, column + half, row - half),
      patientPoint(s, column + half, row + half),
      patientPoint(s, column - half, row + half),
    ],
  };
}

/** A reader saves a read (as its first version) and submits it. */
export async function saveAndSubmit(reader: string, caseId: number, content: unknown): Promise<void> {
  const saved = await apiJson<{ version: number }>(
    reader,
    `/api/cases/${caseId}/my-read`,
    jsonBody('PUT', content, { 'If-Match': '"0"' }),
  );
  if (saved.version !== 1) throw new Error(`${reader}'s first save should be version 1, was ${saved.version}`);
  const submitted = await apiJson<{ status: string }>(reader, `/api/cases/${caseId}/my-read/submit`, { method: 'POST' });
  if (submitted.status !== 'SUBMITTED') throw new Error(`${reader}'s read is ${submitted.status} after submitting`);
}
