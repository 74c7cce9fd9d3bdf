/**
 * ScrollView, as a person uses it: drags that start on buttons, taps on rows at rest and
 * during a fling, flings that land where the physics says, the wheel and keys, scrollbars
 * that show and fade, overscroll, nesting, pull to refresh, and what a scroll frame costs.
 */
import { describe, expect, it } from 'vitest';
import { FRICTION, SPRING_BACK_MS, SCROLL_ANIMATION_MS, Scroller, Show, Text, View, signal, type Child } from '@planar/toolkit';
import { checkLeaks, type Screen } from '@planar/toolkit/testing';
import { Button, ScrollView, REFRESH_HOLD, SCROLLBAR_FADE_DELAY_MS, SCROLLBAR_FADE_MS, lightTheme, useTheme } from '../src/index.js';
import { renderThemed, rgb, statesSheet } from './harness.js';

const touch = { type: 'touch' } as const;
const ROW = 40;
const SIZE = { width: 300, height: 200 };

function Rows(props: { count: number; from?: number; id?: string; pressed?: string[] }) {
  const id = props.id ?? 'row';
  return Array.from({ length: props.count }, (_, k) => {
    const i = k + (props.from ?? 0);
    return (
      <View testId={`${id}-${i}`} style={{ height: ROW, paddingLeft: 8, justifyContent: 'center', backgroundColor: i % 2 ? '#e8e8f0' : '#ffffff' }}
        onPress={props.pressed ? () => props.pressed!.push(`${id} ${i}`) : undefined}>
        <Text style={{ fontSize: 14, color: '#222' }}>{`Row ${i}`}</Text>
      </View>
    );
  });
}

/** How far the list is scrolled: the first row's distance above the viewport's top (at y = 0). */
const scrolled = (screen: Screen, row = 'row-0') => 0 - screen.find({ testId: row }).y;

/**
 * Drags a finger from `from` by (dx, dy) in `steps` equal moves, one every 10 ms. With `rest`
 * it holds still that long before lifting; without, the lift is the last move (a flick).
 */
const drag = (screen: Screen, from: { x: number; y: number }, dx: number, dy: number, steps = 10, rest = 0) => screen.drag(from, { dx, dy }, { steps, hold: rest });

/** A flick up at 1,500 px/s: 15 px every 10 ms from y = 190 to y = 25, lifted while moving. */
const flick = (screen: Screen) => drag(screen, { x: 150, y: 190 }, 0, -165, 11);
const FLICKED = 165, FLICK_VELOCITY = 1500;

async function wheel(screen: Screen, deltaY: number, at = { x: 150, y: 100 }): Promise<void> {
  screen.display.inject({ kind: 'wheel', ...at, deltaX: 0, deltaY, discreteX: 0, discreteY: Math.sign(deltaY), timestamp: 0 });
  await screen.flush();
}

const mount = (ui: () => Child, size = SIZE) => renderThemed(ui, size);
const list = (count: number, extra: Partial<Parameters<typeof ScrollView>[0]> = {}, pressed?: string[]) => () => (
  <ScrollView label="Rows" style={{ height: 200 }} {...extra}><Rows count={count} pressed={pressed} /></ScrollView>
);

