/**
 * Input through a real compositor: the injector's virtual pointer and keyboard are devices on
 * sway's seat, so the app gets wl_pointer and wl_keyboard events exactly as from hardware,
 * and through the backend's seat translation the toolkit's pointer, key and text events.
 *
 * A tap on the demo's first device tile must toggle it: the app then equals the headless
 * render after the same tap, pixel for pixel, and the tile's pixels changed. Keys typed at a
 * focused view must arrive as W3C keys and codes with the modifiers held, and text as text.
 * A held key repeats (key and text) with the delay and rate sway announces in
 * wl_keyboard.repeat_info — set here through its IPC to values unlike the defaults — and stops
 * when released; the delay and interval seen are figures (wayland.key_repeat.*), since timers
 * on a shared CPU run late.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { View, type KeyEvent, type KeyRepeater } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { crop, type Image } from './images.js';
import { diffImages, imageReport, within } from './compare.js';
import { startSway, type Sway } from './compositor.js';
import { median, recordFigures } from './figures.js';
import { e2eGate, missingFor } from './gate.js';
import { KEY, keyOfChar, startInjector, type Injector } from './injector.js';
import { waitFor } from './processes.js';
import { appImage, appShows, openApp, openDemo, renderDemo, showsOnScreen, untilShown, type WaylandApp } from './wayland-app.js';

const skip = e2eGate('wayland: input on sway', missingFor(['sway', 'grim', 'injector']));

describe.skipIf(skip)('input through sway', () => {
  let sway: Sway | undefined;
  let injector: Injector | undefined;
  let opened: WaylandApp | undefined;

  beforeAll(async () => {
    sway = await startSway({ width: 800, height: 480 });
    injector = await startInjector(sway.env);
  });

  afterEach(async () => {
    await opened?.app.close();
    opened = undefined;
  });

  afterAll(async () => {
    await injector?.stop();
    await sway?.stop();
  });

  it('a tap on the Ceiling light tile turns it on, as the same tap does headless', async () => {
    const screen = await renderDemo(800, 480);
    const tile = screen.find({ testId: 'tile-kitchen-light' });
    const before = screen.pixels();
    await screen.tap({ testId: 'tile-kitchen-light' });
    const after: Image = screen.pixels();
    expect(screen.text({ testId: 'tile-kitchen-light-state' })).toBe('On');
    await screen.dispose();

    const demo = await openDemo(sway!);
    opened = demo;
    expect(demo.model.device('kitchen-light').on.value).toBe(false);
    expect(imageReport('the demo before the tap', before, await appImage(demo.app))).toBeNull();
    await untilShown(sway!, demo.app);

    await injector!.tap(tile.x + tile.width / 2, tile.y + tile.height / 2);
    await waitFor('the tap to turn the Ceiling light on', () => demo.model.device('kitchen-light').on.value);
    expect(await appShows(demo.app, 'app.screenshot() after the tap vs headless after the tap', after)).toBeNull();

    const changed = diffImages(before, after);
    expect(within(tile, changed.box!), `the tile ${JSON.stringify(tile)} lies inside the changed area ${JSON.stringify(changed.box)}`).toBe(true);
    expect(diffImages(crop(before, tile), crop(after, tile)).differing, 'pixels changed inside the tile').toBeGreaterThan(tile.width * tile.height / 4);
    expect(await showsOnScreen(sway!, 'sway (grim) after the tap vs headless after the tap', after)).toBeNull();
  });

  it('keys and text reach the focused view with W3C keys, codes and modifiers', async () => {
    const keys: Pick<KeyEvent, 'key' | 'code' | 'shift' | 'ctrl' | 'alt' | 'meta'>[] = [];
    const text: string[] = [];
    const pressed = () => keys.filter((k) => !['Shift', 'Control', 'Alt', 'Meta'].includes(k.key));
    const plain = { shift: false, ctrl: false, alt: false, meta: false };
    let focused = false;
    const field = { x: 100, y: 100, width: 300, height: 80 };
    const root = () => jsx(View, {
      style: { width: 800, height: 480, padding: 100, backgroundColor: '#182028' },
      children: jsx(View, {
        testId: 'field',
        focusable: true,
        onFocus: () => { focused = true; },
        onKeyDown: (e: KeyEvent) => keys.push({ key: e.key, code: e.code, shift: e.shift, ctrl: e.ctrl, alt: e.alt, meta: e.meta }),
        onTextInput: (e: { text: string }) => text.push(e.text),
        style: { width: field.width, height: field.height, backgroundColor: '#e0e4e8', borderRadius: 8 },
      }),
    });
    opened = await openApp(sway!, root);
    await untilShown(sway!, opened.app);

    await injector!.tap(field.x + field.width / 2, field.y + field.height / 2);
    await waitFor('the field to take focus from the tap', () => focused);

    await injector!.type('aB1');
    await injector!.key(KEY.Enter);
    await injector!.withModifiers(['shift'], () => injector!.key(KEY.Tab));
    await injector!.withModifiers(['ctrl'], () => injector!.key(keyOfChar('a')!.code));
    await waitFor('six key presses to arrive', () => pressed().length >= 6);

    expect(pressed()).toEqual([
      { key: 'a', code: 'KeyA', ...plain },
      { key: 'B', code: 'KeyB', ...plain, shift: true },
      { key: '1', code: 'Digit1', ...plain },
      { key: 'Enter', code: 'Enter', ...plain },
      { key: 'Tab', code: 'Tab', ...plain, shift: true },
      { key: 'a', code: 'KeyA', ...plain, ctrl: true },
    ]);
    expect(text.join(''), 'text: Enter, Tab and Ctrl+A type nothing').toBe('aB1');
    expect(keys.filter((k) => k.key === 'Shift').length, 'the Shift key itself is a key press too').toBe(2);
  });

  it('a held key repeats with the delay and rate sway announces, and stops when released', async () => {
    await sway!.swaymsg(['input', 'type:keyboard', 'repeat_delay', '250']);
    await sway!.swaymsg(['input', 'type:keyboard', 'repeat_rate', '40']);
    const keys: { type: 'down' | 'up'; at: number; repeat: boolean }[] = [];
    const text: string[] = [];
    opened = await openApp(sway!, () => jsx(View, {
      focusable: true,
      onKeyDown: (e: KeyEvent) => keys.push({ type: 'down', at: performance.now(), repeat: e.repeat }),
      onKeyUp: (e: KeyEvent) => keys.push({ type: 'up', at: performance.now(), repeat: e.repeat }),
      onTextInput: (e: { text: string }) => text.push(e.text),
      style: { width: 800, height: 480, backgroundColor: '#203040' },
    }));
    await untilShown(sway!, opened.app);
    await injector!.tap(400, 240);
    // The timing of repeats is the machine's (timers on a busy CPU run late), so the settings the
    // backend took from wl_keyboard.repeat_info are checked as values, and the intervals seen
    // become figures.
    const { repeater } = (opened.display as unknown as { seat: { repeater: KeyRepeater } }).seat;
    expect({ delay: repeater.delay, rate: repeater.rate }, 'the key repeat settings sway announced').toEqual({ delay: 250, rate: 40 });

    const x = keyOfChar('x')!.code;
    const repeats = () => keys.filter((k) => k.repeat);
    await injector!.keyDown(x);
    await waitFor('three repeats of the held key', () => repeats().length >= 3, { timeoutMs: 10_000 });
    await injector!.keyUp(x);
    await waitFor('the key\'s release', () => keys.some((k) => k.type === 'up'), { timeoutMs: 10_000 });
    // Ten repeat intervals: a repeater left running would have sent more by then.
    await new Promise((r) => setTimeout(r, 10 * 1000 / 40));

    const up = keys.findIndex((k) => k.type === 'up');
    expect(keys[0], 'the press itself is not a repeat').toMatchObject({ type: 'down', repeat: false });
    expect(keys.slice(1, up).every((k) => k.type === 'down' && k.repeat), 'between the press and the release: only repeats').toBe(true);
    expect(keys.slice(up + 1), 'key events after the release').toEqual([]);
    expect(new Set(text)).toEqual(new Set(['x']));
    expect(text.length, 'a text event with every press and repeat').toBe(up);

    const held = repeats();
    const intervals = held.slice(1).map((k, i) => k.at - held[i]!.at);
    recordFigures({
      'wayland.key_repeat.delay.ms': { value: Math.round((held[0]!.at - keys[0]!.at) * 10) / 10, unit: 'ms' },
      'wayland.key_repeat.interval.ms': { value: Math.round(median(intervals) * 10) / 10, unit: 'ms' },
    });
  });
});
