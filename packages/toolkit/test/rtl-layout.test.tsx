/**
 * Right-to-left layout, as a person sees it: rows run from the right, `start`/`end` paddings,
 * margins, borders and insets land on the side a line starts / ends at, `flex-start` hugs the
 * right, and a direction set on the app, on a subtree or through a signal flips in place.
 */
import { describe, expect, it } from 'vitest';
import { Directionality, ScrollLayer, Text, View, signal, useDirection, type Style } from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';

const W = 300, H = 100;
const box = (testId: string, style: Style = {}) => <View testId={testId} style={{ width: 50, height: 20, ...style }} />;

/** A row of three boxes, a, b and c, in that order in the source. */
const row = (style: Style = {}) => (
  <View testId="row" style={{ flexDirection: 'row', ...style }}>
    {box('a')}{box('b')}{box('c')}
  </View>
);

describe('a row', () => {
  it.each<[string, 'ltr' | 'rtl', number[]]>([
    ['ltr: from the left', 'ltr', [0, 50, 100]],
    ['rtl: from the right', 'rtl', [250, 200, 150]],
  ])('runs %s', async (_, direction, xs) => {
    const screen = await render(() => row(), { width: W, height: H, direction });
    expect(['a', 'b', 'c'].map((testId) => screen.find({ testId }).x)).toEqual(xs);
    await screen.dispose();
  });

  it("keeps 'row-reverse' the mirror of 'row' in rtl (it starts at the left)", async () => {
    const screen = await render(() => row({ flexDirection: 'row-reverse' }), { width: W, height: H, direction: 'rtl' });
    expect(['a', 'b', 'c'].map((testId) => screen.find({ testId }).x)).toEqual([0, 50, 100]);
    await screen.dispose();
  });

  it("puts 'flex-end' at the left and a column's 'flex-start' at the right in rtl", async () => {
    const screen = await render(() => (
      <View>
        {row({ justifyContent: 'flex-end' })}
        <View style={{ alignItems: 'flex-start' }}>{box('d')}</View>
      </View>
    ), { width: W, height: H, direction: 'rtl' });
    expect(screen.find({ testId: 'c' }).x).toBe(0);
    expect(screen.find({ testId: 'a' }).x).toBe(100);
    expect(screen.find({ testId: 'd' }).x).toBe(250);
    await screen.dispose();
  });
});

describe('start and end edges', () => {
  const cases: [string, Style, { ltr: number; rtl: number }][] = [
    ['paddingStart', { paddingStart: 30 }, { ltr: 30, rtl: 220 }],
    ['paddingEnd', { paddingEnd: 30, alignItems: 'flex-end' }, { ltr: 220, rtl: 30 }],
    ['borderStartWidth', { borderStartWidth: 10 }, { ltr: 10, rtl: 240 }],
    ['paddingStart over paddingLeft', { paddingLeft: 5, paddingStart: 30 }, { ltr: 30, rtl: 220 }],
  ];
  it.each(cases)('%s lands on the side a line starts or ends at', async (_, style, at) => {
    for (const direction of ['ltr', 'rtl'] as const) {
      const screen = await render(() => <View style={{ alignItems: 'flex-start', ...style }}>{box('child')}</View>, { width: W, height: H, direction });
      expect(screen.find({ testId: 'child' }).x, direction).toBe(at[direction]);
      await screen.dispose();
    }
  });

  it.each<[string, Style, { ltr: number; rtl: number }]>([
    ['marginStart', { marginStart: 20 }, { ltr: 20, rtl: 230 }],
    ['marginEnd', { marginEnd: 20, alignSelf: 'flex-end' }, { ltr: 230, rtl: 20 }],
    ['start (absolute)', { position: 'absolute', start: 15 }, { ltr: 15, rtl: 235 }],
    ['end (absolute)', { position: 'absolute', end: 15 }, { ltr: 235, rtl: 15 }],
  ])('%s places the box from the start or end side', async (_, style, at) => {
    for (const direction of ['ltr', 'rtl'] as const) {
      const screen = await render(() => <View style={{ alignItems: 'flex-start' }}>{box('child', style)}</View>, { width: W, height: H, direction });
      expect(screen.find({ testId: 'child' }).x, direction).toBe(at[direction]);
      await screen.dispose();
    }
  });
});

