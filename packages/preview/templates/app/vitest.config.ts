import { defineConfig } from 'vitest/config';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default defineConfig({
  // TSX compiles to Planar's JSX runtime, as tsconfig.json says for tsc.
  oxc: { jsx: { runtime: 'automatic', importSource: '@planar/toolkit' } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['dist/**', 'node_modules/**'],
    // Registers expect(screen).toMatchImageSnapshot() and the role matchers (toBeChecked, …).
    setupFiles: [require.resolve('@planar/toolkit/vitest')],
    testTimeout: 30000,
    pool: 'forks',
  },
});
