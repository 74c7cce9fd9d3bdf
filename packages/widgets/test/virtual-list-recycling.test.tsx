/**
 * VirtualList with renderRow, as a person uses it: a fling through a long list makes no rows
 * after the first screenful yet shows the right rows at every frame, a row given to another
 * item takes that item's height, new item objects and new indices reach the rows in place,
 * section headers still pin, nothing is left behind, and a list given both ways of making
 * rows, or neither, says so. Rows under the finger and rows on screen staying put as rows come
 * in above are checked for both kinds of rows in virtual-list.test.tsx.
 */
import { describe, expect, it } from 'vitest';
import { Show, Text, signal, type Child } from '@planar/toolkit';
import { checkLeaks, yogaNodeCount, type Screen } from '@planar/toolkit/testing';
import { VirtualList, VirtualListController } from '../src/index.js';
import { renderThemed } from './harness.js';
import { List, ROW, SIZE, drag, itemsOf, mixed, mount, mountWith, mountedRows, rowBox, rowTop, topRow, type Item } from './list-harness.js';

/** Flicks up until the list rests at its end, checking `eachFrame` after every frame. */
async function flingToEnd(screen: Screen, list: VirtualListController, eachFrame: () => void = () => {}): Promise<void> {
  for (let n = 0; n < 60 && list.scroller.y.value < list.scroller.maxY - 1; n++) {
    await drag(screen, { x: 150, y: 190 }, -180, 2);
    for (let t = 0; t < 30; t++) {
      await screen.advance(16);
      eachFrame();
    }
  }
  await screen.advance(2000);
}

describe('VirtualList with renderRow: a fling', () => {
  /** Flings a list of 1,000 rows to its end; what it made on the way, and whether every frame showed the right rows. */
  async function flingThrough(recycled: boolean) {
    let made = 0;
    const { screen, list } = await mountWith((c) => <List recycled={recycled} items={itemsOf(1000)} controller={c} onRowMade={() => made++} />);
    await screen.advance(100);
    const first = made, nodes = yogaNodeCount();
    expect(first).toBe(mountedRows(screen));
    await flingToEnd(screen, list, () => {
      // The rows on screen are those the offset says, where it says.
      const y = list.scroller.y.value, top = Math.floor(y / ROW);
      for (let i = top; i < Math.min(1000, top + 6); i++) expect(rowTop(screen, i)).toBeCloseTo(i * ROW - y, 5);
      expect(screen.getByText(`Row ${Math.min(999, top + 1)}`)).toBeVisible();
    });
    expect(topRow(screen)).toBe(995);
    expect(screen.getByText('Row 999')).toBeVisible();
    return { first, during: made - first, nodes: yogaNodeCount() - nodes };
  }

  it('through 1,000 rows makes no row after the first screenful, and shows the rows the offset says at every frame', async () => {
    const recycled = await flingThrough(true);
    expect(recycled.during).toBe(0);
    expect(recycled.nodes).toBe(0);
    // Keyed rows, for contrast: a row made for nearly every item passed.
    const keyed = await flingThrough(false);
    expect(keyed.first).toBe(recycled.first);
    expect(keyed.during).toBeGreaterThan(900);
  }, 60_000);
});

describe('VirtualList with renderRow: heights', () => {
  it('a row given to another item takes that item\'s height, and the list learns every height right', async () => {
    const { screen, list } = await mountWith((c) => <List recycled items={mixed(1000)} controller={c} />);
    const tall = rowBox(screen, 3).height;
    expect(tall).toBeGreaterThan(ROW);
    await flingToEnd(screen, list);
    // Every row was mounted on the way, most in a slot another row had: the list's length is
    // the rows' real heights (143 tall ones), so the end is exactly the last row's bottom.
    expect(list.scroller.maxY + 200).toBeCloseTo(1000 * ROW + 143 * (tall - ROW), 5);
    const last = rowBox(screen, 999);
    expect(last.y + last.height).toBeCloseTo(200, 5);
    list.scrollToIndex(500, { animate: false });
    await screen.advance(100);
    // Rows 500..504 (500 and 503 tall) in slots of other rows: each as tall as its text, from where the one before ends.
    let y = 0;
    for (let id = 500; id < 505; id++) {
      const box = rowBox(screen, id);
      expect(box.y).toBeCloseTo(y, 5);
      expect(box.height).toBe(id % 7 === 3 ? tall : ROW);
      y += box.height;
    }
  }, 60_000);
});

