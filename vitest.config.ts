import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixture sites are built once, for real, before any test reads them.
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Builds and the browser are heavy on 2 cores; two workers keep the run fast without thrashing.
    maxWorkers: 2,
  },
});
