/**
 * The overlay manager itself: overlays stack in layers of rising zIndex, Escape reaches the
 * host with nothing focused, and opening and closing dialogs, message boxes and toasts again
 * and again leaves nothing behind.
 */
import { describe, expect, it } from 'vitest';
import { Text, View, signal } from '@planar/toolkit';
import { checkLeaks } from '@planar/toolkit/testing';
import { Dialog, Overlay, OverlayHost, useMessageBox, useToast, type MessageBoxFunction, type ToastFunction } from '../src/index.js';
import { renderPlain } from './harness.js';

describe('OverlayHost', () => {
  it('stacks each overlay opened above the last: a tap on the scrim and Escape with nothing focused close the top one', async () => {
    const first = signal(true), second = signal(false);
    const screen = await renderPlain(() => (
      <OverlayHost>
        <View style={{ flexGrow: 1 }} />
        {/* No focusable content: focus stays nowhere and keys go to the app's outermost box. */}
        <Overlay open={first} onDismiss={() => (first.value = false)} testId="first">
          <Text>First</Text>
        </Overlay>
        <Overlay open={second} onDismiss={() => (second.value = false)} testId="second">
          <Text>Second</Text>
        </Overlay>
      </OverlayHost>
    ), { width: 200, height: 120 });
    await screen.advance(300);
    second.value = true;
    await screen.advance(300);
    // Both cover the output; a tap on the scrim reaches the later one, which is above.
    await screen.tap({ x: 4, y: 4 });
    expect([first.value, second.value]).toEqual([true, false]);
    await screen.advance(300);
    second.value = true;
    await screen.advance(300);
    await screen.key('Escape');
    expect([first.value, second.value]).toEqual([true, false]);
    await screen.advance(300);
    await screen.key('Escape');
    expect(first.value).toBe(false);
  });

  it('leaves nothing behind after dialogs, message boxes and toasts open and close many times', async () => {
    const open = signal(false);
    let ask: MessageBoxFunction | null = null;
    let toast: ToastFunction | null = null;
    function Grab() {
      ask = useMessageBox();
      toast = useToast();
      return <View />;
    }
    const screen = await renderPlain(() => (
      <OverlayHost>
        <Grab />
        <Dialog open={open} title="Display" message="Brightness follows the room." />
      </OverlayHost>
    ), { width: 320, height: 200, checkDamage: false });
    const report = await checkLeaks(async () => {
      open.value = true;
      await screen.advance(250);
      await screen.key('Escape');
      await screen.advance(250);
      const answer = ask!({ title: 'Restart?', buttons: ['Cancel', 'Restart'] });
      await screen.advance(250);
      await screen.tap(screen.getByRole('button', { name: 'Restart' }));
      await answer;
      toast!('Saved', { duration: 500 });
      await screen.advance(1000);
    }, { cycles: 20, warmup: 3, jsHeapBytesPerCycle: 32 * 990 });
    expect(report.leaks).toEqual([]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
