/**
 * `<ScrollLayer>`: content rendered once in tiles and shown through its viewport. Scrolling
 * within what is rendered moves only a plane's source rectangle; the output always equals a
 * fresh render at the same offset.
 */
import { describe, expect, it } from 'vitest';
import { ScrollLayer, Text, View, scrollIntoView, signal, type NodeHandle, type ReadonlySignal, type ScrollMetrics } from '@planar/toolkit';
import { mount } from './mount.js';

const ROW = 40;
const COLORS = ['#d62828', '#f77f00', '#fcbf49', '#2a9d8f', '#264653', '#6a4c93'];

function Rows(props: { count: number }) {
  return Array.from({ length: props.count }, (_, i) => (
    <View testId={`row-${i}`} style={{ height: ROW, backgroundColor: COLORS[i % COLORS.length], paddingLeft: 8 }}>
      <Text style={{ fontSize: 16, color: 'white' }}>{`Row ${i}`}</Text>
    </View>
  ));
}

/** A 300x200 screen: a 40 px header, then a 120 px tall list of `count` rows, then a footer. */
function List(props: { count: number; offset: ReadonlySignal<{ x: number; y: number }>; metrics?: (m: ScrollMetrics) => void; budget?: number }) {
  return (
    <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
      <View style={{ height: 40, backgroundColor: '#333' }} />
      <ScrollLayer testId="list" style={{ height: 120, marginLeft: 20, marginRight: 20 }} offset={props.offset} onMetrics={props.metrics} budgetBytes={props.budget}>
        <Rows count={props.count} />
      </ScrollLayer>
      <View style={{ height: 40, backgroundColor: '#888' }} />
    </View>
  );
}

const SIZE = { width: 300, height: 200 };

async function freshAt(count: number, y: number) {
  const screen = await mount(() => <List count={count} offset={signal({ x: 0, y })} />, SIZE);
  return screen.pixels().pixels;
}

/** Where two renders differ: the first differing pixel and how many differ ('same' when none). */
function difference(a: Uint8Array, b: Uint8Array): string {
  let count = 0, first = -1;
  for (let i = 0; i < a.length; i += 4) {
    if (a[i] === b[i] && a[i + 1] === b[i + 1] && a[i + 2] === b[i + 2] && a[i + 3] === b[i + 3]) continue;
    if (first < 0) first = i / 4;
    count++;
  }
  return count ? `${count} px differ, first at ${first % SIZE.width},${Math.floor(first / SIZE.width)}` : 'same';
}

