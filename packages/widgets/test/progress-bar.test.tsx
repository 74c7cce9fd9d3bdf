/**
 * ProgressBar: the value a person sees and hears, the indeterminate sweep (frames only while
 * mounted, shown and motion allowed), bad ranges, disabled, and the states sheet in both themes.
 */
import { describe, expect, it } from 'vitest';
import { Show, Text, View, setReducedMotion, signal, type Child } from '@planar/toolkit';
import { type RenderOptions, type Screen } from '@planar/toolkit/testing';
import { ProgressBar, lightTheme, useTheme } from '../src/index.js';
import { recordFrames, renderThemed, rgb, statesSheet } from './harness.js';

async function mount(root: () => Child, options: RenderOptions = {}) {
  const errors: Error[] = [];
  const screen = await renderThemed(root, { width: 320, height: 120, onError: (e) => errors.push(e), ...options });
  return { screen, frames: recordFrames(screen), errors };
}

/** The colour along the track at `fraction` of its width (the track is the bar's last 6 px). */
function trackAt(screen: Screen, name: string, fraction: number) {
  const box = screen.find(screen.getByRole('progressbar', { name }));
  return screen.pixel(Math.round(box.x + 3 + (box.width - 6) * fraction), Math.round(box.y + box.height - 3));
}

describe('a determinate bar', () => {
  it('fills the track as far as its value and says the value', async () => {
    const percent = signal(40);
    const { screen } = await mount(() => <ProgressBar label="Updating firmware" value={percent} showValue />);
    const bar = screen.getByRole('progressbar', { name: 'Updating firmware' });
    expect(bar).toHaveValue({ now: 40, min: 0, max: 100, text: '40%' });
    expect(screen.getByText('40%')).toBeVisible();
    expect(trackAt(screen, 'Updating firmware', 0.3)).toEqual(rgb(lightTheme.colors.primary));
    expect(trackAt(screen, 'Updating firmware', 0.5)).toEqual(rgb(lightTheme.colors.secondaryContainer));

    percent.value = 75;
    await screen.flush();
    expect(bar).toHaveValue({ now: 75, text: '75%' });
    expect(trackAt(screen, 'Updating firmware', 0.7)).toEqual(rgb(lightTheme.colors.primary));
  });

  it('takes its own range and value text', async () => {
    const { screen } = await mount(() => (
      <ProgressBar label="Photos" min={0} max={12} value={3} formatValue={(v) => `${v} of 12 photos`} showValue />
    ));
    expect(screen.getByRole('progressbar', { name: 'Photos' })).toHaveValue({ now: 3, min: 0, max: 12, text: '3 of 12 photos' });
    expect(trackAt(screen, 'Photos', 0.2)).toEqual(rgb(lightTheme.colors.primary));
    expect(trackAt(screen, 'Photos', 0.3)).toEqual(rgb(lightTheme.colors.secondaryContainer));
  });

  it('asks for no frames while its value stays the same', async () => {
    const { screen, frames } = await mount(() => <ProgressBar label="Copying" value={50} />);
    await screen.advance(1000);
    expect(frames).toHaveLength(0);
  });

  it('reports a value outside its range, naming the widget, prop and value, and shows it clamped', async () => {
    const { screen, errors } = await mount(() => <ProgressBar label="Battery" value={150} />);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/ProgressBar.*value = 150: must be between min \(0\) and max \(100\); using 100/)]);
    expect(screen.getByRole('progressbar', { name: 'Battery' })).toHaveValue({ now: 100 });
    expect(trackAt(screen, 'Battery', 0.98)).toEqual(rgb(lightTheme.colors.primary));
  });

  it('reports a max not above min and draws with a range of one', async () => {
    const { screen, errors } = await mount(() => <ProgressBar label="Level" min={10} max={10} value={10} />);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/ProgressBar.*max = 10: must be greater than min \(10\); using 11/)]);
    expect(screen.getByRole('progressbar', { name: 'Level' })).toHaveValue({ now: 10, min: 10, max: 11 });
  });

  it('is disabled for semantics and drawn quieter', async () => {
    const { screen } = await mount(() => <ProgressBar label="Sync" value={60} disabled />);
    const bar = screen.getByRole('progressbar', { name: 'Sync' });
    expect(bar).toBeDisabled();
    expect(trackAt(screen, 'Sync', 0.3)).not.toEqual(rgb(lightTheme.colors.primary));
  });
});

