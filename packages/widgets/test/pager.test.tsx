/**
 * Pager, as a person uses it: a swipe turns one page, a slow drag goes back (or on, past
 * half), the dots show the page and take taps, keys and an encoder turn pages, the page is a
 * two-way value, and a vertical list on a page still scrolls.
 */
import { describe, expect, it } from 'vitest';
import { FRICTION, REST_DISTANCE, SCROLL_ANIMATION_MS, Text, View, signal, type Child } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { Pager, ScrollView, useTheme } from '../src/index.js';
import { renderThemed, statesSheet } from './harness.js';

const touch = { type: 'touch' } as const;
const WIDTH = 300;
/**
 * Long enough for any snap onto a page to rest: a snap glides there with friction at least
 * FRICTION, so it covers a page but REST_DISTANCE in ln(page / REST_DISTANCE) / FRICTION s.
 */
const SETTLE = (Math.log(WIDTH / REST_DISTANCE) / FRICTION) * 1000 + 100;

const COLORS = ['#d62828', '#f77f00', '#2a9d8f', '#264653'];
function Page(props: { name: string; index: number }) {
  return (
    <View testId={`page-${props.index}`} style={{ flexGrow: 1, alignItems: 'center', justifyContent: 'center', backgroundColor: COLORS[props.index] }}>
      <Text style={{ fontSize: 20, color: 'white' }}>{props.name}</Text>
    </View>
  );
}
const NAMES = ['Kitchen', 'Living room', 'Bedroom', 'Garage'];
const pages = () => NAMES.map((name, i) => <Page name={name} index={i} />);

/** Moves a finger from `from` by dx in `steps` moves, one every 10 ms; holds still `rest` ms before lifting, else lifts moving. */
const swipe = (screen: Screen, dx: number, steps: number, rest = 0, from = { x: 150, y: 80 }) => screen.drag(from, { dx }, { steps, hold: rest });

/** Which page fills the pager now: the one whose left edge is at the pager's. */
const shownPage = (screen: Screen) => NAMES.findIndex((_, i) => Math.abs(screen.find({ testId: `page-${i}` }).x) < 0.5);
const selectedDot = (screen: Screen) => screen.getAllByRole('tab').findIndex((t) => t.states.selected);

const mount = (ui: () => Child) => renderThemed(ui, { width: WIDTH, height: 200 });

