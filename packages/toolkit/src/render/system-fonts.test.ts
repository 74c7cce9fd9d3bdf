import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createFontIndex, loadSystemFonts, scanDirectories, systemFontDirectories, systemFontSupport, type SystemFontFace,
} from './system-fonts.js';

// In CI (PLANAR_E2E=required) the addon must be built: its tests run, and fail, instead of being skipped.
const skipNative = !systemFontSupport().available && process.env.PLANAR_E2E !== 'required';
const expectAddon = (): void =>
  expect(systemFontSupport(), 'the planar_fonts addon must be built (node-gyp rebuild)').toEqual({ available: true });

const dejavu = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let root: string;
let fontsDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'planar-fonts-'));
  fontsDir = join(root, 'fonts');
  mkdirSync(join(fontsDir, 'nested'), { recursive: true });
  copyFileSync(join(dejavu, 'DejaVuSans.ttf'), join(fontsDir, 'DejaVuSans.ttf'));
  copyFileSync(join(dejavu, 'DejaVuSans-Bold.ttf'), join(fontsDir, 'nested', 'DejaVuSans-Bold.TTF'));
  writeFileSync(join(fontsDir, 'corrupt.ttf'), randomBytes(4096));
  writeFileSync(join(fontsDir, 'truncated.otf'), readFileSync(join(dejavu, 'DejaVuSerif.ttf')).subarray(0, 2000));
  writeFileSync(join(fontsDir, 'notes.txt'), 'not a font');
  symlinkSync(fontsDir, join(fontsDir, 'nested', 'loop')); // A symlink cycle back to the top.
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const face = (family: string, weight: number, style: 'normal' | 'italic', scripts: string[] = ['latin'], styleName = ''): SystemFontFace =>
  ({ path: `/fonts/${family}-${weight}-${style}${styleName}.ttf`, index: 0, family, styleName, weight, style, scripts });

describe('systemFontSupport', () => {
  it('reports availability, with a reason when unavailable', () => {
    const support = systemFontSupport();
    if (support.available) expect(support).toEqual({ available: true });
    else expect(support.reason).toMatch(/planar_fonts\.node/);
  });
});

describe('systemFontDirectories', () => {
  it('puts PLANAR_FONT_DIRS first, then the system and user directories', () => {
    const dirs = systemFontDirectories({ PLANAR_FONT_DIRS: '/opt/a::/opt/b' });
    expect(dirs.slice(0, 4)).toEqual(['/opt/a', '/opt/b', '/usr/share/fonts', '/usr/local/share/fonts']);
    expect(dirs.at(-1)).toMatch(/\.fonts$/);
    expect(systemFontDirectories({})[0]).toBe('/usr/share/fonts');
  });
});

describe('createFontIndex', () => {
  const faces = [
    face('Test Sans', 300, 'normal'), face('Test Sans', 400, 'normal'), face('Test Sans', 500, 'normal'),
    face('Test Sans', 700, 'normal'), face('Test Sans', 900, 'normal'), face('Test Sans', 400, 'italic'),
    face('Test Sans', 400, 'normal', ['latin'], 'Condensed'),
  ];
  const index = createFontIndex(faces);

  it('looks families up case-insensitively', () => {
    expect(index.family('TEST sans')).toHaveLength(7);
    expect(index.family('Nope')).toEqual([]);
    expect(index.match('nope', 400, 'normal')).toBeUndefined();
  });

  it('matches weights as CSS does', () => {
    const weightFor = (w: number, style: 'normal' | 'italic' = 'normal') => index.match('test sans', w, style)?.weight;
    expect(weightFor(400)).toBe(400);
    expect(weightFor(450)).toBe(500); // 400-500: heavier up to 500 first,
    expect(weightFor(600)).toBe(700); // > 500: heavier first,
    expect(weightFor(1000)).toBe(900); // then lighter.
    expect(weightFor(350)).toBe(300); // < 400: lighter first,
    expect(weightFor(100)).toBe(300); // then heavier.
    expect(index.match('test sans', 800, 'italic')).toBe(faces[5]); // Style beats weight.
    expect(index.match('test sans', 400, 'normal')).toBe(faces[1]); // Normal width beats condensed.
  });

  it('orders fallback faces: regular weight, upright, normal width, then family name', () => {
    const fallback = createFontIndex([
      face('Zeta', 400, 'normal', ['greek']), face('Alpha', 700, 'normal', ['greek']),
      face('Beta', 400, 'italic', ['greek']), face('Alpha', 400, 'normal', ['greek'], 'Condensed'),
      face('Gamma', 400, 'normal', ['latin']), face('Alpha', 400, 'normal', ['greek']),
    ]);
    expect(fallback.forScript('greek').map((f) => `${f.family} ${f.weight} ${f.style} ${f.styleName}`.trim())).toEqual([
      'Alpha 400 normal', 'Zeta 400 normal', 'Alpha 400 normal Condensed', 'Beta 400 italic', 'Alpha 700 normal',
    ]);
    expect(fallback.forScript('han')).toEqual([]);
  });
});

