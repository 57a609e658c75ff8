/**
 * Reading the few attributes the viewer needs from DICOM JSON (PS3.18 F.2), as returned by WADO-RS metadata and
 * QIDO-RS. Pure functions; a missing or malformed required attribute gives an error naming the attribute.
 */

export type DicomJsonElement = { vr?: string; Value?: unknown[]; BulkDataURI?: string; InlineBinary?: string };
export type DicomJsonInstance = Record<string, DicomJsonElement>;

export class DicomJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DicomJsonError';
  }
}

export const Tags = {
  SOPClassUID: '00080016',
  SOPInstanceUID: '00080018',
  Modality: '00080060',
  SeriesDescription: '0008103E',
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  SeriesNumber: '00200011',
  InstanceNumber: '00200013',
  ImagePositionPatient: '00200032',
  ImageOrientationPatient: '00200037',
  FrameOfReferenceUID: '00200052',
  SliceThickness: '00180050',
  SpacingBetweenSlices: '00180088',
  NumberOfFrames: '00280008',
  Rows: '00280010',
  Columns: '00280011',
  PixelSpacing: '00280030',
  WindowCenter: '00281050',
  WindowWidth: '00281051',
  RescaleIntercept: '00281052',
  RescaleSlope: '00281053',
} as const;

function values(instance: DicomJsonInstance, tag: string): unknown[] | undefined {
  const element = instance[tag] ?? instance[tag.toLowerCase()];
  return element?.Value;
}

export function stringValue(instance: DicomJsonInstance, tag: string): string | undefined {
  const v = values(instance, tag)?.[0];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object' && v !== null && 'Alphabetic' in v) return String((v as { Alphabetic: unknown }).Alphabetic);
  return String(v);
}

/** Numbers of a DS/IS/US/FD attribute (DICOM JSON may carry DS as numbers or strings). */
export function numberValues(instance: DicomJsonInstance, tag: string): number[] | undefined {
  const vs = values(instance, tag);
  if (!vs) return undefined;
  return vs.map((v) => (typeof v === 'number' ? v : Number(String(v).trim())));
}

export function numberValue(instance: DicomJsonInstance, tag: string): number | undefined {
  return numberValues(instance, tag)?.[0];
}

function requiredString(instance: DicomJsonInstance, tag: string, name: string): string {
  const v = stringValue(instance, tag);
  if (!v) throw new DicomJsonError(`instance metadata lacks ${name} (${tag})`);
  return v;
}

function requiredNumbers(instance: DicomJsonInstance, tag: string, name: string, count: number, sop: string): number[] {
  const v = numberValues(instance, tag);
  if (!v || v.length !== count || v.some((x) => !Number.isFinite(x))) {
    throw new DicomJsonError(`instance ${sop}: ${name} (${tag}) must have ${count} numeric values`);
  }
  return v;
}

/** What the viewer needs of one image instance. */
export interface InstanceInfo {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string | undefined;
  modality: string | undefined;
  seriesDescription: string | undefined;
  instanceNumber: number | undefined;
  frameOfReferenceUid: string | undefined;
  imagePositionPatient: number[];
  imageOrientationPatient: number[];
  pixelSpacing: number[];
  rows: number;
  columns: number;
  numberOfFrames: number;
  sliceThickness: number | undefined;
  spacingBetweenSlices: number | undefined;
}

export function instanceInfo(instance: DicomJsonInstance): InstanceInfo {
  const sop = requiredString(instance, Tags.SOPInstanceUID, 'SOP Instance UID');
  return {
    studyInstanceUid: requiredString(instance, Tags.StudyInstanceUID, 'Study Instance UID'),
    seriesInstanceUid: requiredString(instance, Tags.SeriesInstanceUID, 'Series Instance UID'),
    sopInstanceUid: sop,
    sopClassUid: stringValue(instance, Tags.SOPClassUID),
    modality: stringValue(instance, Tags.Modality),
    seriesDescription: stringValue(instance, Tags.SeriesDescription),
    instanceNumber: numberValue(instance, Tags.InstanceNumber),
    frameOfReferenceUid: stringValue(instance, Tags.FrameOfReferenceUID),
    imagePositionPatient: requiredNumbers(instance, Tags.ImagePositionPatient, 'Image Position (Patient)', 3, sop),
    imageOrientationPatient: requiredNumbers(
      instance,
      Tags.ImageOrientationPatient,
      'Image Orientation (Patient)',
      6,
      sop,
    ),
    pixelSpacing: requiredNumbers(instance, Tags.PixelSpacing, 'Pixel Spacing', 2, sop),
    rows: requiredNumbers(instance, Tags.Rows, 'Rows', 1, sop)[0],
    columns: requiredNumbers(instance, Tags.Columns, 'Columns', 1, sop)[0],
    numberOfFrames: numberValue(instance, Tags.NumberOfFrames) ?? 1,
    sliceThickness: numberValue(instance, Tags.SliceThickness),
    spacingBetweenSlices: numberValue(instance, Tags.SpacingBetweenSlices),
  };
}