describe('ScrollView: touch', () => {
  it('a drag that starts on a button scrolls the list and does not press the button', async () => {
    const pressed: string[] = [];
    const screen = await mount(() => (
      <ScrollView label="Rooms" style={{ height: 200 }}>
        {Array.from({ length: 12 }, (_, i) => (
          <View style={{ height: 56, justifyContent: 'center', paddingLeft: 8 }}>
            <Button label={`Open ${i}`} onPress={() => pressed.push(`Open ${i}`)} />
          </View>
        ))}
      </ScrollView>
    ));
    const button = screen.find(screen.getByRole('button', { name: 'Open 1' }));
    await drag(screen, { x: button.x + 20, y: button.y + 24 }, 0, -80, 16, 200);
    await screen.advance(1000);
    expect(pressed).toEqual([]);
    expect(screen.find(screen.getByRole('button', { name: 'Open 1' })).y).toBeCloseTo(button.y - 80, 0);
    // At rest, a tap presses it.
    await screen.tap(screen.getByRole('button', { name: 'Open 2' }));
    expect(pressed).toEqual(['Open 2']);
  });

  it('a tap on a list at rest presses the row under the finger', async () => {
    const pressed: string[] = [];
    const screen = await mount(list(20, {}, pressed));
    await screen.tap({ x: 150, y: 100 });
    expect(pressed).toEqual(['row 2']);
  });

  it('a tap during a fling stops the list where it is and presses nothing; the next tap presses', async () => {
    const pressed: string[] = [];
    const screen = await mount(list(60, {}, pressed));
    await flick(screen);
    await screen.advance(150);
    const moving = scrolled(screen);
    expect(moving).toBeGreaterThan(FLICKED + 100);
    await screen.pointer.down({ x: 150, y: 100 }, touch);
    const caught = scrolled(screen);
    expect(caught).toBeCloseTo(moving, 0);
    await screen.advance(100);
    await screen.pointer.up({ x: 150, y: 100 }, touch);
    await screen.advance(1000);
    expect(pressed).toEqual([]);
    expect(scrolled(screen)).toBe(caught);
    await screen.tap({ x: 150, y: 100 });
    expect(pressed).toEqual([`row ${Math.floor((caught + 100) / ROW)}`]);
  });

  it('a flick glides on to where friction stops it: its release velocity over FRICTION', async () => {
    const screen = await mount(list(60));
    await flick(screen);
    await screen.advance(4000);
    expect(Math.abs(scrolled(screen) - (FLICKED + FLICK_VELOCITY / FRICTION))).toBeLessThanOrEqual(1);
  });

  it('a slow drag stays where it is let go', async () => {
    const screen = await mount(list(20));
    await drag(screen, { x: 150, y: 150 }, 0, -100, 20, 300);
    await screen.advance(1000);
    expect(scrolled(screen)).toBeCloseTo(100, 0);
  });

  it('snaps to its interval after a fling', async () => {
    const screen = await mount(list(60, { snap: { interval: ROW } }));
    await flick(screen);
    await screen.advance(4000);
    expect(scrolled(screen) % ROW).toBe(0);
    expect(scrolled(screen)).toBeGreaterThan(FLICKED);
  });

  it('pulled past its top it stretches and springs back; with overscroll="clamp" it stops at the edge', async () => {
    const screen = await mount(list(20));
    await screen.pointer.down({ x: 150, y: 40 }, touch);
    for (let y = 60; y <= 160; y += 20) {
      await screen.advance(10);
      await screen.pointer.move({ x: 150, y }, touch);
    }
    const stretched = -scrolled(screen);
    // The rubber band: the content follows the finger's 120 px only part of the way.
    expect(stretched).toBeGreaterThan(20);
    expect(stretched).toBeLessThan(120);
    await screen.advance(200);
    await screen.pointer.up({ x: 150, y: 160 }, touch);
    await screen.advance(SPRING_BACK_MS + 50);
    expect(scrolled(screen)).toBe(0);

    const clamped = await mount(list(20, { overscroll: 'clamp' }));
    await drag(clamped, { x: 150, y: 40 }, 0, 120, 6);
    expect(scrolled(clamped)).toBe(0);
  });

  it('a list inside a list: a drag past the inner one\'s end carries on in the outer one', async () => {
    const screen = await mount(() => (
      <ScrollView label="Page" style={{ height: 200 }}>
        <View style={{ height: 40 }} />
        <ScrollView label="Inner" style={{ height: 100 }}><Rows id="in" count={5} /></ScrollView>
        <Rows id="out" count={10} />
      </ScrollView>
    ));
    // 100 px of the inner list's 100 scroll, the other 60 move the page.
    await drag(screen, { x: 150, y: 130 }, 0, -160, 32, 200);
    await screen.advance(1000);
    expect(screen.find({ testId: 'in-4' }).y + ROW).toBeCloseTo(screen.find({ testId: 'out-0' }).y, 0);
    expect(screen.find({ testId: 'out-0' }).y).toBeCloseTo(140 - 60, 0);
  });
});

