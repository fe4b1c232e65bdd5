import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/renderer/**/*.test.tsx', 'test/cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    globalSetup: ['test/helpers/temp-root.global.ts', 'test/helpers/build-cli.global.ts'],
  },
});
