import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{dsl,contract,server,widget,app,scripts}/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['dsl/**/*.ts', 'contract/**/*.ts', 'server/**/*.ts', 'widget/**/*.ts', 'app/**/*.{ts,tsx}'],
      exclude: ['**/*.test.{ts,tsx}', '**/*.d.ts', 'dsl/testing/**'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: {
        'dsl/**/*.ts': { branches: 95 },
      },
    },
  },
});
