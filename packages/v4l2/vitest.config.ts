import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['dist/**', 'node_modules/**', 'build/**'],
    testTimeout: 30000,
    pool: 'forks',
  },
});
