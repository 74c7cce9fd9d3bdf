/**
 * VirtualList, as a person uses it: only rows near the viewport exist, scrolling shows the
 * right rows, scrollToIndex lands, rows of unknown height push the next, rows inserted above
 * leave the screen as it was (with keyed and with recycled rows), section headers pin and give
 * way, pull to refresh, and a scroll over 100,000 rows costs what it costs over 100.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child, type FrameStats } from '@planar/toolkit';
import { checkLeaks, type Screen } from '@planar/toolkit/testing';
import { ListItem, REFRESH_THRESHOLD, VirtualList, VirtualListController, lightTheme, useTheme } from '../src/index.js';
import { recordFrames, renderThemed, rgb } from './harness.js';
import { List, ROW, SIZE, differingColumns, drag, touch, itemsOf, mixed, mount, mountWith, mountedRows, rowTop, topRow } from './list-harness.js';

/** Both kinds of rows, for what they share: keyed (renderItem) and recycled (renderRow, virtual-list-recycling.test.tsx). */
const BOTH = ['keyed', 'recycled'] as const;

describe('VirtualList: rows', () => {
  it('mounts only the rows near the viewport of a 100,000-row list, and says how many there are', async () => {
    const screen = await mount(() => <List items={itemsOf(100_000)} />);
    expect(screen.getByRole('list', { name: 'Rows' }).description).toBe('100000 items');
    expect(rowTop(screen, 0)).toBe(0);
    expect(rowTop(screen, 4)).toBe(4 * ROW);
    // The rendered window is a few viewports; far rows do not exist.
    expect(mountedRows(screen)).toBeLessThan(60);
    expect(screen.queryByText('Row 500')).toBeNull();
  });

  it('a fling shows the rows the offset says, and the rows it left are unmounted', async () => {
    const screen = await mount(() => <List items={itemsOf(100_000)} />);
    for (let n = 0; n < 4; n++) {
      await drag(screen, { x: 150, y: 190 }, -180, 6);
      await screen.advance(2500);
    }
    const top = topRow(screen);
    expect(top).toBeGreaterThan(100);
    // Rows follow each other from the top row on, as the offset says.
    const y = rowTop(screen, top);
    for (let i = 1; i <= 5; i++) expect(rowTop(screen, top + i)).toBe(y + i * ROW);
    expect(screen.getByText(`Row ${top + 2}`)).toBeVisible();
    expect(screen.queryByText('Row 0')).toBeNull();
    expect(mountedRows(screen)).toBeLessThan(60);
  });
});

