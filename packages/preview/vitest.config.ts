import { defineConfig } from 'vitest/config';
import { createRequire } from 'node:module';

// The toolkit is used from its build (dist), like any other consumer of the package.
const require = createRequire(import.meta.url);

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: '@planar/toolkit' } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['dist/**', 'node_modules/**'],
    setupFiles: [require.resolve('@planar/toolkit/vitest')],
    testTimeout: 30000,
    pool: 'forks',
  },
});