describe('scanDirectories (native)', () => {
  it.skipIf(skipNative)('finds DejaVu Sans regular and bold, recursively and only once despite a symlink loop', async () => {
    expectAddon();
    const index = await scanDirectories([fontsDir]);
    const faces = index.family('DejaVu Sans');
    expect(faces.map((f) => f.weight).sort()).toEqual([400, 700]);
    expect(index.faces).toHaveLength(2); // The corrupt and truncated files are skipped.
    const regular = faces.find((f) => f.weight === 400);
    expect(regular).toMatchObject({ path: join(fontsDir, 'DejaVuSans.ttf'), index: 0, family: 'DejaVu Sans', style: 'normal' });
    expect(regular?.styleName).toBe('Book');
    for (const f of faces) {
      expect(f.scripts).toEqual(expect.arrayContaining(['latin', 'greek', 'cyrillic', 'arabic', 'hebrew']));
      expect(f.scripts).not.toContain('han');
    }
  });

  it.skipIf(skipNative)('matches and ranks the scanned faces', async () => {
    expectAddon();
    const index = await scanDirectories([fontsDir]);
    expect(index.match('dejavu sans', 600, 'normal')?.styleName).toBe('Bold');
    expect(index.match('dejavu sans', 400, 'italic')?.weight).toBe(400);
    expect(index.forScript('cyrillic').map((f) => f.weight)).toEqual([400, 700]);
    expect(index.forScript('han')).toEqual([]);
  });

  it.skipIf(skipNative)('gives no faces and no error for a directory that does not exist', async () => {
    expectAddon();
    const index = await scanDirectories([join(root, 'missing'), join(root, 'missing.ttf')]);
    expect(index.faces).toEqual([]);
  });

  it.skipIf(skipNative)('skips a corrupt font file', async () => {
    expectAddon();
    const dir = join(root, 'corrupt-only');
    mkdirSync(dir);
    writeFileSync(join(dir, 'random.ttf'), randomBytes(10_000));
    writeFileSync(join(dir, 'empty.ttc'), '');
    await expect(scanDirectories([dir])).resolves.toMatchObject({ faces: [] });
  });
});

describe('loadSystemFonts', () => {
  it.skipIf(skipNative)('scans PLANAR_FONT_DIRS first, once', async () => {
    expectAddon();
    const saved = process.env.PLANAR_FONT_DIRS;
    process.env.PLANAR_FONT_DIRS = fontsDir;
    try {
      const first = loadSystemFonts();
      expect(loadSystemFonts()).toBe(first);
      const index = await first;
      expect(index.faces.slice(0, 2).map((f) => f.path)).toEqual([
        join(fontsDir, 'DejaVuSans.ttf'), join(fontsDir, 'nested', 'DejaVuSans-Bold.TTF'),
      ]);
    } finally {
      if (saved === undefined) delete process.env.PLANAR_FONT_DIRS;
      else process.env.PLANAR_FONT_DIRS = saved;
    }
  });

  it('resolves to an empty index when the addon is missing', async () => {
    vi.resetModules();
    vi.doMock('node:fs', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:fs')>()), existsSync: () => false }));
    try {
      const fresh = await import('./system-fonts.js');
      expect(fresh.systemFontSupport()).toMatchObject({ available: false, reason: expect.stringMatching(/not built/) });
      const index = await fresh.loadSystemFonts();
      expect(index.faces).toEqual([]);
      expect(index.family('DejaVu Sans')).toEqual([]);
      expect(index.match('DejaVu Sans', 400, 'normal')).toBeUndefined();
      expect(index.forScript('latin')).toEqual([]);
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });
});
