/**
 * One file to one module: relative imports point at built files with their versions, components
 * go through the hot registry, syntax errors say where.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransformError, transformModule, wrapComponents } from '../src/dev/transform.js';

const HOT = 'file:///planar/hot/registry.js';
let dir = '';

function write(file: string, text: string): string {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'planar-transform-'));
  write('src/Label.tsx', 'export const Label = () => null;\n');
  write('src/store.ts', 'export const unit = "px";\n');
  write('src/parts/index.ts', 'export const part = 1;\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('transformModule', () => {
  it('imports-rewritten: extensionless, .js, .tsx and folder imports name built files; packages stay', async () => {
    const file = write('src/main.tsx', [
      "import { Label } from './Label';", "import { unit } from './store.js';", "import { part } from './parts';",
      "import data from './data.json' with { type: 'json' };", "import { View } from '@planar/toolkit';",
      'console.log(unit, part, data);', 'export default () => <View><Label /></View>;',
    ].join('\n'));
    write('src/data.json', '{}');
    const versions = new Map([[path.join(dir, 'src/store.ts'), 3]]);
    const { code, imports } = await transformModule(file, { versionOf: (f) => versions.get(f) ?? 0 });
    expect(code).toContain('from "./Label.js"');
    expect(code).toContain('from "./store.js?v=3"');
    expect(code).toContain('from "./parts/index.js"');
    expect(code).toContain('from "./data.json"');
    expect(code).toContain('from "@planar/toolkit"');
    expect(imports.sort()).toEqual([path.join(dir, 'src/Label.tsx'), path.join(dir, 'src/parts/index.ts'), path.join(dir, 'src/store.ts')]);
  });

  it('components-wrapped: PascalCase functions and the default export, not helpers or values', async () => {
    const file = write('src/App.tsx', [
      "import { Text } from '@planar/toolkit';", 'function format(n: number) { return `${n}`; }',
      'export function Title() { return <Text>{format(1)}</Text>; }', 'export const Colors = { primary: "#06c" };',
      'const Badge = () => <Text>b</Text>;', 'export default function () { return <Badge />; }',
    ].join('\n'));
    const { code } = await transformModule(file, { hotRuntimeUrl: HOT });
    expect(code).toContain(`import { hotComponent as __planarHot } from "${HOT}";`);
    expect(code).toMatch(/^Title = __planarHot\(import\.meta\.url, "Title", Title\);/m);
    expect(code).toMatch(/^var Badge =/m);
    expect(code).toMatch(/^Badge = __planarHot\(import\.meta\.url, "Badge", Badge\);/m);
    expect(code).toMatch(/^App_default = __planarHot\(import\.meta\.url, "App_default", App_default\);/m);
    // Colors is registered but passes through (not a function); format is not touched.
    expect(code).not.toMatch(/"format"/);
  });

  it('no-jsx-no-wrapping: a module without JSX is left as esbuild wrote it', async () => {
    const file = write('src/Store.ts', 'export function Counter() { return 1; }\n');
    const { code } = await transformModule(file, { hotRuntimeUrl: HOT });
    expect(code).not.toContain('__planarHot');
  });

  it('syntax-error: a TransformError with the file, line and column', async () => {
    const file = write('src/Broken.tsx', 'export const A = () => <View>;\n');
    const error = await transformModule(file, { root: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransformError);
    expect((error as Error).message).toMatch(/^src\/Broken\.tsx:\d+:\d+: /);
  });

  it('wrap-none: code with no components comes back unchanged', () => {
    const code = 'import { jsx } from "@planar/toolkit/jsx-runtime";\nconst x = 1;\n';
    expect(wrapComponents(code, HOT)).toBe(code);
  });
});
