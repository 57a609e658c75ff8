// Vite dev server only: pre-bundle the CommonJS codec wrappers Cornerstone's decode worker imports, and leave the
// image loader itself (ES modules with workers) alone. Shared by vite.config.ts and dev/vite.config.ts.
export const cornerstoneOptimizeDeps = {
  exclude: ['@cornerstonejs/dicom-image-loader'],
  include: [
    'dicom-parser',
    '@cornerstonejs/metadata',
    '@cornerstonejs/codec-charls/decodewasmjs',
    '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
    '@cornerstonejs/codec-openjpeg/decodewasmjs',
    '@cornerstonejs/codec-openjph/wasmjs',
  ],
};
