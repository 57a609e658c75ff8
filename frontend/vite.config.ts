import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

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
  worker: { format: 'es' },
  optimizeDeps: {
    exclude: ['@cornerstonejs/dicom-image-loader'],
    include: ['dicom-parser'],
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/dicom-web': 'http://localhost:8080',
      '/wado': 'http://localhost:8080',
    },
  },
});
