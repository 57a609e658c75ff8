import { Enums as CoreEnums, imageLoader } from '@cornerstonejs/core';
import { wadors } from '@cornerstonejs/dicom-image-loader';
import { instanceInfo, Tags, type DicomJsonInstance, type InstanceInfo } from '../dicomJson';
import { buildSeriesGeometry, type SeriesGeometry } from '../seriesGeometry';
import { authorizationHeaders, registerDicomWebRoot, type TokenProvider } from './auth';

/** Where a series lives: a DICOMweb root (e.g. "/dicom-web") and who gives the bearer token for it. */
export interface DicomWebSource {
  root: string;
  token: TokenProvider;
}

export interface LoadedSeries {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly description: string;
  readonly modality: string;
  readonly geometry: SeriesGeometry;
  /** wadors image ids in display order (index k of geometry.slices). */
  readonly imageIds: readonly string[];
  readonly sopOfImageId: ReadonlyMap<string, string>;
  /** Window/level stored in the first instance, if any. */
  readonly storedWindow: { width: number; center: number } | null;
}

export class DicomWebError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DicomWebError';
  }
}

function hasPixelData(instance: DicomJsonInstance): boolean {
  return instance[Tags.Rows] !== undefined && instance[Tags.ImagePositionPatient] !== undefined;
}

/**
 * Fetches the WADO-RS metadata of a series (DICOM JSON), sorts its images along the slice normal, registers the
 * metadata with the image loader and returns the image ids in display order. Non-image instances (e.g. presentation
 * states stored in the series) are skipped.
 */
export async function fetchSeries(
  source: DicomWebSource,
  studyInstanceUid: string,
  seriesInstanceUid: string,
  signal?: AbortSignal,
): Promise<LoadedSeries> {
  const root = registerDicomWebRoot(source.root, source.token);
  const seriesUrl = `${root}/studies/${encodeURIComponent(studyInstanceUid)}/series/${encodeURIComponent(seriesInstanceUid)}`;
  const response = await fetch(`${seriesUrl}/metadata`, {
    headers: { Accept: 'application/dicom+json, application/json', ...(await authorizationHeaders(seriesUrl)) },
    signal,
  });
  if (!response.ok) {
    throw new DicomWebError(response.status, `series metadata could not be loaded (HTTP ${response.status}) from ${seriesUrl}/metadata`);
  }
  const json = (await response.json()) as DicomJsonInstance[];
  if (!Array.isArray(json)) throw new DicomWebError(502, 'series metadata is not a DICOM JSON array');
  const images = json.filter(hasPixelData);
  if (images.length === 0) throw new DicomWebError(404, `series ${seriesInstanceUid} has no images`);
  const infos: InstanceInfo[] = images.map(instanceInfo);
  const geometry = buildSeriesGeometry(infos);
  const jsonBySop = new Map(images.map((inst, n) => [infos[n].sopInstanceUid, inst]));
  const imageIds: string[] = [];
  const sopOfImageId = new Map<string, string>();
  for (const slice of geometry.slices) {
    const imageId = `wadors:${seriesUrl}/instances/${encodeURIComponent(slice.sopInstanceUid)}/frames/1`;
    wadors.metaDataManager.add(imageId, jsonBySop.get(slice.sopInstanceUid) as never);
    imageIds.push(imageId);
    sopOfImageId.set(imageId, slice.sopInstanceUid);
  }
  const first = infos[0];
  const width = Number((images[0][Tags.WindowWidth]?.Value ?? [])[0]);
  const center = Number((images[0][Tags.WindowCenter]?.Value ?? [])[0]);
  return {
    studyInstanceUid,
    seriesInstanceUid,
    description: first.seriesDescription ?? '',
    modality: first.modality ?? '',
    geometry,
    imageIds,
    sopOfImageId,
    storedWindow: Number.isFinite(width) && Number.isFinite(center) && width > 0 ? { width, center } : null,
  };
}

/** Centre-out order starting at `start`, so the slices next to the one on screen arrive first. */
export function centreOutOrder(count: number, start: number): number[] {
  const order: number[] = [];
  for (let d = 0; order.length < count; d++) {
    if (start + d < count && start + d >= 0) order.push(start + d);
    if (d > 0 && start - d >= 0 && start - d < count) order.push(start - d);
  }
  return order;
}

export interface PrefetchProgress {
  loaded: number;
  failed: number;
  total: number;
}

/**
 * Loads and caches every image of the series (centre-out from `start`), reporting progress after each image.
 * Resolves when all have settled; failures are counted, not thrown, so one bad frame does not stop the rest.
 */
export async function prefetchSeries(
  series: LoadedSeries,
  start: number,
  onProgress: (p: PrefetchProgress) => void,
): Promise<PrefetchProgress> {
  const progress: PrefetchProgress = { loaded: 0, failed: 0, total: series.imageIds.length };
  onProgress({ ...progress });
  const order = centreOutOrder(series.imageIds.length, start);
  await Promise.all(
    order.map((k, rank) =>
      imageLoader
        .loadAndCacheImage(series.imageIds[k], {
          priority: rank === 0 ? 0 : 5,
          requestType: rank === 0 ? CoreEnums.RequestType.Interaction : CoreEnums.RequestType.Prefetch,
        })
        .then(
          () => {
            progress.loaded++;
            onProgress({ ...progress });
          },
          () => {
            progress.failed++;
            onProgress({ ...progress });
          },
        ),
    ),
  );
  return progress;
}
