/**
 * ScrollView, as a person uses it: drags, flings, taps on rows at rest and during a fling,
 * the wheel, keys, scrollbars that fade, overscroll, nesting, pull to refresh, and what a
 * scroll frame costs.
 */
import { describe, expect, it } from 'vitest';
import { FRICTION, Scroller, Text, View, signal, type Child } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { Button, ScrollView, lightTheme } from '../src/index.js';
import { renderThemed } from './harness.js';

const touch = { type: 'touch' } as const;
const ROW = 40;

function Rows(props: { count: number; pressed?: string[] }) {
  return Array.from({ length: props.count }, (_, i) => (
    <View testId={`row-${i}`} style={{ height: ROW, paddingLeft: 8, justifyContent: 'center', backgroundColor: i % 2 ? '#e8e8f0' : '#ffffff' }}
      onPress={props.pressed ? () => props.pressed!.push(`row ${i}`) : undefined}>
      <Text style={{ fontSize: 14, color: '#222' }}>{`Row ${i}`}</Text>
    </View>
  ));
}

/** Drags a finger from `from` by (dx, dy) in `steps` moves, one every 10 ms, then lifts it (after holding it still `rest` ms). */
async function drag(screen: Screen, from: { x: number; y: number }, dx: number, dy: number, steps = 10, rest = 0): Promise<void> {
  await screen.pointer.down(from, touch);
  for (let i = 1; i <= steps; i++) {
    await screen.advance(10);
    await screen.pointer.move({ x: from.x + (dx * i) / steps, y: from.y + (dy * i) / steps }, touch);
  }
  await screen.advance(10 + rest);
  await screen.pointer.up({ x: from.x + dx, y: from.y + dy }, touch);
}

describe('ScrollView', () => {
  it('follows a slow drag and stays where it is let go', async () => {
    const scroller = signal<Scroller | null>(null);
    const screen = await renderThemed(() => {
      const s = new Scroller();
      scroller.value = s;
      return <ScrollView controller={s} label="Rows" style={{ height: 200 }}><Rows count={20} /></ScrollView>;
    }, { width: 300, height: 200 });
    expect(screen.find({ testId: 'row-0' }).y).toBe(0);
    await drag(screen, { x: 150, y: 150 }, 0, -100, 20, 300);
    await screen.advance(1000);
    expect(scroller.value!.y.value).toBeCloseTo(100, 0);
    expect(screen.find({ testId: 'row-3' }).y).toBeCloseTo(20, 0);
  });
});