describe('VirtualList: scrollToIndex and heights', () => {
  it('brings an item to the top, the bottom or the middle, through rows of unknown height', async () => {
    const { screen, list } = await mountWith((c) => <List items={mixed(10_000)} controller={c} />);
    list.scrollToIndex(5000, { animate: false });
    await screen.advance(50);
    expect(rowTop(screen, 5000)).toBe(0);
    expect(list.firstVisibleIndex.value).toBe(5000);
    // Only rows around the new place exist, none of those between.
    expect(mountedRows(screen)).toBeLessThan(60);

    list.scrollToIndex(7003, { align: 'end' });
    await screen.advance(1000);
    const tall = screen.find({ testId: 'row-7003' });
    expect(tall.height).toBeGreaterThan(ROW);
    expect(tall.y + tall.height).toBeCloseTo(200, 5);

    list.scrollToIndex(120, { align: 'center' });
    await screen.advance(1000);
    const centred = screen.find({ testId: 'row-120' });
    expect(centred.y + centred.height / 2).toBeCloseTo(100, 5);
    expect(() => list.scrollToIndex(10_000)).toThrow(/index 10000 is outside the list \(0\.\.9999\)/);
  });

  it('a row taller than its estimate pushes the next one down, and the end of the list is reachable exactly', async () => {
    const { screen, list } = await mountWith((c) => <List items={mixed(300)} controller={c} />);
    const tall = screen.find({ testId: 'row-3' });
    expect(tall.height).toBeGreaterThan(ROW);
    expect(rowTop(screen, 4)).toBe(tall.y + tall.height);
    list.scrollToIndex(299, { align: 'end' });
    await screen.advance(1000);
    const last = screen.find({ testId: 'row-299' });
    expect(last.y + last.height).toBeCloseTo(200, 5);
    // Past the end it only bounces back there.
    await drag(screen, { x: 150, y: 150 }, -120, 6, 100);
    await screen.advance(1500);
    expect(rowTop(screen, 299) + last.height).toBeCloseTo(200, 5);
  });

  it.each(BOTH)('dragging back into rows never laid out, the rows under the finger move with it and nothing else (%s rows)', async (kind) => {
    const { screen, list } = await mountWith((c) => <List recycled={kind === 'recycled'} items={mixed(10_000)} controller={c} />);
    list.scrollToIndex(5000, { animate: false });
    await screen.advance(50);
    expect(rowTop(screen, 5000)).toBe(0);
    // Five drags down, each 144 px: the rendered window moves up into rows never laid out.
    for (let n = 0; n < 5; n++) {
      const row = topRow(screen), from = rowTop(screen, row);
      await screen.pointer.down({ x: 150, y: 30 }, touch);
      for (let y = 42; y <= 174; y += 12) {
        await screen.advance(16);
        await screen.pointer.move({ x: 150, y }, touch);
        // Rows above come in (recycled: in slots of rows that left below) and are measured as the
        // finger goes; the row under it stays under it.
        expect(rowTop(screen, row)).toBe(from + y - 30);
      }
      await screen.advance(100);
      await screen.pointer.up({ x: 150, y: 174 }, touch);
      await screen.advance(100);
    }
    expect(topRow(screen)).toBeLessThan(4990);
  });

  it.each(BOTH)('rows inserted above the viewport leave the rows on screen where they were (%s rows)', async (kind) => {
    const items = signal(itemsOf(200, 1000));
    const screen = await mount(() => <List recycled={kind === 'recycled'} items={items} />);
    await drag(screen, { x: 150, y: 180 }, -150, 10, 200);
    await screen.advance(1000);
    const top = topRow(screen), y = rowTop(screen, top), pixels = screen.pixels().pixels;
    expect(top).toBeGreaterThan(1000);

    // Five rows, two of them tall, come in at the start.
    items.value = [...itemsOf(5).map((it) => (it.id % 2 ? { ...it, lines: 4 } : it)), ...items.value];
    await screen.flush();
    expect(rowTop(screen, top)).toBe(y);
    await screen.advance(200);
    expect(rowTop(screen, top)).toBe(y);
    expect(screen.find({ testId: `row-${top + 1}` }).y).toBe(y + ROW);
    // Only the scrollbar's thumb may differ: the list is longer now.
    expect(differingColumns(pixels, screen.pixels().pixels).every((x) => x >= SIZE.width - 8)).toBe(true);

    // The new rows are there above.
    for (let n = 0; n < 3; n++) await drag(screen, { x: 150, y: 20 }, 170, 10, 200);
    await screen.advance(1500);
    expect(rowTop(screen, 0)).toBe(0);
    expect(screen.getByText('Row 1 Row 1 Row 1 Row 1')).toBeVisible();
  });

  it('a fling up into rows never laid out glides on to the top while they are measured, and bounces there', async () => {
    const { screen, list } = await mountWith((c) => <List items={mixed(10_000)} controller={c} />);
    list.scrollToIndex(70, { animate: false });
    await screen.advance(50);
    expect(rowTop(screen, 70)).toBe(0);
    // A flick down: the content glides towards the top through rows above, three lines tall every seventh,
    // most never laid out; the first row comes in, so the list takes up their heights mid-fling.
    await drag(screen, { x: 150, y: 10 }, 180, 2);
    let highest = Infinity;
    while (list.scroller.moving.value) {
      await screen.advance(16);
      highest = Math.min(highest, list.scroller.y.value);
    }
    // It went all the way (3,600 px of fling for some 3,000 px of rows), past the top, and came back.
    expect(highest).toBeLessThan(-10);
    expect(rowTop(screen, 0)).toBe(0);
    expect(rowTop(screen, 3)).toBe(3 * ROW);
    expect(rowTop(screen, 4)).toBe(3 * ROW + screen.find({ testId: 'row-3' }).height);
  });

  it('rows inserted while the list is at its top come into view', async () => {
    const items = signal(itemsOf(50, 1));
    const screen = await mount(() => <List items={items} />);
    items.value = [{ id: 0, text: 'Row 0' }, ...items.value];
    await screen.flush();
    expect(rowTop(screen, 0)).toBe(0);
    expect(rowTop(screen, 1)).toBe(ROW);
  });
});

