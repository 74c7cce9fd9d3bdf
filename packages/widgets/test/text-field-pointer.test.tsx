/**
 * TextField by touch and on the clock: taps place the caret, double and triple taps select a
 * word and everything, a drag selects, a long press selects a word and shows handles that drag
 * the selection's ends; the field scrolls to keep the caret in view; the caret blinks only
 * while the field has focus (an idle or blurred field draws no frames); nothing is left behind.
 */
import { describe, expect, it } from 'vitest';
import { Show, View, signal } from '@planar/toolkit';
import { checkLeaks } from '@planar/toolkit/testing';
import { CARET_BLINK, TextField, lightTheme } from '../src/index.js';
import { rgb } from './harness.js';
import { beside, caretColumns, mountForm, wordsOf } from './text-harness.js';

const touch = { type: 'touch' } as const;

describe('TextField: touch', () => {
  it('places the caret where a tap lands', async () => {
    const { screen } = await mountForm(() => <TextField label="Rooms" defaultValue="hall kitchen attic" />);
    const rooms = screen.getByRole('textbox', { name: 'Rooms' });
    const b = screen.find(rooms);
    const [, kitchen] = wordsOf(screen, rooms);
    await screen.tap(beside(kitchen!, 'before', b.y + b.height / 2));
    await screen.type('big ');
    expect(rooms).toHaveValue('hall big kitchen attic');
    await screen.tap({ x: b.x + b.width - 10, y: b.y + b.height / 2 });
    await screen.type('s');
    expect(rooms).toHaveValue('hall big kitchen attics');
  });

  it('selects a word on a double tap and everything on a triple tap', async () => {
    const { screen } = await mountForm(() => <TextField label="Rooms" defaultValue="hall kitchen attic" />);
    const rooms = screen.getByRole('textbox', { name: 'Rooms' });
    const b = screen.find(rooms);
    const y = b.y + b.height / 2;
    const [, kitchen] = wordsOf(screen, rooms);
    await screen.tap({ x: kitchen!.centre, y });
    await screen.tap({ x: kitchen!.centre, y });
    await screen.type('study');
    expect(rooms).toHaveValue('hall study attic');

    await screen.advance(400);
    for (let i = 0; i < 3; i++) await screen.tap({ x: kitchen!.centre, y });
    await screen.type('garage');
    expect(rooms).toHaveValue('garage');
  });

  it('selects what a drag along the line passes over', async () => {
    const { screen } = await mountForm(() => <TextField label="Rooms" defaultValue="hall kitchen attic" />);
    const rooms = screen.getByRole('textbox', { name: 'Rooms' });
    const y = screen.find(rooms).y + screen.find(rooms).height / 2;
    const [hall, , attic] = wordsOf(screen, rooms);
    const from = beside(hall!, 'after', y);
    await screen.drag(from, { dx: beside(attic!, 'before', y).x - from.x }, { hold: 100 });
    await screen.type(' ');
    expect(rooms).toHaveValue('hall attic');
  });

  it('selects a word on a long press, with handles that move its ends', async () => {
    const { screen } = await mountForm(() => <TextField label="Rooms" defaultValue="hall kitchen attic" />);
    const rooms = screen.getByRole('textbox', { name: 'Rooms' });
    const b = screen.find(rooms);
    const y = b.y + b.height / 2;
    const [, kitchen, attic] = wordsOf(screen, rooms);
    await screen.pointer.down({ x: kitchen!.centre, y }, touch);
    await screen.advance(600);
    await screen.pointer.up({ x: kitchen!.centre, y }, touch);
    // Two knobs in the primary colour hang under the word's ends, inside the box.
    const knobs = caretColumns(screen, rooms, b.y + b.height - 6);
    expect(knobs.length).toBeGreaterThan(0);
    expect(Math.min(...knobs)).toBeLessThan(kitchen!.start + 2);
    expect(Math.max(...knobs)).toBeGreaterThan(kitchen!.end - 2);
    // The knob at the end is dragged past "attic": the selection grows to it.
    const knob = { x: Math.max(...knobs) - 3, y: b.y + b.height - 6 };
    await screen.drag(knob, { dx: attic!.end + 2 - knob.x }, { hold: 100 });
    await screen.type('loft');
    expect(rooms).toHaveValue('hall loft');
    // Typing hides the handles.
    expect(caretColumns(screen, rooms, b.y + b.height - 6)).toEqual([]);
  });
});

