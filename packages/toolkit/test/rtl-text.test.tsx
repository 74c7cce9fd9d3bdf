/**
 * Right-to-left paragraphs: Arabic and Hebrew drawn with the system's Noto faces (set-up
 * installs fonts-noto-core), letters joined, runs ordered by the Unicode bidi algorithm from
 * the box's direction: Latin words and numbers read left to right inside a right-to-left
 * line, and a paragraph starts at the right. Goldens were looked at before they were written.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Text, View, systemFontSupport, type Style } from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';

const NOTO = '/usr/share/fonts/truetype/noto';
const notoInstalled = systemFontSupport().available && existsSync(`${NOTO}/NotoSansArabic-Regular.ttf`) && existsSync(`${NOTO}/NotoSansHebrew-Regular.ttf`);
const required = process.env.PLANAR_E2E === 'required';

const ARABIC = 'حدّث Planar إلى الإصدار 2.4 يوم 12 مارس، ويعمل الآن مع Wi-Fi بسرعة 300 ميغابت.';
const HEBREW = 'הטמפרטורה בסלון היא 21.5°C, וה-Wi-Fi מחובר מאז 08:30 בבוקר.';

function Paragraphs(props: { text: string; title: string }) {
  const para: Style = { fontSize: 18, color: '#111', lineHeight: 1.4 };
  return (
    <View style={{ width: '100%', height: '100%', backgroundColor: 'white', padding: 12, gap: 10 }}>
      <Text style={{ fontSize: 22, fontWeight: 'bold', color: '#111' }}>{props.title}</Text>
      <Text style={para}>{props.text}</Text>
      <Text style={{ ...para, textAlign: 'end', color: '#2d6cdf' }}>{props.text.slice(0, 24)}</Text>
    </View>
  );
}

describe.skipIf(!notoInstalled && !required)('right-to-left paragraphs (Noto system fonts)', () => {
  it('the fonts are there', () => {
    expect(notoInstalled, `run the set-up (npm run setup) to install fonts-noto-core into ${NOTO}`).toBe(true);
  });

  it('an Arabic paragraph with Latin words and digits', async () => {
    const screen = await render(() => <Paragraphs title="الإعدادات" text={ARABIC} />, { width: 360, height: 190, direction: 'rtl' });
    await expect(screen).toMatchImageSnapshot('rtl-arabic-paragraph');
    await screen.dispose();
  });

  it('a Hebrew paragraph with Latin words and digits', async () => {
    const screen = await render(() => <Paragraphs title="הגדרות" text={HEBREW} />, { width: 360, height: 160, direction: 'rtl' });
    await expect(screen).toMatchImageSnapshot('rtl-hebrew-paragraph');
    await screen.dispose();
  });
});

describe('base direction of a paragraph', () => {
  /** The leftmost and rightmost dark columns of the output. */
  async function inkOf(text: string, style: Style, direction: 'ltr' | 'rtl') {
    const screen = await render(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Text style={{ fontSize: 16, color: 'black', ...style }}>{text}</Text>
      </View>
    ), { width: 300, height: 30, direction });
    const { width, height, pixels } = screen.pixels();
    const dark = (x: number, y: number) => pixels[(y * width + x) * 4]! < 128;
    let left = width, right = 0;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
      if (dark(x, y)) { left = Math.min(left, x); right = Math.max(right, x + 1); }
    }
    // How high the ink of the leftmost glyph reaches: a digit's top, or a full stop's, low down.
    let top = height;
    for (let x = left; x < left + 2; x++) for (let y = 0; y < height; y++) if (dark(x, y)) top = Math.min(top, y);
    await screen.dispose();
    return { left, right, top };
  }

  it("follows the box's direction by default: a Latin label starts at the right in rtl", async () => {
    expect((await inkOf('Wi-Fi', {}, 'ltr')).left).toBeLessThan(5);
    expect((await inkOf('Wi-Fi', {}, 'rtl')).right).toBeGreaterThan(295);
  });

  it("'auto' takes the first strong letter instead, whatever the box", async () => {
    expect((await inkOf('Wi-Fi', { writingDirection: 'auto' }, 'rtl')).left).toBeLessThan(5);
    expect((await inkOf('שלום', { writingDirection: 'auto' }, 'ltr')).right).toBeGreaterThan(295);
  });

  it("puts a trailing full stop where the line ends: '1.' shows as '.1' in rtl", async () => {
    const ltr = await inkOf('1.', { textAlign: 'left' }, 'ltr');
    const rtl = await inkOf('1.', { textAlign: 'left' }, 'rtl');
    // Leftmost glyph: the digit in ltr (ink reaches high), the full stop in rtl (ink only low).
    expect(rtl.top - ltr.top).toBeGreaterThan(6);
  });
});
