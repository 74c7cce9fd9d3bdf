/**
 * When the on-screen keyboard shows and what showing it costs: a focused text field brings it
 * up unless a physical keyboard is there, a tap outside sends it away, the app is told how
 * much of the screen it covers and the field is scrolled above it, the slide repaints nothing
 * on a plane, and the QWERTY and Arabic layouts as they look.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, useViewportInsets, type ViewportInsets } from '@planar/toolkit';
import { OnScreenKeyboard, ScrollView, TextField, KEYBOARD_LONG_PRESS_MS, KEYBOARD_SLIDE_MS, darkTheme, type KeyboardMode } from '../src/index.js';
import { checkLeaks } from '@planar/toolkit/testing';
import { Field, fieldLog, mountForm, tapKeys } from './keyboard-harness.js';
import { recordFrames, renderThemed } from './harness.js';

/** The keyboard's height at 800x480: four rows of 48 px keys, 6 px apart, in 4 px of padding. */
const HEIGHT = 4 * (48 + 6) + 2 * 4;
/** A point on the form's empty area, above the keyboard. */
const ABOVE_KEYBOARD = { x: 400, y: 480 - HEIGHT - 20 };

describe('OnScreenKeyboard', () => {
  it('slides up for a focused field and down when focus leaves it', async () => {
    const { screen } = await mountForm();
    expect(screen.queryByRole('keyboard')).toBeNull();
    await screen.tap({ testId: 'name' });
    expect(screen.getByRole('keyboard')).toBeVisible();
    await screen.advance(KEYBOARD_SLIDE_MS / 2);
    const halfway = screen.find({ testId: 'keyboard' });
    expect(halfway.y).toBeGreaterThan(480 - HEIGHT);
    expect(halfway.y).toBeLessThan(480);
    await screen.advance(KEYBOARD_SLIDE_MS / 2);
    expect(screen.find({ testId: 'keyboard' })).toEqual({ x: 0, y: 480 - HEIGHT, width: 800, height: HEIGHT });
    expect(screen.find(screen.getByRole('button', { name: 'q' })).height, 'keys a finger can hit').toBeGreaterThanOrEqual(48);

    await screen.tap(ABOVE_KEYBOARD);
    expect(screen.getByRole('textbox', { name: 'name' })).not.toHaveFocus();
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(screen.queryByRole('keyboard')).toBeNull();
  });

  it('types into TextFields: letters, Backspace and Enter with the field\'s hint, then a PIN', async () => {
    const ssid = signal('');
    const pin = signal('');
    const submitted: string[] = [];
    const screen = await renderThemed(() => (
      <View style={{ width: '100%', height: '100%', padding: 16, gap: 8 }}>
        <TextField label="Network name" value={ssid} onChange={(v) => (ssid.value = v)} enterKeyHint="go" onSubmit={(v) => submitted.push(v)} />
        <TextField label="PIN" inputMode="pin" maxLength={4} value={pin} onChange={(v) => (pin.value = v)} />
        <OnScreenKeyboard />
      </View>
    ), { width: 800, height: 480 });
    await screen.tap(screen.getByRole('textbox', { name: 'Network name' }));
    await screen.advance(KEYBOARD_SLIDE_MS);
    await tapKeys(screen, 'homes');
    await screen.tap(screen.getByRole('button', { name: 'Backspace' }));
    expect(screen.text(screen.getByRole('button', { name: 'Enter' }))).toBe('Go');
    await screen.tap(screen.getByRole('button', { name: 'Enter' }));
    expect(ssid.value).toBe('home');
    expect(submitted).toEqual(['home']);
    expect(screen.getByRole('textbox', { name: 'Network name' })).toHaveFocus();

    await screen.tap(screen.getByRole('textbox', { name: 'PIN' }));
    await tapKeys(screen, '12345');
    expect(pin.value, 'the field keeps four').toBe('1234');
  });

  it('stays up and keeps the field focused on a tap outside when told not to dismiss', async () => {
    const { screen, fields } = await mountForm({ dismissOnOutsideTap: false });
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    await screen.tap(ABOVE_KEYBOARD);
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(screen.getByRole('textbox', { name: 'name' })).toHaveFocus();
    await tapKeys(screen, 'ok');
    expect(fields.name.text.value).toBe('ok');
    // Focus moved to another field is not a dismissal: the keyboard follows it.
    await screen.tap({ testId: 'pin' });
    expect(screen.getByRole('keyboard', { name: 'PIN keyboard' })).toBeVisible();
  });

  it('stays away while a physical keyboard is connected in auto mode, and follows the mode', async () => {
    const mode = signal<KeyboardMode>('auto');
    const { screen } = await mountForm({ mode });
    screen.display.plug('keyboard', true);
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(screen.queryByRole('keyboard')).toBeNull();
    screen.display.plug('keyboard', false);
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(screen.getByRole('keyboard')).toBeVisible();
    screen.display.plug('keyboard', true);
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(screen.queryByRole('keyboard'), 'plugged in while shown').toBeNull();
    mode.value = 'always';
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(screen.getByRole('keyboard')).toBeVisible();
    mode.value = 'never';
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(screen.queryByRole('keyboard')).toBeNull();
  });

  it('sets the bottom inset to its height while shown and scrolls the field above it', async () => {
    let insets: { value: ViewportInsets } = { value: { top: 0, right: 0, bottom: 0, left: 0 } };
    const log = fieldLog();
    const screen = await renderThemed(() => {
      insets = useViewportInsets();
      return (
        <View style={() => ({ width: '100%', height: '100%', paddingBottom: insets.value.bottom })}>
          <ScrollView label="Form" style={{ flexGrow: 1 }} contentStyle={{ padding: 16, gap: 8 }}>
            <View style={{ height: 360 }} />
            <Field testId="city" log={log} />
          </ScrollView>
          <OnScreenKeyboard />
        </View>
      );
    }, { width: 800, height: 480 });
    await screen.tap({ testId: 'city' });
    await screen.advance(KEYBOARD_SLIDE_MS + 400);
    expect(insets.value.bottom).toBe(HEIGHT);
    const field = screen.find({ testId: 'city' });
    expect(field.y + field.height, 'the field ends above the keyboard').toBeLessThanOrEqual(480 - HEIGHT);
    expect(field.y).toBeGreaterThanOrEqual(0);

    await screen.tap({ x: 400, y: 10 });
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(insets.value.bottom).toBe(0);
  });

  it('repaints nothing of the app while it slides in on a plane: one paint of its own, then none', async () => {
    const { screen } = await mountForm();
    const frames = recordFrames(screen);
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS + 100);
    expect(screen.planeOf('keyboard'), screen.whyComposited('keyboard') ?? '').not.toBeNull();
    const painted = frames.filter((f) => f.damagedPx > 0);
    // The field's tap may show its focus; the keyboard's own surface is painted once, whole.
    expect(painted.map((f) => f.damagedPx)).toEqual([800 * HEIGHT]);
    expect(frames.length, 'frames of the slide').toBeGreaterThan(5);
    expect(frames.every((f) => f.composedPx === 0)).toBe(true);
    const settled = frames.length;
    await screen.advance(1000);
    expect(frames.length, 'idle once up').toBe(settled);
  });

  it('stays up, repainting nothing, while focus moves between fields of one kind', async () => {
    const screen = await renderThemed(() => (
      <View style={{ width: '100%', height: '100%', padding: 16, gap: 8 }}>
        <Field testId="first" log={fieldLog()} />
        <Field testId="second" log={fieldLog()} />
        <OnScreenKeyboard />
      </View>
    ), { width: 800, height: 480, planes: 'pi5' });
    await screen.tap({ testId: 'first' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    const frames = recordFrames(screen);
    await screen.tap({ testId: 'second' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(screen.getByRole('textbox', { name: 'second' })).toHaveFocus();
    expect(screen.find({ testId: 'keyboard' }).y).toBe(480 - HEIGHT);
    expect(frames.map((f) => f.damagedPx + f.composedPx)).toEqual(frames.map(() => 0));
  });

  it('leaves nothing behind after showing, typing an accent and hiding, again and again', async () => {
    // Damage is checked by the other tests; here its compare per commit would only slow the cycles.
    const { screen, fields } = await mountForm({}, { checkDamage: false });
    const report = await checkLeaks(async () => {
      await screen.tap({ testId: 'name' });
      await screen.advance(KEYBOARD_SLIDE_MS);
      const e = screen.getByRole('button', { name: 'e' });
      await screen.pointer.down(e, { type: 'touch' });
      await screen.advance(KEYBOARD_LONG_PRESS_MS);
      await screen.pointer.up(e, { type: 'touch' });
      await screen.tap(ABOVE_KEYBOARD);
      await screen.advance(KEYBOARD_SLIDE_MS);
    }, { cycles: 20, warmup: 3, jsHeapBytesPerCycle: 32 * 990 });
    expect(report.leaks).toEqual([]);
    expect(fields.name.text.value).toBe('é'.repeat(23));
    expect(screen.planes()).toHaveLength(1);
  });

  it('draws QWERTY as it looks', async () => {
    const { screen } = await mountForm();
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    await expect(screen).toMatchImageSnapshot('keyboard-qwerty-light');
  });

  it('draws QWERTY shifted in the dark theme', async () => {
    const { screen } = await mountForm({}, { theme: darkTheme });
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    await screen.tap(screen.getByRole('button', { name: 'Shift' }));
    await expect(screen).toMatchImageSnapshot('keyboard-qwerty-shifted-dark');
  });

  it('draws the Arabic layout right to left', async () => {
    const { screen } = await mountForm({ layouts: ['ar'] });
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    const keys = screen.getAllByRole('button').map((k) => k.name);
    expect(keys.slice(0, 3), 'read from the right').toEqual(['ج', 'ح', 'خ']);
    await expect(screen).toMatchImageSnapshot('keyboard-arabic-light');
  });
});
