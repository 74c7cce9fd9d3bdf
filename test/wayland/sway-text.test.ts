/**
 * Text entry through a real compositor, on sway: compose sequences and the system clipboard.
 *
 * The injector's keyboard has the us(intl) layout here, whose apostrophe key is dead_acute.
 * At a focused view, apostrophe then e must arrive as the accent shown as a composition, then
 * one text event "é"; apostrophe then q must type nothing at all (xkbcommon cancels the
 * sequence and drops the q), and the next key types itself.
 *
 * With no input method running, enabling the system text input (zwp_text_input_v3) must leave
 * keys and dead keys typing as before.
 *
 * The clipboard both ways, with wl-clipboard's programs as the other end: a press on a view
 * whose handler writes to `display.clipboard` must make wl-paste print that text (and list
 * the three text types it is offered under); text wl-copy sets must be what the app reads.
 * The texts carry non-ASCII characters, so that the UTF-8 on the way is checked too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { View, type CompositionEvent } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { startSway, type Sway } from './compositor.js';
import { e2eGate, missingFor } from './gate.js';
import { KEY, keyOfChar, startInjector, type Injector } from './injector.js';
import { launch, waitFor } from './processes.js';
import { openApp, untilShown, type WaylandApp } from './wayland-app.js';

const run = promisify(execFile);
const skip = e2eGate('wayland: text entry on sway', missingFor(['sway', 'injector', 'wl-clipboard']));

describe.skipIf(skip)('text entry through sway', () => {
  let sway: Sway | undefined;
  let injector: Injector | undefined;
  let opened: WaylandApp | undefined;

  beforeAll(async () => {
    sway = await startSway({ width: 640, height: 400 });
    injector = await startInjector(sway.env, { layout: 'us', variant: 'intl' });
  });

  afterEach(async () => {
    await opened?.app.close();
    opened = undefined;
  });

  afterAll(async () => {
    await injector?.stop();
    await sway?.stop();
  });

  /** A full-window focusable view that records what it is told; focused by a tap. */
  async function openField(onPress?: () => void) {
    const told: string[] = [];
    let focused = false;
    const composition = (e: CompositionEvent) => told.push(`${e.type.replace('composition', '')} ${e.data}`);
    opened = await openApp(sway!, () => jsx(View, {
      focusable: true,
      onFocus: () => { focused = true; },
      onPress,
      onCompositionStart: composition,
      onCompositionUpdate: composition,
      onCompositionEnd: composition,
      onTextInput: (e: { text: string }) => told.push(`text ${e.text}`),
      style: { width: 640, height: 400, backgroundColor: '#203040' },
    }));
    await untilShown(sway!, opened.app);
    await injector!.tap(320, 200);
    await waitFor('the view to take focus from the tap', () => focused);
    return told;
  }

  it('apostrophe then e on a us(intl) keyboard types é once, with the accent composing between', async () => {
    const told = await openField();
    await injector!.key(KEY.Quote);
    await waitFor('the accent to show as a composition', () => told.includes('update ´'));
    await injector!.key(keyOfChar('e')!.code);
    await waitFor('the sequence to end', () => told.some((t) => t.startsWith('end')));
    await injector!.key(keyOfChar('a')!.code);
    await waitFor('the plain a after it', () => told.includes('text a'));
    expect(told).toEqual(['start ', 'update ´', 'end é', 'text é', 'text a']);
  });

  it('apostrophe then q cancels the sequence: nothing typed, and the next key types itself', async () => {
    const told = await openField();
    await injector!.key(KEY.Quote);
    await injector!.key(keyOfChar('q')!.code);
    await injector!.key(keyOfChar('w')!.code);
    await waitFor('the w after the cancelled sequence', () => told.includes('text w'));
    expect(told).toEqual(['start ', 'update ´', 'end ', 'text w']);
  });

  it('with the system text input enabled and no input method running, keys and dead keys still type', async () => {
    // sway gives a text input its focus (enter) only while an input method runs: until then the
    // backend sends nothing, and the keyboard stays the field's input method.
    const told = await openField();
    const textInput = opened!.display.textInput;
    expect(textInput, 'sway offers zwp_text_input_manager_v3').toBeDefined();
    const state = { surroundingText: 'ab', cursor: 2, anchor: 2, contentHint: 0, contentPurpose: 0, cursorRect: { x: 10, y: 10, width: 2, height: 20 } };
    textInput!.enable(state);
    textInput!.update({ ...state, surroundingText: 'abc', cursor: 3, anchor: 1 });
    await injector!.key(KEY.Quote);
    await injector!.key(keyOfChar('e')!.code);
    await waitFor('é with the text input enabled', () => told.includes('text é'));
    textInput!.disable();
    await injector!.key(keyOfChar('x')!.code);
    await waitFor('x after it was disabled', () => told.includes('text x'));
    expect(told.filter((t) => t.startsWith('text'))).toEqual(['text é', 'text x']);
  });

  it('a press that writes the clipboard: wl-paste prints the text and lists its three text types', async () => {
    const text = 'Grüße aus Planar — 日本 🙂';
    await openField(() => opened!.display.clipboard!.writeText(text));
    // The tap that focused the view was a press too: the clipboard already holds the text.
    const fds = opened!.display.liveObjects().fds;
    const env = { ...process.env, ...sway!.env };
    const pasted = await waitFor('wl-paste to print the text', async () => {
      const { stdout } = await run('wl-paste', ['--no-newline'], { env, encoding: 'utf8', timeout: 5000 }).catch(() => ({ stdout: '' }));
      return stdout === text && stdout;
    }, { timeoutMs: 10_000, intervalMs: 200 });
    expect(pasted).toBe(text);
    const { stdout: types } = await run('wl-paste', ['--list-types'], { env, encoding: 'utf8', timeout: 5000 });
    expect(types.trim().split('\n').sort()).toEqual(['UTF8_STRING', 'text/plain', 'text/plain;charset=utf-8']);
    expect(opened!.display.liveObjects().fds, 'every pipe written to is closed').toBe(fds);
  });

  it('text wl-copy sets is what the app reads from the clipboard', async () => {
    await openField();
    const fds = opened!.display.liveObjects().fds;
    const text = 'crème brûlée\nzweite Zeile ✓';
    const copy = launch('wl-copy', 'wl-copy', ['--foreground', '--type', 'text/plain;charset=utf-8', text], { env: { ...process.env, ...sway!.env } });
    try {
      const read = await waitFor('the app to read what wl-copy set', async () => {
        const got = await opened!.display.clipboard!.readText();
        return got === text && got;
      }, { timeoutMs: 10_000, intervalMs: 200, process: copy });
      expect(read).toBe(text);
      expect(opened!.display.liveObjects().fds, 'every pipe read from is closed').toBe(fds);
    } finally {
      await copy.stop();
    }
  });
});
