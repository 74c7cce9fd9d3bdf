/**
 * Fonts: bundled families and aliases, registered fonts, system families found by the
 * FreeType addon, and script fallback (Devanagari, which DejaVu lacks, from the system's
 * Lohit Devanagari, which the set-up step installs).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Text, View, registerFont, systemFontSupport } from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';

const LOHIT = '/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf';
const required = process.env.PLANAR_E2E === 'required';
const systemFonts = systemFontSupport().available && existsSync(LOHIT);
const dejavu = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The rendered width of a one-line text. */
async function widthOf(text: string, style: object, onError?: (e: Error) => void): Promise<number> {
  const screen = await render(() => <View style={{ alignItems: 'flex-start' }}><Text testId="t" style={style}>{text}</Text></View>, { width: 600, height: 100, onError });
  const w = screen.find({ testId: 't' }).width;
  await screen.dispose();
  return w;
}

describe('fonts', () => {
  it('maps monospace to DejaVu Sans Mono, loading it on first use', async () => {
    const mono = await widthOf('iiiiiiiiii', { fontFamily: 'monospace', fontSize: 20 });
    const wide = await widthOf('MMMMMMMMMM', { fontFamily: 'monospace', fontSize: 20 });
    expect(mono).toBe(wide);
    expect(await widthOf('iiiiiiiiii', { fontSize: 20 })).toBeLessThan(mono);
  });

  it('uses a registered font under its family name', async () => {
    await registerFont(new Uint8Array(readFileSync(path.join(dejavu, 'DejaVuSerif.ttf'))), { family: 'House Serif' });
    const serif = await widthOf('Planar panel', { fontFamily: 'House Serif', fontSize: 20 });
    const sans = await widthOf('Planar panel', { fontSize: 20 });
    expect(serif).not.toBe(sans);
    expect(serif).toBe(await widthOf('Planar panel', { fontFamily: 'serif', fontSize: 20 }));
  });

  it('falls back along a fontFamily list to the first known family', async () => {
    const errors: string[] = [];
    expect(await widthOf('Planar', { fontFamily: ['Nope Sans', 'monospace'], fontSize: 20 }, (e) => errors.push(e.message)))
      .toBe(await widthOf('Planar', { fontFamily: 'monospace', fontSize: 20 }));
    expect(errors.join('\n')).toMatch(/unknown font family "Nope Sans"/);
  });

  describe.skipIf(!systemFonts && !required)('system fonts (FreeType addon)', () => {
    it('is available where the set-up step built it', () => {
      expect(systemFontSupport()).toEqual({ available: true });
      expect(existsSync(LOHIT)).toBe(true);
    });

    it('finds a system family by name', async () => {
      const lohit = await widthOf('abc', { fontFamily: 'Lohit Devanagari', fontSize: 30 });
      const sans = await widthOf('abc', { fontSize: 30 });
      expect(lohit).not.toBe(sans);
    });

    it('shapes Devanagari with a system font that covers it when DejaVu does not', async () => {
      const scene = (family?: string) => () => (
        <View style={{ padding: 10, alignItems: 'flex-start', backgroundColor: 'white' }}>
          <Text style={{ fontSize: 28, color: 'black', fontFamily: family }}>नमस्ते दुनिया</Text>
        </View>
      );
      const fallback = await render(scene(), { width: 300, height: 80 });
      const explicit = await render(scene('Lohit Devanagari'), { width: 300, height: 80 });
      // The fallback chose the system font: same pixels as asking for it by name.
      expect(Buffer.compare(Buffer.from(fallback.png()), Buffer.from(explicit.png()))).toBe(0);
      // And the glyphs are shaped (conjuncts, vowel signs), as the golden shows.
      await expect(fallback).toMatchImageSnapshot('devanagari-fallback');
      await fallback.dispose();
      await explicit.dispose();
    });
  });
});