describe('ScrollView: wheel and keys', () => {
  it('scrolls by the wheel\'s delta, and stops at the end', async () => {
    const screen = await mount(list(20));
    await wheel(screen, 120);
    expect(scrolled(screen)).toBe(120);
    await wheel(screen, 10000);
    expect(scrolled(screen)).toBe(20 * ROW - 200);
  });

  it('focused, it scrolls by a line with the arrows, by a page with PageUp / PageDown, to the ends with Home / End', async () => {
    const screen = await mount(list(20));
    await screen.key('Tab');
    expect(screen.getByRole('group', { name: 'Rows' })).toHaveFocus();
    const press = async (key: string) => {
      await screen.key(key);
      await screen.advance(SCROLL_ANIMATION_MS + 50);
      return scrolled(screen);
    };
    expect(await press('ArrowDown')).toBe(40);
    expect(await press('PageDown')).toBe(40 + 160);
    expect(await press('End')).toBe(600);
    expect(await press('PageUp')).toBe(440);
    expect(await press('Home')).toBe(0);
  });

  it('with a button inside focused, the arrows move focus and the list follows it; PageDown scrolls', async () => {
    const screen = await mount(() => (
      <ScrollView label="Rooms" style={{ height: 200 }}>
        {Array.from({ length: 12 }, (_, i) => (
          <View style={{ height: 56, justifyContent: 'center', paddingLeft: 8 }}><Button label={`Open ${i}`} /></View>
        ))}
      </ScrollView>
    ));
    await screen.key('Tab');
    await screen.key('Tab');
    expect(screen.getByRole('button', { name: 'Open 0' })).toHaveFocus();
    for (let i = 0; i < 4; i++) await screen.key('ArrowDown');
    await screen.advance(SCROLL_ANIMATION_MS + 50);
    const open4 = screen.find(screen.getByRole('button', { name: 'Open 4' }));
    expect(screen.getByRole('button', { name: 'Open 4' })).toHaveFocus();
    // Just enough to show it: its bottom at the viewport's bottom.
    expect(open4.y + open4.height).toBeCloseTo(200, 0);
    const before = open4.y;
    await screen.key('PageDown');
    await screen.advance(SCROLL_ANIMATION_MS + 50);
    expect(screen.find(screen.getByRole('button', { name: 'Open 4' })).y).toBeCloseTo(before - 160, 0);
  });

  it('an encoder reaches it, and once pushed into edit mode its turns scroll by a line', async () => {
    const screen = await mount(list(20));
    await screen.key('EncoderCW');
    expect(screen.getByRole('group', { name: 'Rows' })).toHaveFocus();
    await screen.key('Enter');
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    await screen.advance(SCROLL_ANIMATION_MS + 50);
    expect(scrolled(screen)).toBe(80);
    await screen.key('EncoderCCW');
    await screen.advance(SCROLL_ANIMATION_MS + 50);
    expect(scrolled(screen)).toBe(40);
  });

  it('an arrow on a button with nothing to move focus to that way scrolls by a line instead', async () => {
    const screen = await mount(() => (
      <ScrollView label="Help" style={{ height: 200 }}>
        <View style={{ height: 56, justifyContent: 'center', paddingLeft: 8 }}><Button label="Back" /></View>
        <Rows count={20} from={1} />
      </ScrollView>
    ));
    await screen.key(screen.getByRole('button', { name: 'Back' }), 'ArrowDown');
    await screen.advance(SCROLL_ANIMATION_MS + 50);
    expect(screen.getByRole('button', { name: 'Back' })).toHaveFocus();
    expect(scrolled(screen, 'row-1')).toBe(40 - 56);
  });

  it('is a group named by its label, its value the offset, scrolled a page by increment', async () => {
    const screen = await mount(list(20));
    const group = screen.getByRole('group', { name: 'Rows' });
    expect(group.value).toEqual({ now: 0, min: 0, max: 600, text: '0%' });
    await screen.act('increment', group);
    await screen.advance(SCROLL_ANIMATION_MS + 50);
    expect(screen.getByRole('group', { name: 'Rows' }).value).toEqual({ now: 160, min: 0, max: 600, text: '27%' });
  });

  it('a controller scrolls it from outside, and onScroll hears every offset', async () => {
    const heard: number[] = [];
    let scroller!: Scroller;
    const screen = await mount(() => {
      scroller = new Scroller();
      return <ScrollView label="Rows" style={{ height: 200 }} controller={scroller} onScroll={(_, y) => heard.push(y)}><Rows count={20} /></ScrollView>;
    });
    scroller.scrollTo(0, 300, { animate: false });
    await screen.flush();
    expect(scrolled(screen)).toBe(300);
    expect(heard).toEqual([300]);
  });
});