describe('an indeterminate bar', () => {
  it('has no value, and its segment sweeps along the track on the app clock', async () => {
    const { screen, frames } = await mount(() => <ProgressBar label="Searching" indeterminate />);
    const bar = screen.getByRole('progressbar', { name: 'Searching' });
    expect(bar.value).toBeUndefined();
    const primary = rgb(lightTheme.colors.primary);
    const lit = () => [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => trackAt(screen, 'Searching', f)).map((p) => p.join() === primary.join());
    await screen.advance(400);
    const early = lit();
    await screen.advance(800);
    const later = lit();
    expect(early).toContain(true);
    expect(later).toContain(true);
    expect(later).not.toEqual(early);
    expect(frames.length).toBeGreaterThan(40);
  });

  it('stops asking for frames when unmounted', async () => {
    const shown = signal(true);
    const { screen, frames } = await mount(() => <Show when={shown}><ProgressBar label="Searching" indeterminate /></Show>);
    await screen.advance(200);
    shown.value = false;
    await screen.flush();
    const count = frames.length;
    await screen.advance(2000);
    expect(frames.length).toBe(count);
  });

  it('stops while hidden and resumes when shown again', async () => {
    const display = signal<'flex' | 'none'>('flex');
    const { screen, frames } = await mount(() => (
      <View style={{ display }}><ProgressBar label="Searching" indeterminate /></View>
    ));
    await screen.advance(200);
    display.value = 'none';
    await screen.advance(100);
    const count = frames.length;
    await screen.advance(3000);
    expect(frames.length).toBe(count);

    display.value = 'flex';
    await screen.advance(1000);
    expect(frames.length).toBeGreaterThan(count + 20);
  });

  it('stands still under reduced motion, filling the track at half strength', async () => {
    setReducedMotion(true);
    const { screen, frames } = await mount(() => <ProgressBar label="Searching" indeterminate />);
    await screen.advance(1000);
    expect(frames).toHaveLength(0);
    const [a, b] = [trackAt(screen, 'Searching', 0.1), trackAt(screen, 'Searching', 0.9)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(rgb(lightTheme.colors.secondaryContainer));

    setReducedMotion(false);
    await screen.advance(500);
    expect(frames.length).toBeGreaterThan(20);
  });
});

function StatesSheet() {
  const theme = useTheme();
  const Row = (props: { name: string; children: Child }) => (
    <View style={{ flexDirection: 'row', alignItems: 'center', gap: 12 }}>
      <Text style={{ ...theme.typography('labelMedium'), width: 110, color: () => theme.colors.onSurfaceVariant }}>{props.name}</Text>
      <View style={{ width: 240 }}>{props.children}</View>
    </View>
  );
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 14, backgroundColor: () => theme.colors.surface }}>
      <Row name="empty"><ProgressBar label="Download" value={0} showValue /></Row>
      <Row name="40%"><ProgressBar label="Download" value={40} showValue /></Row>
      <Row name="full"><ProgressBar label="Download" value={100} showValue /></Row>
      <Row name="no label"><ProgressBar value={65} /></Row>
      <Row name="indeterminate"><ProgressBar label="Searching" indeterminate /></Row>
      <Row name="disabled"><ProgressBar label="Download" value={40} showValue disabled /></Row>
    </View>
  );
}

describe('the states sheet', () => {
  statesSheet('progress-bar', {
    sheet: () => <StatesSheet />, width: 400, height: 280,
    act: async (screen) => {
      // A fixed point of the sweep, on the virtual clock.
      await screen.advance(500);
    },
  });
});
