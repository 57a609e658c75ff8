import { defineConfig } from 'vitest/config';

// Unit tests: pure TypeScript modules (no browser, no server).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'arch/**/*.test.ts'],
    environment: 'node',
  },
});
