import { defineConfig } from 'vitest/config';

// Unit tests: pure TypeScript modules (no browser, no server).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