describe('TextField: scrolling', () => {
  it('scrolls the line to keep the caret in view, at the end and back at the start', async () => {
    const { screen } = await mountForm(() => <View style={{ width: 200 }}><TextField label="Address" /></View>, { width: 240, height: 120 });
    const address = screen.getByRole('textbox', { name: 'Address' });
    const b = screen.find(address);
    await screen.type(address, 'Unit 4, 1200 Long Harbour Road, Springfield');
    const atEnd = caretColumns(screen, address);
    expect(atEnd.length).toBeGreaterThan(0);
    expect(Math.max(...atEnd)).toBeLessThan(b.x + b.width - 8);
    expect(Math.min(...atEnd)).toBeGreaterThan(b.x + b.width - 40);
    // The line's start went out of view on the left: its first word is cut off there.
    expect(wordsOf(screen, address)[0]!.start).toBeLessThan(b.x + 10);
    await screen.key('Home');
    const atStart = caretColumns(screen, address);
    expect(Math.min(...atStart)).toBeLessThan(b.x + 20);
    expect(wordsOf(screen, address)[0]!.start).toBeGreaterThanOrEqual(b.x + 16);
  });
});

describe('TextField: caret blink', () => {
  it('blinks on the app clock only while focused: an unfocused or blurred field draws no frames', async () => {
    const { screen, frames } = await mountForm(() => (
      <View style={{ gap: 8 }}>
        <TextField label="Name" defaultValue="Ada" />
        <View testId="elsewhere" focusable style={{ height: 40, backgroundColor: '#ccc' }} />
      </View>
    ));
    const name = screen.getByRole('textbox', { name: 'Name' });
    await screen.advance(3000);
    expect(frames).toEqual([]);

    await screen.tap(name);
    expect(caretColumns(screen, name).length).toBeGreaterThan(0);
    frames.length = 0;
    await screen.advance(CARET_BLINK.periodMs * 3);
    // Off, on, off: a frame each, each repainting only the caret.
    expect(frames.length).toBe(3);
    for (const f of frames) expect(f.damagedPx).toBeLessThanOrEqual(4 * 30);
    expect(caretColumns(screen, name)).toEqual([]);
    await screen.type('!');
    expect(caretColumns(screen, name).length).toBeGreaterThan(0);

    await screen.tap({ testId: 'elsewhere' });
    expect(caretColumns(screen, name)).toEqual([]);
    frames.length = 0;
    await screen.advance(3000);
    expect(frames).toEqual([]);
  });

  it('stops blinking, caret shown, after a while without edits', async () => {
    const { screen, frames } = await mountForm(() => <TextField label="Name" />);
    const name = screen.getByRole('textbox', { name: 'Name' });
    await screen.tap(name);
    await screen.advance(CARET_BLINK.timeoutMs + 2 * CARET_BLINK.periodMs);
    frames.length = 0;
    await screen.advance(3000);
    expect(frames).toEqual([]);
    const caret = caretColumns(screen, name);
    expect(caret.length).toBeGreaterThan(0);
    expect(screen.pixel(caret[0]!, screen.find(name).y + 24)).toEqual(rgb(lightTheme.colors.primary));
  });
});

describe('TextField: resources', () => {
  it('keeps nothing from typing, selecting and deleting', async () => {
    const { screen, frames } = await mountForm(() => <TextField label="Name" />);
    const name = screen.getByRole('textbox', { name: 'Name' });
    // The form's frame log grows by four frames a cycle; it is the test's, so it is emptied.
    // With it emptied the heap after GC is flat to within a few KiB over thousands of cycles.
    const report = await checkLeaks(async () => {
      await screen.type(name, 'ab');
      await screen.key('ArrowLeft', { shift: true });
      await screen.key('Backspace');
      await screen.key('Backspace');
      frames.length = 0;
    }, { cycles: 400, warmup: 40, jsHeapBytesPerCycle: 128 });
    expect(report.leaks).toEqual([]);
  }, 120_000);

  it('frees its nodes and drawing objects when unmounted', async () => {
    const shown = signal(true);
    const { screen } = await mountForm(() => (
      <Show when={shown}>{() => <TextField label="Name" password defaultValue="secret" />}</Show>
    ));
    const report = await checkLeaks(async () => {
      shown.value = false;
      await screen.flush();
      shown.value = true;
      await screen.flush();
      await screen.type(screen.getByRole('textbox', { name: 'Name' }), 'ab');
    }, { cycles: 30, warmup: 5, jsHeapBytesPerCycle: Infinity });
    // The heap is left to the test above: mounting any widget and moving focus grow it by
    // several hundred bytes a cycle in the toolkit itself (a Switch as much), which 30 cycles
    // cannot tell from noise.
    expect(report.leaks).toEqual([]);
  }, 120_000);
});
