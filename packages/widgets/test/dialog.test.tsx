/**
 * Dialog on the overlay manager: opened with keys alone, focus trapped and given back, Escape
 * and a tap on the scrim, controlled and uncontrolled, the fade as layer placement only,
 * reduced motion, a bad title, and the states sheet in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, setReducedMotion, signal, type Child, type FrameStats, type Signal } from '@planar/toolkit';
import { type RenderOptions, type Screen } from '@planar/toolkit/testing';
import { Button, Dialog, DialogAction, OverlayHost, ThemeProvider, darkTheme, lightTheme, type ThemeTokens } from '../src/index.js';
import { recordFrames, renderPlain } from './harness.js';
import { Page } from './overlay-page.js';


async function mount(root: () => Child, options: RenderOptions = {}): Promise<{ screen: Screen; frames: FrameStats[] }> {
  const screen = await renderPlain(root, { width: 480, height: 320, ...options });
  return { screen, frames: recordFrames(screen) };
}

/** A settings page with a "Restart…" button that opens a confirmation dialog. */
function RestartPage(props: { open?: Signal<boolean>; dismissible?: boolean; onOpenChange?: (open: boolean) => void; log?: string[] }) {
  const open = props.open ?? signal(false);
  return (
    <ThemeProvider theme={lightTheme}>
      <OverlayHost>
        <View style={{ padding: 16, gap: 8, flexDirection: 'row' }}>
          <Button label="Wi-Fi" variant="tonal" />
          <Button label="Restart…" variant="tonal" onPress={() => (open.value = true)} />
        </View>
        <Dialog open={open} onOpenChange={props.onOpenChange} dismissible={props.dismissible} title="Restart panel?" actions={<>
          <DialogAction label="Cancel" />
          <DialogAction label="Restart" look="filled" onPress={() => props.log?.push('restart')} />
        </>} message="The screen goes dark for about 20 seconds." />
      </OverlayHost>
    </ThemeProvider>
  );
}

