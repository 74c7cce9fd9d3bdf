/**
 * TextArea: Enter makes a new line and Ctrl+Enter submits, lines wrap at the box's width,
 * ↑ / ↓ keep the caret's column across lines, Home / End go to the ends of the wrapped line,
 * the box scrolls to keep the caret in view, a tap on a later line places the caret there.
 */
import { describe, expect, it } from 'vitest';
import { View } from '@planar/toolkit';
import { TextArea, useTheme } from '../src/index.js';
import { statesSheet } from './harness.js';
import { caretColumns, inkRuns, mountForm } from './text-harness.js';

/** Body text's line height, logical px. */
const LINE = 24;

function lineRows(screen: Awaited<ReturnType<typeof mountForm>>['screen'], area: Parameters<typeof caretColumns>[1]) {
  const b = screen.find(area);
  // The text starts 9 px under the box's top (border and padding); each line is 24 px.
  return (k: number) => b.y + 9 + k * LINE + LINE / 2;
}

describe('TextArea', () => {
  it('starts a new line on Enter and submits on Ctrl+Enter', async () => {
    const submitted: string[] = [];
    const { screen } = await mountForm(() => <TextArea label="Message" onSubmit={(t) => submitted.push(t)} />);
    const message = screen.getByRole('textbox', { name: 'Message' });
    await screen.type(message, 'Dear installer,');
    await screen.key('Enter');
    await screen.type('the gate code is 4411.');
    expect(message).toHaveValue('Dear installer,\nthe gate code is 4411.');
    expect(submitted).toEqual([]);
    await screen.key('Enter', { ctrl: true });
    expect(submitted).toEqual(['Dear installer,\nthe gate code is 4411.']);
  });

  it('wraps long lines at the box, and Home / End go to the ends of the wrapped line', async () => {
    const { screen } = await mountForm(() => <View style={{ width: 220 }}><TextArea label="Note" /></View>, { width: 260, height: 200 });
    const note = screen.getByRole('textbox', { name: 'Note' });
    await screen.type(note, 'one two three four five six seven');
    const row = lineRows(screen, note);
    const b = screen.find(note);
    const band = (k: number) => ({ top: row(k) - 6, bottom: row(k) + 6, left: b.x + 4, right: b.x + b.width - 4 });
    expect(inkRuns(screen, band(0)).length).toBeGreaterThan(1);
    expect(inkRuns(screen, band(1)).length).toBeGreaterThan(0);
    // Home goes to the start of the second (wrapped) line, not of the text.
    await screen.key('Home');
    await screen.type('|');
    const value = note.value!.text!;
    expect(value.startsWith('one two')).toBe(true);
    expect(value.indexOf('|')).toBeGreaterThan(5);
    expect(value[value.indexOf('|') - 1]).toBe(' ');
  });

  it('moves up and down by line, keeping the column across a short line', async () => {
    const { screen } = await mountForm(() => <TextArea label="List" rows={5} />);
    const list = screen.getByRole('textbox', { name: 'List' });
    await screen.type(list, 'milk and eggs');
    await screen.key('Enter');
    await screen.type('tea');
    await screen.key('Enter');
    await screen.type('bread and jam');
    // From "bread and ja|m" (column 12): up past the short "tea" and up again, back in column 12.
    await screen.key('ArrowLeft');
    await screen.key('ArrowUp');
    await screen.key('ArrowUp');
    await screen.type('2');
    expect(list).toHaveValue('milk and egg2s\ntea\nbread and jam');
    await screen.key('ArrowDown');
    await screen.type('1');
    expect(list).toHaveValue('milk and egg2s\ntea1\nbread and jam');
    // Shift+Down selects to the line below, and from the last line to the end.
    await screen.key('ArrowDown', { shift: true });
    await screen.key('ArrowDown', { shift: true });
    await screen.key('Backspace');
    expect(list).toHaveValue('milk and egg2s\ntea1');
  });

  it('scrolls to keep the caret in view while typing past its rows, and back up with Ctrl+Home', async () => {
    const { screen } = await mountForm(() => <TextArea label="Log" rows={3} />, { width: 400, height: 200 });
    const log = screen.getByRole('textbox', { name: 'Log' });
    const b = screen.find(log);
    await screen.tap(log);
    for (let i = 1; i <= 6; i++) {
      await screen.type(`line ${i}`);
      if (i < 6) await screen.key('Enter');
    }
    const row = lineRows(screen, log);
    // The caret is on the box's last visible row.
    expect(caretColumns(screen, log, row(2)).length).toBeGreaterThan(0);
    expect(b.height).toBe(3 * LINE + 2 * 9);
    await screen.key('Home', { ctrl: true });
    expect(caretColumns(screen, log, row(0)).length).toBeGreaterThan(0);
    await screen.type('>');
    expect(log.value?.text?.startsWith('>line 1')).toBe(true);
  });

  it('places the caret on the line a tap lands on', async () => {
    const { screen } = await mountForm(() => <TextArea label="Steps" defaultValue={'first\nsecond\nthird'} />);
    const steps = screen.getByRole('textbox', { name: 'Steps' });
    const b = screen.find(steps);
    const row = lineRows(screen, steps);
    await screen.tap({ x: b.x + b.width - 20, y: row(1) });
    await screen.type('!');
    expect(steps).toHaveValue('first\nsecond!\nthird');
  });
});

/** Every state side by side: empty with a placeholder, wrapped text, focused with a composition at the caret, invalid, disabled. */
function States() {
  const theme = useTheme();
  const w = { width: 216 };
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, rowGap: 12, columnGap: 16, flexDirection: 'row', flexWrap: 'wrap', alignItems: 'flex-start', backgroundColor: () => theme.colors.surface }}>
      <TextArea label="Empty" placeholder="Notes for the installer" rows={3} style={w} />
      <TextArea label="Wrapped" rows={3} style={w} defaultValue="The boiler is in the cellar, behind the second door on the left." />
      <TextArea label="Focused" rows={3} style={w} />
      <TextArea label="Invalid" rows={2} style={w} defaultValue="??" invalid errorMessage="Letters and digits only" />
      <TextArea label="Disabled" rows={2} style={w} defaultValue="Locked by the installer" disabled />
    </View>
  );
}

describe('TextArea states sheet', () => {
  statesSheet('text-area', {
    sheet: () => <States />, width: 720, height: 300,
    act: async (screen) => {
      await screen.type(screen.getByRole('textbox', { name: 'Focused' }), 'Gate code 4411.\nAsk for Jose');
      screen.display.inject({ kind: 'composition', type: 'start', data: '', timestamp: 0 });
      screen.display.inject({ kind: 'composition', type: 'update', data: '´', timestamp: 0 });
      await screen.flush();
    },
  });
});
