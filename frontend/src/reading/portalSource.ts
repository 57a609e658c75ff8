import { accessToken } from '../auth/auth';
import type { DicomWebSource } from '../viewer/cornerstone/dicomWebSeries';

/** The portal's DICOMweb root; every request of the viewer carries the signed-in user's bearer token. */
export const portalDicomWeb: DicomWebSource = { root: '/dicom-web', token: accessToken };