describe('VirtualList: sections', () => {
  /** Sections "Section A".."Section E" of ten 40 px rows each, under 36 px headers. */
  const sectioned = (controller?: VirtualListController) => (
    <List items={itemsOf(50)} controller={controller} section={(it) => `Section ${'ABCDE'[Math.floor(it.id / 10)]}`} />
  );
  /** Where each heading named `name` is: the row in the list, and the pinned copy over the viewport. */
  const headings = (screen: Screen, name: string) =>
    screen.queryAllByRole('heading', { name, hidden: true }).map((h) => screen.find(h).y).sort((a, b) => a - b);

  it('pins the current section\'s header to the top, lets the next one push it up, then shows that one', async () => {
    const { screen, list } = await mountWith(sectioned);
    const band = rgb(lightTheme.colors.surfaceContainerHigh);
    // At the top the header row itself shows; nothing is pinned.
    expect(headings(screen, 'Section A')).toEqual([0]);

    list.scrollToOffset(100, { animate: false });
    await screen.flush();
    expect(headings(screen, 'Section A')).toEqual([-100, 0]);
    expect(screen.pixel(150, 5)).toEqual(band);
    // The pinned header covers the row under it; the row below shows.
    expect(screen.pixel(150, 30)).toEqual(band);
    expect(screen.pixel(150, 40)).not.toEqual(band);

    // Section B's row starts at 36 + 400: at 420 it is 16 px from the top and pushes A up by 20.
    list.scrollToOffset(420, { animate: false });
    await screen.flush();
    expect(headings(screen, 'Section A')).toEqual([-420, -20]);
    expect(headings(screen, 'Section B')).toEqual([16]);

    list.scrollToOffset(500, { animate: false });
    await screen.flush();
    expect(headings(screen, 'Section B')).toEqual([-64, 0]);
    // Section A's row is still mounted above the viewport; its pinned copy is gone.
    expect(headings(screen, 'Section A')).toEqual([-500]);
  });

  it('a drag that starts on the pinned header scrolls the list; scrollToIndex lands below the pinned header', async () => {
    const { screen, list } = await mountWith(sectioned);
    list.scrollToIndex(14, { animate: false });
    await screen.flush();
    expect(rowTop(screen, 14)).toBe(36);
    expect(headings(screen, 'Section B')).toContain(0);
    await drag(screen, { x: 150, y: 10 }, 60, 6, 200);
    await screen.advance(500);
    expect(rowTop(screen, 14)).toBe(96);
  });
});

describe('VirtualList: pull to refresh', () => {
  it('pulled down past the threshold at the top calls onRefresh once', async () => {
    let calls = 0;
    const screen = await mount(() => <List items={itemsOf(100)} onRefresh={() => { calls++; return new Promise(() => {}); }} />);
    await screen.pointer.down({ x: 150, y: 20 }, touch);
    for (let y = 40; y <= 200; y += 20) {
      await screen.advance(10);
      await screen.pointer.move({ x: 150, y }, touch);
    }
    await screen.advance(200);
    await screen.pointer.up({ x: 150, y: 200 }, touch);
    await screen.advance(600);
    expect(calls).toBe(1);
    expect(screen.getByRole('progressbar', { name: 'Refreshing' })).toBeVisible();
    expect(rowTop(screen, 0)).toBeGreaterThanOrEqual(REFRESH_THRESHOLD - 10);
  });
});

describe('VirtualList: cost', () => {
  it('scrolling 100,000 rows mounts as many rows and paints as many pixels a frame as 100 rows', async () => {
    const run = async (count: number) => {
      // No scrollbar: its thumb travels less per pixel scrolled on a longer list, which is not a row's cost.
      const screen = await mount(() => <List items={itemsOf(count)} scrollbar="never" />);
      const frames = recordFrames(screen);
      const mounted: number[] = [];
      for (let n = 0; n < 3; n++) {
        await drag(screen, { x: 150, y: 190 }, -120, 6);
        for (let t = 0; t < 40; t++) {
          await screen.advance(16);
          mounted.push(mountedRows(screen));
        }
      }
      return { mounted, painted: frames.map((f: FrameStats) => f.damagedPx), top: topRow(screen) };
    };
    const small = await run(100), large = await run(100_000);
    expect(large.top).toBe(small.top);
    expect(small.top).toBeGreaterThan(10);
    expect(large.mounted).toEqual(small.mounted);
    expect(large.painted).toEqual(small.painted);
    expect(Math.max(...large.mounted)).toBeLessThan(60);
  });
});