describe('<ScrollLayer>', () => {
  it('shows its content through the viewport, moved by the offset', async () => {
    const offset = signal({ x: 0, y: 0 });
    const screen = await mount(() => <List count={20} offset={offset} />, SIZE);
    expect(screen.find({ testId: 'row-0' })).toEqual({ x: 20, y: 40, width: 260, height: ROW });
    // Row 3 starts below the viewport: the footer shows there, not the row.
    expect(screen.pixel(100, 165)).toEqual([0x88, 0x88, 0x88, 255]);
    offset.value = { x: 0, y: 100 };
    await screen.flush();
    expect(screen.find({ testId: 'row-3' })).toEqual({ x: 20, y: 60, width: 260, height: ROW });
    // Row 2 is cut by the viewport's top edge: the header is untouched.
    expect(screen.pixel(100, 39)).toEqual([0x33, 0x33, 0x33, 255]);
    expect(screen.getByText('Row 3')).toBeTruthy();
  });

  it('scrolling within the rendered window paints nothing and copies nothing: a plane\'s source moves', async () => {
    const offset = signal({ x: 0, y: 0 });
    const screen = await mount(() => <List count={20} offset={offset} />, SIZE);
    const list = screen.planes().filter((p) => p.layerId !== 0);
    expect(list.length).toBeGreaterThan(0);
    for (const y of [7, 30, 55, 81]) {
      offset.value = { x: 0, y };
      await screen.flush();
      expect(screen.stats).toMatchObject({ damagedPx: 0, copiedBytes: 0, composedPx: 0 });
      expect(screen.planes().some((p) => p.source !== null)).toBe(true);
      expect(difference(screen.pixels().pixels, await freshAt(20, y))).toBe('same');
    }
  });

  it('a long list paints only slots coming near the viewport, and matches a fresh render everywhere', async () => {
    const offset = signal({ x: 0, y: 0 });
    const seen: ScrollMetrics[] = [];
    const screen = await mount(() => <List count={500} offset={offset} metrics={(m) => seen.push(m)} />, SIZE);
    expect(seen.at(-1)).toMatchObject({ viewportWidth: 260, viewportHeight: 120, contentWidth: 260, contentHeight: 500 * ROW });
    const window = seen.at(-1)!;
    expect(window.windowEnd - window.windowStart).toBeLessThan(500 * ROW);
    let painted = 0;
    for (let y = 0; y <= 2000; y += 37) {
      offset.value = { x: 0, y };
      await screen.flush();
      painted += screen.stats.damagedPx;
      // Never more than a band of a slot plus what just came into view: far less than a viewport a frame.
      expect(screen.stats.damagedPx).toBeLessThanOrEqual(260 * 120);
    }
    // About one viewport of painting per viewport scrolled, not a repaint of the viewport each frame.
    expect(painted).toBeLessThan(260 * (2000 + 6 * 120));
    expect(difference(screen.pixels().pixels, await freshAt(500, 1998))).toBe('same');
    expect(seen.at(-1)!.windowStart).toBeGreaterThan(0);
  });

  it('what onMetrics changes is shown by the next frame', async () => {
    // A list that sizes a footer from its metrics, as a pager sizes its pages.
    const footer = signal(0);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <ScrollLayer style={{ height: 100 }} onMetrics={(m) => { footer.value = m.contentHeight / 10; }}>
          <View style={{ height: 80, backgroundColor: '#888' }} />
        </ScrollLayer>
        <View testId="footer" style={{ height: footer, backgroundColor: 'red' }} />
      </View>
    ), SIZE);
    // Nothing else asks for a frame here (the content fits one tile: nothing is painted ahead).
    expect(screen.find({ testId: 'footer' })).toEqual({ x: 0, y: 100, width: 300, height: 8 });
    expect(screen.pixel(10, 104)).toEqual([255, 0, 0, 255]);
  });

  it('with fillViewport, content at least as tall as the viewport lets a footer sit at its bottom', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <ScrollLayer style={{ height: 150 }} fillViewport>
          <View style={{ height: 50 }} />
          <View style={{ flexGrow: 1 }} />
          <View testId="footer" style={{ height: 30, backgroundColor: 'red' }} />
        </ScrollLayer>
      </View>
    ), SIZE);
    expect(screen.find({ testId: 'footer' })).toEqual({ x: 0, y: 120, width: 300, height: 30 });
    // Without it the content is as tall as what it holds.
    const plain = await mount(() => (
      <ScrollLayer style={{ height: 150 }}>
        <View style={{ height: 50 }} />
        <View style={{ flexGrow: 1 }} />
        <View testId="footer" style={{ height: 30 }} />
      </ScrollLayer>
    ), SIZE);
    expect(plain.find({ testId: 'footer' })).toEqual({ x: 0, y: 50, width: 300, height: 30 });
  });

  it('taps reach rows only inside the viewport', async () => {
    const offset = signal({ x: 0, y: 60 });
    const tapped: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="header" style={{ height: 40 }} onPress={() => tapped.push('header')} />
        <ScrollLayer style={{ height: 120 }} offset={offset}>
          {Array.from({ length: 10 }, (_, i) => <View style={{ height: ROW }} onPress={() => tapped.push(`row ${i}`)} />)}
        </ScrollLayer>
      </View>
    ), SIZE);
    // Row 0 and half of row 1 are scrolled above the viewport, under the header.
    await screen.tap({ x: 100, y: 30 });
    await screen.tap({ x: 100, y: 45 });
    await screen.tap({ x: 100, y: 155 });
    expect(tapped).toEqual(['header', 'row 1', 'row 4']);
  });

  it('composites the cropped tiles when no plane is free, still painting nothing', async () => {
    const offset = signal({ x: 0, y: 0 });
    const screen = await mount(() => <List count={20} offset={offset} />, { ...SIZE, planes: 'primary-only' });
    offset.value = { x: 0, y: 45 };
    await screen.flush();
    expect(screen.stats.damagedPx).toBe(0);
    expect(screen.stats.composedPx).toBeGreaterThan(0);
    expect(difference(screen.pixels().pixels, await freshAt(20, 45))).toBe('same');
  });

  it('asks its owner to reveal what focus moves to, and what scrollIntoView names', async () => {
    const offset = signal({ x: 0, y: 0 });
    const asked: { x: number; y: number; width: number; height: number }[] = [];
    const refs: { current: NodeHandle | null }[] = Array.from({ length: 10 }, () => ({ current: null }));
    // The owner scrolls just enough to show the rect, as a scroll view would.
    const reveal = (r: { y: number; height: number }) => {
      asked.push(r as never);
      const y = offset.value.y;
      if (r.y < y) offset.value = { x: 0, y: r.y };
      else if (r.y + r.height > y + 120) offset.value = { x: 0, y: r.y + r.height - 120 };
    };
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View style={{ height: 40 }} />
        <ScrollLayer style={{ height: 120 }} offset={offset} onReveal={reveal}>
          {refs.map((ref, i) => <View ref={ref} focusable testId={`row-${i}`} style={{ height: ROW }} />)}
        </ScrollLayer>
      </View>
    ), SIZE);
    for (let i = 0; i < 5; i++) await screen.key('Tab');
    // Row 4 (content 160..200) is focused: the list scrolled to show it at the viewport's bottom.
    expect(asked.at(-1)).toEqual({ x: 0, y: 160, width: 300, height: ROW });
    expect(offset.value.y).toBe(80);
    expect(screen.find({ testId: 'row-4' })).toEqual({ x: 0, y: 120, width: 300, height: ROW });
    scrollIntoView(refs[0]!.current!);
    await screen.flush();
    expect(offset.value.y).toBe(0);
    expect(screen.find({ testId: 'row-0' })).toEqual({ x: 0, y: 40, width: 300, height: ROW });
  });
});
