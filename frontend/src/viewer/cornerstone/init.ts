import { init as coreInit, imageLoadPoolManager, Enums as CoreEnums } from '@cornerstonejs/core';
import { init as dicomImageLoaderInit } from '@cornerstonejs/dicom-image-loader';
import { init as toolsInit } from '@cornerstonejs/tools';
import { authorizationHeaders } from './auth';
import { registerViewerTools } from './tools';

/**
 * The one place Cornerstone3D is initialised (core, image loader with its decode workers, tools). Reader, PI and
 * board screens all call initCornerstone(); it runs once per page.
 *
 * Decoding happens in web workers (dicom-image-loader's decodeImageFrameWorker) with the WASM codecs of
 * @cornerstonejs/codec-* for JPEG baseline/extended/lossless, JPEG-LS, JPEG 2000 and HTJ2K, plus RLE and the
 * uncompressed syntaxes.
 */

let initialisation: Promise<void> | undefined;

export function initCornerstone(): Promise<void> {
  initialisation ??= (async () => {
    coreInit();
    const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    dicomImageLoaderInit({
      maxWebWorkers: Math.max(1, Math.min(4, cores - 1)),
      // the image loader's XHRs carry the bearer token of the root they target
      beforeSend: async (_xhr: XMLHttpRequest, imageId: string) => authorizationHeaders(imageId.replace(/^wadors:/, '')),
    });
    toolsInit();
    registerViewerTools();
    // interaction requests (the slice on screen) before prefetch
    imageLoadPoolManager.setMaxSimultaneousRequests(CoreEnums.RequestType.Prefetch, 12);
  })();
  return initialisation;
}
