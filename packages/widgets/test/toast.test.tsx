/**
 * Toast: leaves after its duration on the virtual clock and asks for no frames afterwards,
 * stacks newest at the bottom with a limit, an action that dismisses it, the alert tone, the
 * fades and slides as layer placement only, a bad duration, and the states sheet in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, setReducedMotion, type FrameStats } from '@planar/toolkit';
import { OverlayHost, TOAST_DURATION, ThemeProvider, darkTheme, lightTheme, useToast, type ThemeTokens, type ToastFunction } from '../src/index.js';
import { renderPlain } from './harness.js';
import { Page } from './overlay-page.js';

async function mount(theme: ThemeTokens = lightTheme, onError?: (e: Error) => void) {
  let toast: ToastFunction | null = null;
  function Grab() {
    toast = useToast();
    return <View />;
  }
  const screen = await renderPlain(() => (
    <ThemeProvider theme={theme}>
      <OverlayHost><Page /><Grab /></OverlayHost>
    </ThemeProvider>
  ), { width: 480, height: 320, onError });
  const frames: FrameStats[] = [];
  screen.app.on('frame', (s) => frames.push(s));
  return { screen, frames, toast: toast! };
}

/** A toast's 448x48 box, with a pixel of anti-aliasing margin at most on each side. */
const paintsOneToast = (px: number) => px >= 448 * 48 && px <= 450 * 50;

describe('toast', () => {
  it('says its message as a status and leaves after its duration on the clock, then asks for no frames', async () => {
    const { screen, frames, toast } = await mount();
    toast('Saved');
    await screen.advance(300);
    expect(screen.getByRole('status', { name: 'Saved' })).toBeVisible();
    await screen.advance(TOAST_DURATION - 400);
    expect(screen.getByRole('status', { name: 'Saved' })).toBeVisible();
    await screen.advance(400);
    await screen.advance(300);
    expect(screen.queryByRole('status')).toBeNull();
    const settled = frames.length;
    await screen.advance(5000);
    expect(frames.length).toBe(settled);
  });

  it('keeps a toast with duration 0 until it is dismissed', async () => {
    const { screen, toast } = await mount();
    const handle = toast('Updating firmware', { duration: 0 });
    await screen.advance(20_000);
    expect(screen.getByRole('status', { name: 'Updating firmware' })).toBeVisible();
    handle.dismiss();
    await screen.advance(300);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('stacks the newest at the bottom, moves the others up, and sends the oldest away past the limit', async () => {
    const { screen, toast } = await mount();
    toast('One', { testId: 'one' });
    await screen.advance(100);
    toast('Two', { testId: 'two' });
    await screen.advance(100);
    toast('Three', { testId: 'three' });
    await screen.advance(400);
    const y = (id: string) => screen.find({ testId: id }).y;
    expect(y('three')).toBe(320 - 16 - 48);
    expect(y('two')).toBe(y('three') - 56);
    expect(y('one')).toBe(y('two') - 56);

    toast('Four', { testId: 'four' });
    await screen.advance(400);
    expect(screen.getAllByRole('status').map((s) => s.name).sort()).toEqual(['Four', 'Three', 'Two']);
    expect(y('four')).toBe(320 - 16 - 48);
    expect(y('two')).toBe(y('four') - 112);
  });

  it('runs its action on a tap and leaves', async () => {
    const { screen, toast } = await mount();
    const log: string[] = [];
    toast('Schedule deleted', { action: { label: 'Undo', onPress: () => log.push('undo') } });
    await screen.advance(300);
    await screen.tap(screen.getByRole('button', { name: 'Undo' }));
    expect(log).toEqual(['undo']);
    await screen.advance(300);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('is an alert in the error tone', async () => {
    const { screen, toast } = await mount();
    toast('Sensor offline', { tone: 'error' });
    await screen.advance(300);
    expect(screen.getByRole('alert', { name: 'Sensor offline' })).toBeVisible();
  });

  it('fades, slides and restacks by its layer\'s placement: only mounting paints', async () => {
    const { screen, frames, toast } = await mount();
    toast('One');
    await screen.flush();
    const first = frames.length;
    await screen.advance(300);
    toast('Two', { duration: 1000 });
    await screen.flush();
    const second = frames.length;
    await screen.advance(1500);
    const after = (from: number, to: number) => frames.slice(from, to).map((f) => f.damagedPx);
    // The frame that mounted "One" painted it; its fade and slide repainted nothing.
    expect(paintsOneToast(frames[first - 1]!.damagedPx)).toBe(true);
    expect(after(first, second - 1).length).toBeGreaterThan(5);
    expect(after(first, second - 1).every((px) => px === 0)).toBe(true);
    // "Two" came and went, "One" moved up and back down: only the frame that mounted "Two"
    // painted (its own box); removing a layer repaints nothing either.
    const painted = after(second - 1, frames.length).filter((px) => px > 0);
    expect(painted).toHaveLength(1);
    expect(paintsOneToast(painted[0]!)).toBe(true);
    expect(frames.length - second).toBeGreaterThan(20);
  });

  it('comes and goes in one frame each under reduced motion', async () => {
    setReducedMotion(true);
    const { screen, frames, toast } = await mount();
    toast('Saved', { duration: 1000 });
    await screen.flush();
    const count = frames.length;
    await screen.advance(999);
    expect(frames.length).toBe(count);
    await screen.advance(1);
    expect(screen.queryByRole('status')).toBeNull();
    expect(frames.length).toBe(count + 1);
  });

  it('reports a bad duration, naming the prop and value, and uses the default', async () => {
    const errors: string[] = [];
    const { screen, toast } = await mount(lightTheme, (e) => errors.push(e.message));
    toast('Saved', { duration: -5 });
    await screen.advance(300);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/toast\.duration/);
    expect(errors[0]).toMatch(/-5/);
    await screen.advance(TOAST_DURATION - 600);
    expect(screen.getByRole('status', { name: 'Saved' })).toBeVisible();
    await screen.advance(600);
    expect(screen.queryByRole('status')).toBeNull();
  });

  for (const theme of [lightTheme, darkTheme]) {
    it(`draws its states in the ${theme.name} theme: plain, with an action (key-focused), the error tone, stacked`, async () => {
      const { screen, toast } = await mount(theme);
      toast('Saved');
      toast('Schedule deleted', { action: { label: 'Undo', onPress: () => {} } });
      toast('Sensor offline — check the cable', { tone: 'error', action: { label: 'Retry', onPress: () => {} } });
      await screen.advance(400);
      await screen.key('Tab');
      expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
      await screen.advance(300);
      await expect(screen).toMatchImageSnapshot(`toast-states-${theme.name}`);
    });
  }
});