describe('ScrollView: scrollbar', () => {
  const OUTLINE = rgb(lightTheme.colors.outline);
  /** Row 1's colour at the thumb's column, where the thumb is (800 px of content, 200 shown, offset 120: y 31..80). */
  const thumbPixel = (screen: Screen) => screen.pixel(296, 55);

  it('shows a thumb while scrolling and fades it out a second after', async () => {
    const screen = await mount(list(20));
    expect(thumbPixel(screen)).toEqual(rgb('#e8e8f0'));
    await wheel(screen, 120);
    await screen.advance(16);
    expect(thumbPixel(screen)).toEqual(OUTLINE);
    await screen.advance(SCROLLBAR_FADE_DELAY_MS - 100);
    expect(thumbPixel(screen)).toEqual(OUTLINE);
    await screen.advance(100 + SCROLLBAR_FADE_MS + 50);
    // Row 4 is there now (120 px down).
    expect(thumbPixel(screen)).toEqual(rgb('#ffffff'));
  });

  it('scrollbar="never" shows none, "always" shows it at rest', async () => {
    const never = await mount(list(20, { scrollbar: 'never' }));
    await wheel(never, 120);
    await never.advance(16);
    expect(thumbPixel(never)).toEqual(rgb('#ffffff'));
    const always = await mount(list(20, { scrollbar: 'always' }));
    await wheel(always, 120);
    await always.advance(3000);
    expect(thumbPixel(always)).toEqual(OUTLINE);
  });

  it('a scroll frame on planes paints nothing: the content\'s planes show other parts of their buffers, the thumb\'s plane moves', async () => {
    const screen = await mount(list(20));
    await screen.advance(200);
    // The first scroll paints the thumb's layer, once: 4 x 49 px.
    await wheel(screen, 30);
    expect(screen.stats.damagedPx).toBeGreaterThan(0);
    expect(screen.stats.damagedPx).toBeLessThanOrEqual(6 * 51);
    for (const to of [60, 90, 120]) {
      await wheel(screen, 30);
      expect(scrolled(screen)).toBe(to);
      expect(screen.stats).toMatchObject({ damagedPx: 0, copiedBytes: 0, composedPx: 0, composited: 0 });
    }
    expect(screen.planes().some((p) => p.layerId !== 0 && p.source !== null)).toBe(true);
    expect(thumbPixel(screen)).toEqual(OUTLINE);
  });
});

