/**
 * VirtualList, as a person uses it: only rows near the viewport exist, scrolling shows the
 * right rows, scrollToIndex lands, rows of unknown height push the next, rows inserted above
 * leave the screen as it was, section headers pin and give way, pull to refresh, and a scroll
 * over 100,000 rows costs what it costs over 100.
 */
import { describe, expect, it } from 'vitest';
import { Text, View, signal, type Child, type FrameStats, type Signal } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { REFRESH_THRESHOLD, VirtualList, VirtualListController, useTheme, type VirtualListProps } from '../src/index.js';
import { recordFrames, renderThemed, rgb } from './harness.js';

const touch = { type: 'touch' } as const;
const SIZE = { width: 300, height: 200 };
const ROW = 40;

interface Item { id: number; text: string; lines?: number }
const itemsOf = (n: number, from = 0): Item[] => Array.from({ length: n }, (_, i) => ({ id: from + i, text: `Row ${from + i}` }));

/** A row: fixed at ROW px, or as tall as its text wrapped over `lines` lines (the list does not know how tall). */
function Row(props: { item: Item }): Child {
  const { item } = props;
  return (
    <View testId={`row-${item.id}`} style={{ minHeight: ROW, justifyContent: 'center', paddingLeft: 8, backgroundColor: item.id % 2 ? '#e8e8f0' : '#ffffff' }}>
      <Text style={{ fontSize: 14, lineHeight: 1.4, color: '#222' }}>{item.lines ? Array.from({ length: item.lines }, () => item.text).join('\n') : item.text}</Text>
    </View>
  );
}

function List(props: Partial<VirtualListProps<Item>> & { items: VirtualListProps<Item>['items'] }): Child {
  return <VirtualList label="Rows" key={(i) => i.id} estimatedHeight={ROW} renderItem={(i) => <Row item={i} />} style={{ height: 200 }} {...props} />;
}

const mount = (ui: () => Child) => renderThemed(ui, SIZE);

/** Drags a finger from `from` by dy in `steps` moves 10 ms apart; `rest` ms of holding still before the lift (0: a flick). */
async function drag(screen: Screen, from: { x: number; y: number }, dy: number, steps = 10, rest = 0): Promise<void> {
  await screen.pointer.down(from, touch);
  for (let i = 1; i <= steps; i++) {
    await screen.advance(10);
    await screen.pointer.move({ x: from.x, y: from.y + (dy * i) / steps }, touch);
  }
  if (rest) await screen.advance(rest);
  await screen.pointer.up({ x: from.x, y: from.y + dy }, touch);
}

/** The rows mounted now, by their testIds' numbers. */
const mountedRows = (screen: Screen) => screen.queryAllByRole('listitem').length;
const rowTop = (screen: Screen, id: number) => screen.find({ testId: `row-${id}` }).y;
/** The row at the top edge of the viewport. */
function topRow(screen: Screen): number {
  for (const node of screen.queryAllByRole('listitem')) {
    const box = screen.find(node);
    if (box.y <= 0 && box.y + box.height > 0) return Number(/Row (\d+)/.exec(node.name)![1]);
  }
  throw new Error('no row at the top');
}

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
