/**
 * Behaviour the README promises, checked by the pixels a person would see: a transform turns
 * around its `transformOrigin`, `writingDirection: 'rtl'` lays a paragraph out right to left,
 * and a `Layer` written inside a `display: 'none'` parent still shows until it is unmounted.
 */
import { describe, expect, it } from 'vitest';
import { Layer, Show, Text, View, signal, type Style } from '@planar/toolkit';
import { render, type Screen } from '@planar/toolkit/testing';

type Rgba = [number, number, number, number];
const WHITE: Rgba = [255, 255, 255, 255];
const BLUE: Rgba = [0, 0, 255, 255];
const RED: Rgba = [255, 0, 0, 255];

/** The output's pixels that are not white, as a box (null when all are white). */
function inkBox(screen: Screen): { left: number; top: number; right: number; bottom: number } | null {
  const { width, height, pixels } = screen.pixels();
  let box: { left: number; top: number; right: number; bottom: number } | null = null;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255) continue;
      box = box
        ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x + 1), bottom: Math.max(box.bottom, y + 1) }
        : { left: x, top: y, right: x + 1, bottom: y + 1 };
    }
  }
  return box;
}

describe('transformOrigin', () => {
  // A 40x40 box at 20,20 scaled to half: which 20x20 square it covers depends on the origin.
  it.each<[string, Style['transformOrigin'], { left: number; top: number }]>([
    ['the centre by default', undefined, { left: 30, top: 30 }],
    ['the top-left corner', { x: 0, y: 0 }, { left: 20, top: 20 }],
    ['the bottom-right corner', { x: 1, y: 1 }, { left: 40, top: 40 }],
    ['the top-right corner', { x: 1, y: 0 }, { left: 40, top: 20 }],
  ])('scale(0.5) around %s', async (_, origin, at) => {
    const screen = await render(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <View style={{ position: 'absolute', left: 20, top: 20, width: 40, height: 40, backgroundColor: 'blue', transform: { scale: 0.5 }, transformOrigin: origin }} />
      </View>
    ), { width: 80, height: 80 });
    expect(inkBox(screen)).toEqual({ left: at.left, top: at.top, right: at.left + 20, bottom: at.top + 20 });
    expect(screen.pixel(at.left + 10, at.top + 10)).toEqual(BLUE);
    await screen.dispose();
  });

  it('a change of origin alone moves what is drawn', async () => {
    const origin = signal({ x: 0, y: 0 });
    const screen = await render(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <View style={() => ({ position: 'absolute', left: 20, top: 20, width: 40, height: 40, backgroundColor: 'blue', transform: { scale: 0.5 }, transformOrigin: origin.value })} />
      </View>
    ), { width: 80, height: 80 });
    expect(inkBox(screen)).toEqual({ left: 20, top: 20, right: 40, bottom: 40 });
    origin.value = { x: 1, y: 1 };
    await screen.flush();
    expect(inkBox(screen)).toEqual({ left: 40, top: 40, right: 60, bottom: 60 });
    await screen.dispose();
  });
});

describe('writingDirection', () => {
  const paragraph = (text: string, style: Style) => (
    <View style={{ width: '100%', height: '100%', backgroundColor: 'white', padding: 10 }}>
      <Text style={{ fontSize: 20, color: 'black', ...style }}>{text}</Text>
    </View>
  );

  async function shot(text: string, style: Style) {
    const screen = await render(() => paragraph(text, style), { width: 300, height: 50 });
    const image = screen.pixels();
    const ink = inkBox(screen);
    await screen.dispose();
    return { image, ink };
  }

  it('rtl starts a paragraph at the right edge, ltr at the left', async () => {
    const ltr = await shot('abc', { writingDirection: 'ltr' });
    const rtl = await shot('abc', { writingDirection: 'rtl' });
    expect(ltr.ink!.left, 'ltr: ink starts at the left padding').toBeLessThan(20);
    expect(rtl.ink!.right, 'rtl: ink ends at the right padding').toBeGreaterThan(280);
    expect(rtl.ink!.right, 'rtl: ink stays inside the padding').toBeLessThanOrEqual(290);
  });

  // In a right-to-left paragraph, a full stop after Latin letters takes the paragraph's
  // direction and so is drawn to their left: "abc." reads as ".abc" placed on the right.
  it('rtl puts trailing punctuation before Latin text, as a right-aligned ltr ".abc" shows it', async () => {
    const rtl = await shot('abc.', { writingDirection: 'rtl' });
    const reordered = await shot('.abc', { writingDirection: 'ltr', textAlign: 'right' });
    const plainRight = await shot('abc.', { writingDirection: 'ltr', textAlign: 'right' });
    expect(Buffer.from(rtl.image.pixels).equals(Buffer.from(reordered.image.pixels)), 'rtl "abc." equals ltr ".abc" aligned right').toBe(true);
    expect(Buffer.from(rtl.image.pixels).equals(Buffer.from(plainRight.image.pixels)), 'rtl "abc." differs from ltr "abc." aligned right').toBe(false);
  });

  it('auto takes the direction of the first strong character', async () => {
    const hebrew = await shot('שלום', { writingDirection: 'auto' });
    const latin = await shot('shalom', { writingDirection: 'auto' });
    expect(hebrew.ink!.right, 'Hebrew: ink ends at the right padding').toBeGreaterThan(280);
    expect(latin.ink!.left, 'Latin: ink starts at the left padding').toBeLessThan(20);
  });
});

describe('a Layer inside a display: none parent', () => {
  it('shows, and goes when it is unmounted with Show', async () => {
    const mounted = signal(true);
    const screen = await render(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <View testId="hidden-parent" style={{ display: 'none' }}>
          <View style={{ width: 20, height: 20, backgroundColor: 'blue' }} />
          <Show when={mounted}>
            <Layer testId="popup" position={{ x: 30, y: 10 }}>
              <View style={{ width: 40, height: 30, backgroundColor: 'red' }} />
            </Layer>
          </Show>
        </View>
      </View>
    ), { width: 100, height: 60 });
    // The parent's own child is not drawn; the layer is, where its position says.
    expect(screen.pixel(5, 5), 'the hidden parent\'s own child').toEqual(WHITE);
    expect(inkBox(screen)).toEqual({ left: 30, top: 10, right: 70, bottom: 40 });
    expect(screen.pixel(50, 25)).toEqual(RED);
    expect(screen.planeOf('popup'), 'the layer rides a plane of its own').not.toBeNull();
    mounted.value = false;
    await screen.flush();
    expect(inkBox(screen), 'nothing but white once the layer is unmounted').toBeNull();
    await screen.dispose();
  });
});