describe('a direction on part of the app', () => {
  it("style direction flips one subtree; 'inherit' takes the parent's", async () => {
    const screen = await render(() => (
      <View>
        <View style={{ direction: 'rtl' }}>
          {row()}
          <View style={{ direction: 'inherit', flexDirection: 'row' }}>{box('inherits')}</View>
          <View style={{ direction: 'ltr', flexDirection: 'row' }}>{box('back-to-ltr')}</View>
        </View>
        <View style={{ flexDirection: 'row' }}>{box('outside')}</View>
      </View>
    ), { width: W, height: H });
    expect(screen.find({ testId: 'a' }).x).toBe(250);
    expect(screen.find({ testId: 'inherits' }).x).toBe(250);
    expect(screen.find({ testId: 'back-to-ltr' }).x).toBe(0);
    expect(screen.find({ testId: 'outside' }).x).toBe(0);
    await screen.dispose();
  });

  it('<Directionality> lays its subtree out in a direction and tells its components', async () => {
    let seen = '';
    function Probe() {
      seen = useDirection().value;
      return row();
    }
    const screen = await render(() => <Directionality direction="rtl"><Probe /></Directionality>, { width: W, height: H });
    expect(seen).toBe('rtl');
    expect(screen.find({ testId: 'a' }).x).toBe(250);
    await screen.dispose();
  });

  it('a scroll layer written in an rtl box lays its content out rtl too', async () => {
    const screen = await render(() => (
      <View style={{ direction: 'rtl' }}>
        <ScrollLayer style={{ height: 40 }}>{row()}</ScrollLayer>
      </View>
    ), { width: W, height: H });
    expect(screen.find({ testId: 'a' }).x).toBe(250);
    await screen.dispose();
  });
});

describe('changing direction live', () => {
  it('re-lays rows and paragraphs in place, without remounting', async () => {
    const direction = signal<'ltr' | 'rtl'>('ltr');
    let mounts = 0;
    function Settings() {
      mounts++;
      return (
        <View>
          {row()}
          <Text testId="label" style={{ fontSize: 16, textAlign: 'start' }}>Wi-Fi</Text>
        </View>
      );
    }
    const screen = await render(() => <Settings />, { width: W, height: H, direction });
    expect(screen.find({ testId: 'a' }).x).toBe(0);
    const ink = () => inkColumns(screen, screen.find({ testId: 'label' }));
    expect(ink().left).toBeLessThan(10);

    direction.value = 'rtl';
    await screen.flush();
    expect(screen.find({ testId: 'a' }).x).toBe(250);
    // A Latin label still starts at the start of its line, which is now the right.
    expect(ink().right).toBeGreaterThan(W - 10);
    expect(ink().left).toBeGreaterThan(W / 2);
    expect(mounts).toBe(1);
    await screen.dispose();
  });

  it('reports a direction that is neither ltr nor rtl, and lays out ltr', async () => {
    const errors: Error[] = [];
    const direction = signal('sideways' as 'ltr');
    const screen = await render(() => row(), { width: W, height: H, direction, onError: (e) => errors.push(e) });
    expect(errors.map((e) => e.message)).toEqual([`createApp: direction must be 'ltr' or 'rtl', got "sideways"; using 'ltr'`]);
    expect(screen.find({ testId: 'a' }).x).toBe(0);
    await screen.dispose();
  });

  it('refuses a plain direction that is neither ltr nor rtl at start', async () => {
    await expect(render(() => row(), { direction: 'rtl ' as 'rtl' })).rejects.toThrow(/createApp: direction must be 'ltr' or 'rtl'/);
  });
});

/** The leftmost and rightmost inked (non-white) columns inside a box of the output. */
function inkColumns(screen: Awaited<ReturnType<typeof render>>, b: { x: number; y: number; width: number; height: number }) {
  const { width, pixels } = screen.pixels();
  let left = Infinity, right = -Infinity;
  for (let y = b.y; y < b.y + b.height; y++) {
    for (let x = b.x; x < b.x + b.width; x++) {
      const i = (y * width + x) * 4;
      if (pixels[i]! < 128) {
        left = Math.min(left, x);
        right = Math.max(right, x + 1);
      }
    }
  }
  return { left, right };
}
