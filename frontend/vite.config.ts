import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cornerstoneOptimizeDeps } from './cornerstoneDeps';

// The backend serves dist/ (copied into META-INF/resources by the Maven build).
// In `npm run dev`, API and DICOMweb calls go to the portal on :8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    target: 'es2022',
  },
  // Cornerstone's image loader decodes in ES-module web workers with WASM codecs; the build emits both as assets
  // (served by the backend like the rest of dist/). The viewer is a separate chunk, loaded when a viewer opens.
  worker: { format: 'es' },
  optimizeDeps: cornerstoneOptimizeDeps,
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/dicom-web': 'http://localhost:8080',
      '/wado': 'http://localhost:8080',
    },
  },
});