describe('VirtualList with renderRow: items', () => {
  it('new item objects and new indices reach the rows shown, without making rows', async () => {
    const items = signal(itemsOf(100));
    let made = 0;
    const screen = await mount(() => (
      <VirtualList label="Rows" items={items} key={(i: Item) => i.id} estimatedHeight={ROW} style={{ height: 200 }}
        renderRow={(item, index) => (made++, <Text style={{ height: ROW, fontSize: 14 }}>{() => `${index.value}. ${item.value.text}`}</Text>)} />
    ));
    const first = made;
    expect(screen.getByText('2. Row 2')).toBeVisible();
    // Every item a new object with the same key and new text; one item more at the start.
    items.value = [{ id: -1, text: 'Row -1' }, ...items.value.map((it) => ({ ...it, text: `${it.text} (read)` }))];
    await screen.advance(100);
    expect(screen.getByText('0. Row -1')).toBeVisible();
    expect(screen.getByText('3. Row 2 (read)')).toBeVisible();
    expect(screen.queryByText('2. Row 2')).toBeNull();
    expect(made).toBe(first);
  });
});

describe('VirtualList with renderRow: sections', () => {
  it('pins the header of the section at the top through a fling, and makes no more item rows than were mounted at once', async () => {
    let made = 0, most = 0;
    const { screen, list } = await mountWith((c) => (
      <List recycled items={itemsOf(1000)} controller={c} onRowMade={() => made++} section={(it) => `Hundred ${Math.floor(it.id / 100)}`} />
    ));
    await screen.advance(100);
    // Headers are made for their sections; item rows only when more are mounted than ever before.
    await flingToEnd(screen, list, () => {
      most = Math.max(most, mountedRows(screen));
    });
    expect(made).toBeLessThanOrEqual(most);
    const pinned = screen.queryAllByRole('heading', { name: 'Hundred 9', hidden: true }).map((h) => screen.find(h).y);
    expect(pinned).toContain(0);
    expect(screen.getByText('Row 999')).toBeVisible();
  }, 60_000);
});

describe('VirtualList with renderRow: memory', () => {
  it('mounted, flung and unmounted again and again, leaves nothing behind', async () => {
    const shown = signal(false);
    let list!: VirtualListController;
    const screen = await mount(() => {
      list = new VirtualListController();
      // No scrollbar: this is about the rows. The scrollbar's images fill a bounded cache over
      // the first twenty-odd cycles (then stay put), which a short check would read as growth.
      return <Show when={shown}><List recycled items={mixed(1000)} controller={list} scrollbar="never" /></Show>;
    });
    const cycle = async () => {
      shown.value = true;
      await screen.advance(50);
      list.scroller.fling(0, 6000);
      await screen.advance(800);
      expect(mountedRows(screen)).toBeGreaterThan(0);
      shown.value = false;
      await screen.advance(50);
      expect(mountedRows(screen)).toBe(0);
    };
    // A list left behind would hold its nodes (counted exactly) and far more heap than the bound,
    // which is loose because caches the first cycles fill wander by some KiB.
    const report = await checkLeaks(cycle, { cycles: 12, warmup: 3, jsHeapBytesPerCycle: 8192 });
    expect(report.leaks).toEqual([]);
  }, 120_000);
});

describe('VirtualList: how rows are made', () => {
  const errorsOf = async (ui: () => Child) => {
    const errors: Error[] = [];
    const screen = await renderThemed(ui, { ...SIZE, onError: (e) => errors.push(e) });
    return { screen, messages: errors.map((e) => e.message) };
  };
  const props = { label: 'Rows', items: itemsOf(10), key: (i: Item) => i.id, style: { height: 200 } };

  it('given both renderItem and renderRow, says to pick one and makes keyed rows', async () => {
    const both = { ...props, renderItem: (i: Item) => <Text>{i.text}</Text>, renderRow: (i: { value: Item }) => <Text>{() => i.value.text}</Text> };
    // @ts-expect-error -- the props type takes one of the two
    const { screen, messages } = await errorsOf(() => <VirtualList {...both} />);
    expect(messages).toEqual([expect.stringMatching(/renderRow = [\s\S]*: cannot be given with renderItem — give renderItem for keyed rows .* or renderRow for recycled rows .*; using renderItem$/)]);
    expect(screen.getByText('Row 3')).toBeVisible();
  });

  it('given neither, says what to give and shows no rows', async () => {
    // @ts-expect-error -- the props type asks for one of the two
    const { screen, messages } = await errorsOf(() => <VirtualList {...props} />);
    expect(messages).toEqual([expect.stringMatching(/renderItem = undefined: is missing — give renderItem\(item, index\) for keyed rows or renderRow\(item, index\) for recycled rows; showing no rows$/)]);
    expect(mountedRows(screen)).toBe(0);
  });
});

