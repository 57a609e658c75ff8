import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cornerstoneOptimizeDeps } from '../cornerstoneDeps';

// Dev-only harness: serves frontend/dev/harness with the product's src/ modules, and proxies DICOMweb to a local
// Orthanc (see README.md). Not part of the product build.
const frontend = fileURLToPath(new URL('..', import.meta.url));
const orthanc = process.env.ORTHANC_URL ?? 'http://localhost:8042';

export default defineConfig({
  root: fileURLToPath(new URL('./harness', import.meta.url)),
  plugins: [react()],
  worker: { format: 'es' },
  // `vite build --config dev/vite.config.ts` + `vite preview` serve a production-built harness (for measurements)
  build: { outDir: process.env.HARNESS_DIST ?? '/tmp/delineo-harness-dist', emptyOutDir: true, chunkSizeWarningLimit: 8000, target: 'es2022' },
  preview: { port: Number(process.env.HARNESS_PREVIEW_PORT ?? 5182), strictPort: true, proxy: { '/dicom-web': { target: orthanc, changeOrigin: true } } },
  server: {
    port: Number(process.env.HARNESS_PORT ?? 5181),
    strictPort: true,
    fs: { allow: [frontend] },
    proxy: { '/dicom-web': { target: orthanc, changeOrigin: true } },
  },
  optimizeDeps: cornerstoneOptimizeDeps,
});