describe('VirtualList: items', () => {
  it('mounting 100,000 items asks key() of as many items as mounting 100 does: those of the rows it mounts', async () => {
    const asked = async (count: number) => {
      let calls = 0;
      const screen = await mount(() => <List items={itemsOf(count)} key={(i) => (calls++, i.id)} />);
      return { calls, mounted: mountedRows(screen) };
    };
    const small = await asked(100), large = await asked(100_000);
    expect(large).toEqual(small);
    expect(large.calls).toBeLessThanOrEqual(large.mounted);
  });

  it('an item added at the start of 100,000 asks key() of about the rows mounted, and the rows on screen stay put', async () => {
    const items = signal(itemsOf(100_000, 1));
    let calls = 0;
    const { screen, list } = await mountWith((c) => <List items={items} controller={c} key={(i) => (calls++, i.id)} />);
    list.scrollToIndex(50_000, { animate: false });
    await screen.advance(50);
    const top = topRow(screen), y = rowTop(screen, top);
    calls = 0;
    items.value = [{ id: 0, text: 'Row 0' }, ...items.value];
    await screen.flush();
    expect(rowTop(screen, top)).toBe(y);
    expect(list.firstVisibleIndex.value).toBe(50_001);
    // Each row measured so far (those mounted at the top, then around 50,000) is looked for once, and the rows mounted now are keyed.
    expect(calls).toBeLessThan(4 * mountedRows(screen));
  });

  it('reports two items with one key once both have been near the viewport, and shows both', async () => {
    const errors: Error[] = [];
    // Item 3 has item 1's key; item 5 is item 2 again, the very object.
    const items = itemsOf(50).map((it, i, all) => (i === 3 ? { ...it, id: 1 } : i === 5 ? all[2]! : it));
    const screen = await renderThemed(() => <List items={items} />, { ...SIZE, onError: (e) => errors.push(e) });
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/key = 1: is the key of items\[1\] and items\[3\] — give every item its own key/),
      expect.stringMatching(/key = 2: is the key of items\[2\] and items\[5\]/),
    ]);
    expect(screen.getByText('Row 3')).toBeVisible();
    expect(screen.getByText('Row 1')).toBeVisible();
    expect(screen.queryAllByRole('listitem', { name: 'Row 2' }).map((row) => screen.find(row).y)).toEqual([2 * ROW, 5 * ROW]);
  });
});

describe('VirtualList: memory', () => {
  it('frees the nodes and drawing objects of rows it unmounts', async () => {
    const { screen, list } = await mountWith((c) => <List items={itemsOf(100_000)} controller={c} />);
    const jump = async (index: number) => {
      list.scrollToIndex(index, { animate: false });
      await screen.advance(50);
    };
    const report = await checkLeaks(async () => {
      await jump(50_000);
      await jump(0);
    }, { cycles: 20, warmup: 4, jsHeapBytesPerCycle: 2048 });
    expect(report.leaks).toEqual([]);
    expect(screen.getByText('Row 0')).toBeVisible();
  }, 120_000);
});

describe('VirtualList snapshot', () => {
  const NAMES = ['Ada', 'Alan', 'Alice', 'Barbara', 'Bjarne', 'Brian', 'Carl', 'Claude', 'Dennis', 'Donald', 'Edsger', 'Frances', 'Grace'];
  const contacts = NAMES.map((name, id) => ({ id, name, phone: `+44 20 7946 0${String(100 + id * 7).slice(-3)}` }));

  function Contacts(props: { controller: VirtualListController }): Child {
    const theme = useTheme();
    return (
      <View style={{ width: '100%', height: '100%', backgroundColor: () => theme.colors.surface }}>
        <VirtualList label="Contacts" controller={props.controller} items={contacts} key={(c) => c.id} estimatedHeight={72}
          section={(c) => c.name[0]!} scrollbar="always"
          renderItem={(c) => <ListItem icon="user" title={c.name} subtitle={c.phone} />} />
      </View>
    );
  }

  it('draws rows under a pinned section header that the next header pushes up', async () => {
    let list!: VirtualListController;
    const screen = await renderThemed(() => {
      list = new VirtualListController();
      return <Contacts controller={list} />;
    }, { width: 320, height: 300 });
    // Section B's header 20 px below the top: A's pinned header is pushed up by 16.
    const b = screen.queryAllByRole('heading', { name: 'B', hidden: true }).map((h) => screen.find(h).y)[0]!;
    list.scrollToOffset(b - 20, { animate: false });
    await screen.flush();
    expect(screen.queryAllByRole('heading', { name: 'A', hidden: true }).map((h) => screen.find(h).y)).toContain(-16);
    await expect(screen).toMatchImageSnapshot('virtual-list-states-light');
  });
});