describe('Pager', () => {
  it('a swipe turns to the next page, the dots follow and onPageChange hears it', async () => {
    const changes: number[] = [];
    const screen = await mount(() => <Pager label="Rooms" style={{ height: 200 }} onPageChange={(p) => changes.push(p)}>{pages()}</Pager>);
    expect(shownPage(screen)).toBe(0);
    expect(selectedDot(screen)).toBe(0);
    await swipe(screen, -90, 6);
    await screen.advance(SETTLE);
    expect(shownPage(screen)).toBe(1);
    expect(selectedDot(screen)).toBe(1);
    expect(changes).toEqual([1]);
    expect(screen.getByRole('group', { name: 'Rooms' }).value).toMatchObject({ now: 2, text: 'Page 2 of 4' });
    // However hard, a swipe turns one page.
    await swipe(screen, -250, 5);
    await screen.advance(SETTLE);
    expect(shownPage(screen)).toBe(2);
    await swipe(screen, 120, 6);
    await screen.advance(SETTLE);
    expect(shownPage(screen)).toBe(1);
    expect(changes).toEqual([1, 2, 1]);
  });

  it('a slow drag under half a page goes back; past half it goes on', async () => {
    const changes: number[] = [];
    const screen = await mount(() => <Pager label="Rooms" style={{ height: 200 }} onPageChange={(p) => changes.push(p)}>{pages()}</Pager>);
    await swipe(screen, -120, 12, 300);
    expect(screen.find({ testId: 'page-1' }).x).toBeCloseTo(WIDTH - 120, 0);
    await screen.advance(SETTLE);
    expect(shownPage(screen)).toBe(0);
    expect(changes).toEqual([]);
    await swipe(screen, -180, 18, 300);
    // The dots follow the nearest page while it is held.
    expect(selectedDot(screen)).toBe(1);
    await screen.advance(SETTLE);
    expect(shownPage(screen)).toBe(1);
    expect(changes).toEqual([1]);
  });

  it('a tap on a dot goes to its page', async () => {
    const screen = await mount(() => <Pager label="Rooms" style={{ height: 200 }}>{pages()}</Pager>);
    await screen.tap(screen.getByRole('tab', { name: 'Page 4' }));
    await screen.advance(SCROLL_ANIMATION_MS + 50);
    expect(shownPage(screen)).toBe(3);
    expect(selectedDot(screen)).toBe(3);
  });

  it('turns pages with the arrows, Home and End, and an encoder in edit mode', async () => {
    const screen = await mount(() => <Pager label="Rooms" style={{ height: 200 }}>{pages()}</Pager>);
    const press = async (key: string) => {
      await screen.key(key);
      await screen.advance(SCROLL_ANIMATION_MS + 50);
      return shownPage(screen);
    };
    await screen.key('Tab');
    expect(screen.getByRole('group', { name: 'Rooms' })).toHaveFocus();
    expect(await press('ArrowRight')).toBe(1);
    expect(await press('End')).toBe(3);
    expect(await press('ArrowLeft')).toBe(2);
    expect(await press('Home')).toBe(0);
    await screen.key('Enter');
    expect(await press('EncoderCW')).toBe(1);
    expect(await press('EncoderCW')).toBe(2);
    expect(await press('EncoderCCW')).toBe(1);
  });

  it('starts on defaultPage, writes a signal given as page, and goes where the signal is set', async () => {
    const first = await mount(() => <Pager label="Rooms" style={{ height: 200 }} defaultPage={2}>{pages()}</Pager>);
    expect(shownPage(first)).toBe(2);

    const page = signal(1);
    const screen = await mount(() => <Pager label="Rooms" style={{ height: 200 }} page={page}>{pages()}</Pager>);
    expect(shownPage(screen)).toBe(1);
    await swipe(screen, -90, 6);
    await screen.advance(SETTLE);
    expect(page.value).toBe(2);
    page.value = 0;
    await screen.advance(SCROLL_ANIMATION_MS + 50);
    expect(shownPage(screen)).toBe(0);
  });

  it('a controlled page stays unless its owner follows onPageChange', async () => {
    const asked: number[] = [];
    const screen = await mount(() => <Pager label="Rooms" style={{ height: 200 }} page={() => 0} onPageChange={(p) => asked.push(p)}>{pages()}</Pager>);
    await swipe(screen, -90, 6);
    await screen.advance(SETTLE + SCROLL_ANIMATION_MS);
    expect(asked).toEqual([1]);
    expect(shownPage(screen)).toBe(0);
  });

  it('a vertical list on a page scrolls with vertical drags; horizontal ones turn the page', async () => {
    const screen = await mount(() => (
      <Pager label="Rooms" style={{ height: 200 }}>
        <ScrollView label="Kitchen devices" style={{ flexGrow: 1 }}>
          {Array.from({ length: 12 }, (_, i) => <View testId={`device-${i}`} style={{ height: 40 }}><Text>{`Device ${i}`}</Text></View>)}
        </ScrollView>
        <Page name="Living room" index={1} />
      </Pager>
    ));
    await screen.pointer.down({ x: 150, y: 150 }, touch);
    for (let i = 1; i <= 10; i++) {
      await screen.advance(10);
      await screen.pointer.move({ x: 150 + i, y: 150 - 8 * i }, touch);
    }
    await screen.advance(300);
    await screen.pointer.up({ x: 160, y: 70 }, touch);
    await screen.advance(SETTLE);
    expect(screen.find({ testId: 'device-0' }).y).toBeCloseTo(-80, 0);
    expect(screen.find({ testId: 'device-0' }).x).toBe(0);
    await swipe(screen, -90, 6, 0, { x: 150, y: 100 });
    await screen.advance(SETTLE);
    expect(screen.find({ testId: 'page-1' }).x).toBe(0);
  });
});

function Sheet() {
  const theme = useTheme();
  const card = (name: string, tone: 'primaryContainer' | 'secondaryContainer' | 'tertiaryContainer') => (
    <View style={{ flexGrow: 1, margin: 12, borderRadius: 16, padding: 16, backgroundColor: () => theme.colors[tone] }}>
      <Text style={{ ...theme.typography('titleLarge'), color: () => theme.colors.onSurface }}>{name}</Text>
    </View>
  );
  return (
    <View style={{ width: '100%', height: '100%', backgroundColor: () => theme.colors.surface }}>
      <Pager label="Rooms" defaultPage={1} style={{ flexGrow: 1 }}>
        {card('Kitchen', 'primaryContainer')}
        {card('Living room', 'secondaryContainer')}
        {card('Bedroom', 'tertiaryContainer')}
        {card('Garage', 'primaryContainer')}
      </Pager>
    </View>
  );
}

describe('the states sheet', () => {
  statesSheet('pager', {
    title: (theme) => `draws a page half way to the next, with its dots, in the ${theme} theme`,
    sheet: () => <Sheet />, width: 320, height: 200,
    act: async (screen) => {
      await screen.pointer.down({ x: 200, y: 80 }, touch);
      for (let i = 1; i <= 10; i++) {
        await screen.advance(10);
        await screen.pointer.move({ x: 200 - 10 * i, y: 80 }, touch);
      }
      await screen.advance(200);
    },
  });
});