describe('ScrollView: pull to refresh', () => {
  it('pulled down past the threshold shows a spinner above the content, calls onRefresh, holds until it settles', async () => {
    let calls = 0;
    let done = () => {};
    const screen = await mount(list(20, {
      onRefresh: () => {
        calls++;
        return new Promise<void>((resolve) => (done = resolve));
      },
    }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    await screen.pointer.down({ x: 150, y: 20 }, touch);
    for (let y = 40; y <= 200; y += 20) {
      await screen.advance(10);
      await screen.pointer.move({ x: 150, y }, touch);
    }
    expect(screen.getByRole('progressbar', { name: 'Refreshing' }).value).toMatchObject({ now: 100 });
    await screen.advance(200);
    await screen.pointer.up({ x: 150, y: 200 }, touch);
    await screen.advance(600);
    expect(calls).toBe(1);
    expect(screen.getByRole('progressbar', { name: 'Refreshing' }).value).toBeUndefined();
    expect(-scrolled(screen)).toBeCloseTo(REFRESH_HOLD, 0);
    // The disc above the content, in the gap.
    expect(screen.pixel(150, REFRESH_HOLD / 2)).not.toEqual(rgb('#ffffff'));

    done();
    await screen.flush();
    await screen.advance(600);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(scrolled(screen)).toBe(0);
  });

  it('a short pull springs back without refreshing', async () => {
    let calls = 0;
    const screen = await mount(list(20, { onRefresh: () => void calls++ }));
    await drag(screen, { x: 150, y: 20 }, 0, 60, 6, 200);
    await screen.advance(600);
    expect(calls).toBe(0);
    expect(scrolled(screen)).toBe(0);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

describe('ScrollView: memory', () => {
  it('mounted, scrolled, flung and unmounted again and again, it leaves nothing behind', async () => {
    const shown = signal(false);
    const screen = await mount(() => <Show when={shown}>{list(40, { onRefresh: () => undefined })()}</Show>);
    const cycle = async () => {
      shown.value = true;
      await screen.flush();
      await wheel(screen, 120);
      await flick(screen);
      await screen.advance(100);
      shown.value = false;
      await screen.advance(50);
    };
    await cycle();
    const report = await checkLeaks(cycle, { cycles: 30, warmup: 5, jsHeapBytesPerCycle: 1024 });
    expect(report.leaks).toEqual([]);
  }, 120_000);
});

function Sheet() {
  const theme = useTheme();
  const rows = (n: number) => Array.from({ length: n }, (_, i) => (
    <View style={{ height: 48, paddingLeft: 16, justifyContent: 'center', borderBottomWidth: 1, borderColor: () => theme.colors.outlineVariant }}>
      <Text style={{ ...theme.typography('bodyLarge'), color: () => theme.colors.onSurface }}>{`Item ${i + 1}`}</Text>
    </View>
  ));
  return (
    <View style={{ width: '100%', height: '100%', flexDirection: 'row', gap: 16, padding: 16, backgroundColor: () => theme.colors.surface }}>
      <ScrollView testId="scrolled" label="Scrolled" scrollbar="always" style={{ flexGrow: 1, flexBasis: 0, backgroundColor: () => theme.colors.surfaceContainerLow }}>{rows(20)}</ScrollView>
      <ScrollView testId="pulled" label="Pulled" onRefresh={() => new Promise(() => {})} style={{ flexGrow: 1, flexBasis: 0, backgroundColor: () => theme.colors.surfaceContainerLow }}>{rows(20)}</ScrollView>
    </View>
  );
}

describe('the states sheet', () => {
  statesSheet('scroll-view', {
    title: (theme) => `draws a scrolled list with its thumb and focus ring, and one refreshing, in the ${theme} theme`,
    sheet: () => <Sheet />, width: 480, height: 260,
    act: async (screen) => {
      await wheel(screen, 200, { x: 100, y: 100 });
      await drag(screen, { x: 360, y: 30 }, 0, 200, 10, 100);
      await screen.key('Tab');
      await screen.advance(1000);
    },
  });
});