describe('Dialog', () => {
  it('opens with keys alone, keeps Tab inside, closes on Escape and gives focus back', async () => {
    const { screen } = await mount(() => <RestartPage />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await screen.key('Tab');
    await screen.key('Tab');
    const trigger = screen.getByRole('button', { name: 'Restart…' });
    expect(trigger).toHaveFocus();
    await screen.key('Enter');
    await screen.advance(300);

    const dialog = screen.getByRole('dialog', { name: 'Restart panel?' });
    expect(dialog).toBeVisible();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const restart = screen.getByRole('button', { name: 'Restart' });
    expect(cancel).toHaveFocus();
    await screen.key('Tab');
    expect(restart).toHaveFocus();
    await screen.key('Tab');
    expect(cancel).toHaveFocus();
    await screen.key('Tab', { shift: true });
    expect(restart).toHaveFocus();

    await screen.key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    await screen.advance(300);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Restart…' })).toHaveFocus();
  });

  it('runs an action from Enter and closes', async () => {
    const log: string[] = [];
    const { screen } = await mount(() => <RestartPage log={log} />);
    await screen.key(screen.getByRole('button', { name: 'Restart…' }), 'Enter');
    await screen.advance(300);
    await screen.key('Tab');
    await screen.key('Enter');
    await screen.advance(300);
    expect(log).toEqual(['restart']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('works from an encoder alone: turns move focus inside, the push presses; a disabled action is skipped', async () => {
    const log: string[] = [];
    const { screen } = await mount(() => (
      <OverlayHost>
        <Dialog defaultOpen title="Night mode" actions={<>
          <DialogAction label="Cancel" />
          <DialogAction label="Schedule" disabled />
          <DialogAction label="Turn on" look="filled" onPress={() => log.push('on')} />
        </>} />
      </OverlayHost>
    ));
    await screen.advance(300);
    expect(screen.getByRole('button', { name: 'Schedule' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await screen.key('EncoderCW');
    expect(screen.getByRole('button', { name: 'Turn on' })).toHaveFocus();
    await screen.key('EncoderCW');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await screen.key('EncoderCCW');
    await screen.key('Enter');
    expect(log).toEqual(['on']);
    await screen.advance(300);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on a tap on the scrim, not on a tap on its panel', async () => {
    const open = signal(false);
    const changes: boolean[] = [];
    const { screen } = await mount(() => <RestartPage open={open} onOpenChange={(o) => changes.push(o)} />);
    await screen.tap(screen.getByRole('button', { name: 'Restart…' }));
    await screen.advance(300);
    await screen.tap(screen.getByText('The screen goes dark for about 20 seconds.'));
    expect(open.value).toBe(true);
    await screen.tap({ x: 8, y: 300 });
    expect(open.value).toBe(false);
    // The page opened it; the dialog asked to close.
    expect(changes).toEqual([false]);
    await screen.advance(300);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('stays open on Escape and on the scrim when not dismissible', async () => {
    const open = signal(true);
    const { screen } = await mount(() => <RestartPage open={open} dismissible={false} />);
    await screen.advance(300);
    await screen.key('Escape');
    await screen.tap({ x: 8, y: 300 });
    await screen.advance(300);
    expect(screen.getByRole('dialog', { name: 'Restart panel?' })).toBeVisible();
    await screen.tap(screen.getByRole('button', { name: 'Cancel' }));
    await screen.advance(300);
    expect(open.value).toBe(false);
  });

  it('fades in and out by the layer\'s placement: after the first paint no frame repaints a pixel, and frames stop', async () => {
    const open = signal(false);
    const { screen, frames } = await mount(() => <RestartPage open={open} />);
    open.value = true;
    await screen.flush();
    const painted = frames.length;
    expect(painted).toBeGreaterThan(0);
    await screen.advance(100);
    const layer = screen.planes().find((p) => p.opacity > 0 && p.opacity < 1);
    expect(layer, 'a layer half faded in').toBeDefined();
    await screen.advance(200);
    expect(screen.planes().some((p) => p.opacity === 1 && p.layerId !== screen.planes()[0]!.layerId)).toBe(true);
    const fadeIn = frames.slice(painted);
    expect(fadeIn.length).toBeGreaterThan(5);
    expect(fadeIn.map((f) => f.damagedPx)).toEqual(fadeIn.map(() => 0));

    const before = frames.length;
    open.value = false;
    await screen.flush();
    await screen.advance(300);
    const fadeOut = frames.slice(before);
    expect(fadeOut.length).toBeGreaterThan(5);
    // The last frame removes the layer; every frame before it only moved its alpha.
    expect(fadeOut.slice(0, -1).map((f) => f.damagedPx)).toEqual(fadeOut.slice(0, -1).map(() => 0));
    const settled = frames.length;
    await screen.advance(1000);
    expect(frames.length).toBe(settled);
  });

  it('opens and closes at once under reduced motion', async () => {
    setReducedMotion(true);
    const open = signal(false);
    const { screen, frames } = await mount(() => <RestartPage open={open} />);
    open.value = true;
    await screen.flush();
    expect(screen.getByRole('dialog', { name: 'Restart panel?' })).toBeVisible();
    const count = frames.length;
    await screen.key('Escape');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    await screen.advance(500);
    expect(frames.length).toBe(count + 1);
  });

  it('reports an empty title, naming the widget and prop, and shows "Dialog"', async () => {
    const errors: string[] = [];
    const { screen } = await mount(() => (
      <OverlayHost><Dialog defaultOpen title="" actions={<DialogAction label="OK" />} /></OverlayHost>
    ), { onError: (e) => errors.push(e.message) });
    await screen.advance(300);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/title/);
    expect(errors[0]).toMatch(/Dialog/);
    expect(screen.getByRole('dialog', { name: 'Dialog' })).toBeVisible();
  });

  it('says what to do when no OverlayHost is above it', async () => {
    const errors: string[] = [];
    await mount(() => <Dialog defaultOpen title="Lost" />, { onError: (e) => errors.push(e.message) });
    expect(errors.join('\n')).toMatch(/no <OverlayHost> above it/);
  });

  for (const theme of [lightTheme, darkTheme]) {
    it(`draws its states in the ${theme.name} theme: over the page behind the scrim, a pressed text action, a key-focused filled one`, async () => {
      const { screen } = await mount(() => <StatesSheet theme={theme} />);
      await screen.advance(300);
      // A press moves focus to Cancel; Tab then moves it on from the keys, leaving Cancel held down.
      await screen.pointer.down(screen.getByRole('button', { name: 'Cancel' }), { type: 'touch' });
      await screen.key('Tab');
      expect(screen.getByRole('button', { name: 'Restart' })).toHaveFocus();
      await screen.advance(300);   // the buttons' state colours transition
      await expect(screen).toMatchImageSnapshot(`dialog-states-${theme.name}`);
    });
  }
});

/** A page with a dialog open over it. */
function StatesSheet(props: { theme: ThemeTokens }) {
  return (
    <ThemeProvider theme={props.theme}>
      <OverlayHost>
        <Page />
        <Dialog defaultOpen title="Restart panel?" actions={<>
          <DialogAction label="Cancel" />
          <DialogAction label="Restart" look="filled" />
        </>} message="The screen goes dark for about 20 seconds." />
      </OverlayHost>
    </ThemeProvider>
  );
}
