import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@planar\/toolkit\/jsx-(dev-)?runtime$/, replacement: src('jsx/jsx-runtime.ts') },
      { find: /^@planar\/toolkit\/testing$/, replacement: src('testing/index.ts') },
      { find: /^@planar\/toolkit\/vitest$/, replacement: src('testing/vitest.ts') },
      { find: /^@planar\/toolkit$/, replacement: src('index.ts') },
    ],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: '@planar/toolkit' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    exclude: ['dist/**', 'node_modules/**'],
    setupFiles: ['./src/testing/vitest.ts'],
    testTimeout: 30000,
    pool: 'forks',
  },
});
