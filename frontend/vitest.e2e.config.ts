import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (Debian), real Keycloak, real PostgreSQL, the packaged portal.
// `./delineo test` starts that stack and sets DELINEO_E2E_* before running these.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['verbose'],
  },
});
