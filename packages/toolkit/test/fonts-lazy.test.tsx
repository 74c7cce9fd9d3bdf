/**
 * Fonts read when first drawn: a bundled face is registered right before the first paragraph
 * that needs it is built, and the system's fonts are scanned only for a paragraph that needs
 * one. Drawn text must not depend on that: it is compared, pixel for pixel, with the same tree
 * drawn once every face is there.
 *
 * The font provider is one per process and this file runs in its own process, so the tests
 * run in order and each starts from what the one before left loaded: first a Latin app in the
 * default face, then every bundled family in every weight and slant, then Arabic.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { Text, View, preloadBundledFonts, systemFontSupport } from '@planar/toolkit';
import { render, type Screen } from '@planar/toolkit/testing';
import { loadedFonts } from '../src/render/fonts.js';

const NOTO_ARABIC = '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf';
const required = process.env.PLANAR_E2E === 'required';
const arabicFonts = systemFontSupport().available && existsSync(NOTO_ARABIC);

const FAMILIES = ['DejaVu Serif', 'DejaVu Sans Mono', 'DejaVu Sans'];
/** Weights CSS maps onto the other face come first, so each is drawn before its face was read for another row. */
const CASES = [
  { name: 'w600', fontWeight: 600 }, { name: 'w900', fontWeight: 900 }, { name: 'w300', fontWeight: 300 },
  { name: 'w500', fontWeight: 500 }, { name: 'regular', fontWeight: 400 }, { name: 'bold', fontWeight: 700 },
  { name: 'italic', fontWeight: 400, fontStyle: 'italic' }, { name: 'bold-italic', fontWeight: 700, fontStyle: 'italic' },
] as const;
const id = (family: string, name: string) => `${family.replace(/ /g, '-')}-${name}`;

function Specimens() {
  return (
    <View style={{ flexDirection: 'row', backgroundColor: 'white', padding: 4 }}>
      {FAMILIES.map((family) => (
        <View style={{ width: 300 }}>
          {CASES.map(({ name, ...style }) => (
            <View testId={id(family, name)} style={{ height: 28, alignItems: 'flex-start' }}>
              <Text testId={`${id(family, name)}-text`} style={{ fontFamily: family, fontSize: 20, color: 'black', ...style }}>Hamburgefonts 42</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The RGBA bytes inside the box of the node with this testId. */
function crop(screen: Screen, testId: string): Buffer {
  const { x, y, width, height } = screen.find({ testId });
  const { width: w, pixels } = screen.pixels();
  const rows: Buffer[] = [];
  for (let r = y; r < y + height; r++) rows.push(Buffer.from(pixels.subarray((r * w + x) * 4, (r * w + x + width) * 4)));
  return Buffer.concat(rows);
}

const samePixels = (a: Screen, b: Screen) => Buffer.compare(Buffer.from(a.pixels().pixels), Buffer.from(b.pixels().pixels)) === 0;

describe('fonts read when first drawn', () => {
  it('reads only DejaVu Sans regular for a Latin app in the default face, and never scans the system fonts', async () => {
    expect(loadedFonts()).toEqual({ bundledFaces: [], systemScan: false });
    const screen = await render(() => (
      <View style={{ padding: 10, backgroundColor: 'white' }}>
        <Text style={{ fontSize: 24, color: 'black' }}>Living room 21.5 °C — Ünïcødé Ελληνικά Кириллица</Text>
      </View>
    ), { width: 700, height: 60 });
    expect(screen.getByText(/Living room/)).toBeVisible();
    expect(screen.pixel(14, 30)).not.toEqual(screen.pixel(2, 2)); // text was drawn, not only the background
    expect(loadedFonts()).toEqual({ bundledFaces: ['DejaVuSans.ttf'], systemScan: false });
    await screen.dispose();
  });

  it('draws every bundled family, weight and slant as if all faces had been loaded at start', async () => {
    const lazy = await render(() => <Specimens />, { width: 920, height: 240 });
    // All twelve faces were read while this tree was drawn (each family in both weights and slants).
    expect(new Set(loadedFonts().bundledFaces)).toEqual(new Set([
      'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf',
      'DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf', 'DejaVuSansMono-Oblique.ttf', 'DejaVuSansMono-BoldOblique.ttf',
      'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSerif-Italic.ttf', 'DejaVuSerif-BoldItalic.ttf',
    ]));
    await preloadBundledFonts();
    expect(loadedFonts().bundledFaces).toHaveLength(12);
    const eager = await render(() => <Specimens />, { width: 920, height: 240 });
    expect(samePixels(lazy, eager), 'the specimens drawn face by face equal those drawn with every face loaded').toBe(true);

    for (const family of FAMILIES) {
      const row = (name: string) => crop(lazy, id(family, name));
      // CSS's choice between a family's two faces: above 500 the bold one, else the regular one.
      expect(row('w600').equals(row('bold')), `${family} 600 is drawn with the bold face`).toBe(true);
      // 900 too, and Skia thickens the bold face's strokes for it (its advances stay the bold face's).
      const width = (name: string) => lazy.find({ testId: `${id(family, name)}-text` }).width;
      expect(width('w900'), `${family} 900 is drawn with the bold face`).toBe(width('bold'));
      // (Monospaced faces keep one advance in both weights.)
      if (!family.includes('Mono')) expect(width('bold'), `${family} bold is wider than regular`).toBeGreaterThan(width('regular'));
      expect(row('w300').equals(row('regular')), `${family} 300 is drawn with the regular face`).toBe(true);
      expect(row('w500').equals(row('regular')), `${family} 500 is drawn with the regular face`).toBe(true);
      expect(row('bold').equals(row('regular')), `${family} bold differs from regular`).toBe(false);
      expect(row('italic').equals(row('regular')), `${family} italic differs from regular`).toBe(false);
      expect(row('bold-italic').equals(row('bold')), `${family} bold italic differs from bold`).toBe(false);
    }
    expect(loadedFonts().systemScan).toBe(false);
    await lazy.dispose();
    await eager.dispose();
  });

  describe.skipIf(!arabicFonts && !required)('a script DejaVu leaves to the system (Arabic, Noto Sans Arabic installed)', () => {
    const arabic = (family?: string) => () => (
      <View style={{ padding: 10, alignItems: 'flex-start', backgroundColor: 'white' }}>
        <Text style={{ fontSize: 28, color: 'black', fontFamily: family }}>مرحبا بالعالم</Text>
      </View>
    );

    it('starts the system font scan, and draws as when the font was there from the start', async () => {
      expect(loadedFonts().systemScan).toBe(false);
      // render() waits for the scan and the fallback font (fontsSettled) before it resolves.
      const lazy = await render(arabic(), { width: 300, height: 70 });
      expect(loadedFonts().systemScan).toBe(true);
      // Now the index and the fallback font are there before the paragraph is first built.
      const eager = await render(arabic(), { width: 300, height: 70 });
      expect(samePixels(lazy, eager)).toBe(true);
      // The system's Arabic font drew it, not DejaVu Sans's own Arabic letters.
      const named = await render(arabic('Noto Sans Arabic'), { width: 300, height: 70 });
      const dejavu = await render(arabic('DejaVu Sans'), { width: 300, height: 70 });
      expect(samePixels(lazy, named)).toBe(true);
      expect(samePixels(lazy, dejavu)).toBe(false);
      for (const s of [lazy, eager, named, dejavu]) await s.dispose();
    });
  });
});
