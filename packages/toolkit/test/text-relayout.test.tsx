/**
 * A paragraph whose new text measures as the old one did at every width Yoga asked (a clock's
 * next minute) is repainted without a layout pass; one that measures otherwise is laid out
 * again and moves what follows it. Either way the screen equals a fresh render of the new text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Text, View, signal } from '@planar/toolkit';
import { render, type Screen } from '@planar/toolkit/testing';

const screens: Screen[] = [];
afterEach(async () => {
  for (const s of screens.splice(0)) await s.dispose();
});

function Row(props: { label: () => string; width?: number }) {
  return (
    <View style={{ flexDirection: 'row', alignItems: 'flex-start', padding: 10, gap: 6 }}>
      <Text style={{ fontSize: 24, width: props.width }}>{props.label}</Text>
      <View testId="after" style={{ width: 20, height: 20, backgroundColor: '#c03020' }} />
    </View>
  );
}

async function show(text: string, width?: number) {
  const label = signal(text);
  const screen = await render(() => <Row label={() => label.value} width={width} />, { width: 320, height: 160 });
  screens.push(screen);
  return { screen, label };
}

async function pixelsOf(text: string, width?: number): Promise<Buffer> {
  const { screen } = await show(text, width);
  return Buffer.from(await screen.png());
}

describe('a paragraph whose text changes', () => {
  it('is repainted without laying anything out when it measures the same (09:41 → 09:42)', async () => {
    const { screen, label } = await show('09:41');
    const after = screen.find({ testId: 'after' });
    label.value = '09:42';
    await screen.flush();
    expect(screen.stats.layoutMs).toBe(0);
    expect(screen.find({ text: '09:42' })).toBeTruthy();
    expect(screen.find({ testId: 'after' })).toEqual(after);
    expect(Buffer.from(await screen.png()).equals(await pixelsOf('09:42'))).toBe(true);
  });

  it('is laid out again, moving what follows, when it grows (9:59 → 10:00)', async () => {
    const { screen, label } = await show('9:59');
    const after = screen.find({ testId: 'after' });
    label.value = '10:00';
    await screen.flush();
    expect(screen.stats.layoutMs).toBeGreaterThan(0);
    expect(screen.find({ testId: 'after' }).x).toBeGreaterThan(after.x);
    expect(Buffer.from(await screen.png()).equals(await pixelsOf('10:00'))).toBe(true);
  });

  it('is laid out again when it wraps onto another line in a fixed width', async () => {
    const { screen, label } = await show('one line', 120);
    const before = screen.find({ text: 'one line' });
    label.value = 'now it needs two lines';
    await screen.flush();
    expect(screen.stats.layoutMs).toBeGreaterThan(0);
    expect(screen.find({ text: 'now it needs two lines' }).height).toBeGreaterThan(before.height);
    expect(Buffer.from(await screen.png()).equals(await pixelsOf('now it needs two lines', 120))).toBe(true);
  });

  it('is laid out again when it keeps its width but not its height in a fixed width', async () => {
    const { screen, label } = await show('two words', 120);
    label.value = 'a b';
    await screen.flush();
    expect(screen.stats.layoutMs).toBeGreaterThan(0);
    expect(Buffer.from(await screen.png()).equals(await pixelsOf('a b', 120))).toBe(true);
  });
});
