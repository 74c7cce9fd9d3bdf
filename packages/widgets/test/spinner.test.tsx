/**
 * Spinner: an indeterminate progressbar that turns only while mounted, shown and motion is
 * allowed; a ring filled to a value; bad values; disabled; the states sheet in both themes.
 */
import { describe, expect, it } from 'vitest';
import { Show, Text, View, setReducedMotion, signal, type Child } from '@planar/toolkit';
import { type RenderOptions, type Screen } from '@planar/toolkit/testing';
import { Spinner, lightTheme, useTheme } from '../src/index.js';
import { recordFrames, renderThemed, rgb, statesSheet } from './harness.js';

async function mount(root: () => Child, options: RenderOptions = {}) {
  const errors: Error[] = [];
  const screen = await renderThemed(root, { width: 120, height: 120, onError: (e) => errors.push(e), ...options });
  return { screen, frames: recordFrames(screen), errors };
}

/** The colour on the ring at a clock position (0 = top, 0.25 = right …). */
function ringAt(screen: Screen, name: string, turn: number) {
  const box = screen.find(screen.getByRole('progressbar', { name }));
  const r = box.width / 2 - 2;
  const a = 2 * Math.PI * turn - Math.PI / 2;
  return screen.pixel(Math.round(box.x + box.width / 2 + Math.cos(a) * r), Math.round(box.y + box.height / 2 + Math.sin(a) * r));
}

describe('Spinner', () => {
  it('is a progressbar named "Loading" with no value, and turns on the app clock', async () => {
    const { screen, frames } = await mount(() => <Spinner />);
    const spinner = screen.getByRole('progressbar', { name: 'Loading' });
    expect(spinner.value).toBeUndefined();
    await screen.advance(300);
    const before = screen.png();
    await screen.advance(300);
    expect(Buffer.from(screen.png()).equals(Buffer.from(before))).toBe(false);
    expect(frames.length).toBeGreaterThan(20);
  });

  it('takes a label, and with a value fills the ring that far from the top, clockwise', async () => {
    const percent = signal<number | undefined>(25);
    const { screen, frames } = await mount(() => <Spinner label="Download" value={percent} size={48} />);
    const ring = screen.getByRole('progressbar', { name: 'Download' });
    expect(ring).toHaveValue({ now: 25, min: 0, max: 100, text: '25%' });
    expect(ringAt(screen, 'Download', 0.125)).toEqual(rgb(lightTheme.colors.primary));
    expect(ringAt(screen, 'Download', 0.5)).toEqual(rgb(lightTheme.colors.secondaryContainer));
    await screen.advance(1000);
    expect(frames).toHaveLength(0);

    percent.value = 60;
    await screen.flush();
    expect(ringAt(screen, 'Download', 0.5)).toEqual(rgb(lightTheme.colors.primary));

    percent.value = undefined;
    await screen.advance(100);
    expect(ring.value).toBeUndefined();
    expect(frames.length).toBeGreaterThan(3);
  });

  it('stops asking for frames when unmounted or hidden', async () => {
    const shown = signal(true);
    const display = signal<'flex' | 'none'>('flex');
    const { screen, frames } = await mount(() => (
      <View style={{ display }}><Show when={shown}><Spinner /></Show></View>
    ));
    await screen.advance(200);
    display.value = 'none';
    await screen.advance(100);
    let count = frames.length;
    await screen.advance(2000);
    expect(frames.length).toBe(count);

    display.value = 'flex';
    await screen.advance(600);
    expect(frames.length).toBeGreaterThan(count + 10);

    shown.value = false;
    await screen.flush();
    count = frames.length;
    await screen.advance(2000);
    expect(frames.length).toBe(count);
  });

  it('shows a still three-quarter ring under reduced motion', async () => {
    setReducedMotion(true);
    const { screen, frames } = await mount(() => <Spinner />);
    await screen.advance(1000);
    expect(frames).toHaveLength(0);
    expect(ringAt(screen, 'Loading', 0.5)).toEqual(rgb(lightTheme.colors.primary));
    expect(ringAt(screen, 'Loading', 0.875)).toEqual(rgb(lightTheme.colors.secondaryContainer));
  });

  it('reports a value outside its range and shows the ring full', async () => {
    const { screen, errors } = await mount(() => <Spinner label="Charge" value={-5} />);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/Spinner.*value = -5: must be between min \(0\) and max \(100\); using 0/)]);
    expect(screen.getByRole('progressbar', { name: 'Charge' })).toHaveValue({ now: 0 });
    expect(ringAt(screen, 'Charge', 0.25)).toEqual(rgb(lightTheme.colors.secondaryContainer));
  });

  it('is disabled for semantics', async () => {
    const { screen } = await mount(() => <Spinner label="Waiting" disabled />);
    expect(screen.getByRole('progressbar', { name: 'Waiting' })).toBeDisabled();
  });
});

function StatesSheet() {
  const theme = useTheme();
  const Cell = (props: { name: string; children: Child }) => (
    <View style={{ alignItems: 'center', gap: 8, width: 84 }}>
      <View style={{ height: 56, justifyContent: 'center' }}>{props.children}</View>
      <Text style={{ ...theme.typography('labelSmall'), color: () => theme.colors.onSurfaceVariant }}>{props.name}</Text>
    </View>
  );
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, flexDirection: 'row', gap: 4, backgroundColor: () => theme.colors.surface }}>
      <Cell name="spinning"><Spinner /></Cell>
      <Cell name="small"><Spinner size={24} /></Cell>
      <Cell name="large"><Spinner size={56} /></Cell>
      <Cell name="value 70%"><Spinner value={70} size={48} /></Cell>
      <Cell name="disabled"><Spinner disabled /></Cell>
    </View>
  );
}

describe('the states sheet', () => {
  statesSheet('spinner', {
    sheet: () => <StatesSheet />, width: 460, height: 120,
    act: async (screen) => {
      await screen.advance(500);
    },
  });
});
