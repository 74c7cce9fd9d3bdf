/**
 * TextField through keys and the text input events: typing, moving and selecting, grapheme
 * and word deletes, undo and redo, cut, copy and paste, compositions, input modes and the
 * on-screen keyboard's view of the field, maxLength, passwords, pattern validation,
 * controlled values, read-only and disabled fields.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, useKeyboardSender, useTextInputFocus, type FocusedTextInput, type KeyboardSender, type ReadonlySignal } from '@planar/toolkit';
import { TextField, clipboard, lightTheme, setSystemClipboard, useTheme } from '../src/index.js';
import { rgb, statesSheet } from './harness.js';
import { inkRuns, mountForm, wordsOf } from './text-harness.js';

const FAMILY = '👨‍👩‍👧';
const ctrl = { ctrl: true } as const;

/**
 * Lines of ink at least 5 px long on the rows just under the baseline (an underline); the
 * baseline of body text is 5 px under the middle of the field.
 */
function underlines(screen: Awaited<ReturnType<typeof mountForm>>['screen'], field: Parameters<typeof wordsOf>[1]) {
  const b = screen.find(field);
  for (let y = b.y + b.height / 2 + 6; y < b.y + b.height / 2 + 9; y++) {
    const lines = inkRuns(screen, { top: y, bottom: y + 1, left: b.x + 4, right: b.x + b.width - 4 }, 1).filter((r) => r.end - r.start >= 4);
    if (lines.length) return lines;
  }
  return [];
}

/** Sends a composition event as a backend's input method would. */
function compose(screen: Awaited<ReturnType<typeof mountForm>>['screen'], type: 'start' | 'update' | 'end', data = '') {
  screen.display.inject({ kind: 'composition', type, data, timestamp: 0 });
}

describe('TextField: typing and keys', () => {
  it('takes typed text after a tap, tells onChange, and writes a signal given as its value', async () => {
    const changes: string[] = [];
    const name = signal('');
    const { screen } = await mountForm(() => <TextField label="Name" value={name} onChange={(t) => changes.push(t)} />);
    const field = screen.getByRole('textbox', { name: 'Name' });
    expect(field).toHaveValue('');
    await screen.tap(field);
    expect(field).toHaveFocus();
    await screen.type('Ada');
    expect(field).toHaveValue('Ada');
    expect(name.value).toBe('Ada');
    expect(changes).toEqual(['A', 'Ad', 'Ada']);
    name.value = 'Grace';
    await screen.flush();
    expect(field).toHaveValue('Grace');
    await screen.type('!');
    expect(name.value).toBe('Grace!');
  });

  it('moves by character and word, selects with Shift, and types over the selection', async () => {
    const { screen } = await mountForm(() => <TextField label="Room" />);
    const room = screen.getByRole('textbox', { name: 'Room' });
    await screen.type(room, 'living room lamp');
    await screen.key('ArrowLeft', { ctrl: true });
    await screen.key('ArrowLeft');
    await screen.key('ArrowLeft', { ctrl: true, shift: true });
    await screen.type('dining');
    expect(room).toHaveValue('living dining lamp');
    await screen.key('Home');
    await screen.key('ArrowRight', { shift: true });
    await screen.key('ArrowRight', { shift: true });
    await screen.type('G');
    expect(room).toHaveValue('Gving dining lamp');
    await screen.key('End', { shift: true });
    await screen.key('ArrowLeft');
    await screen.type('-');
    expect(room).toHaveValue('G-ving dining lamp');
    await screen.key('a', ctrl);
    await screen.type('hall');
    expect(room).toHaveValue('hall');
  });

  it('deletes emoji families and letters with combining marks whole, and words with Ctrl', async () => {
    const { screen } = await mountForm(() => <TextField label="Status" />);
    const status = screen.getByRole('textbox', { name: 'Status' });
    await screen.type(status, `home ${FAMILY} cafe\u0301`);
    await screen.key('Backspace');
    expect(status).toHaveValue(`home ${FAMILY} caf`);
    await screen.key('Backspace', ctrl);
    expect(status).toHaveValue(`home ${FAMILY} `);
    await screen.key('Backspace');
    await screen.key('Backspace');
    expect(status).toHaveValue('home ');
    await screen.key('Home');
    await screen.key('Delete', ctrl);
    expect(status).toHaveValue(' ');
  });

  it('undoes typing a word at a time with Ctrl+Z and redoes with Ctrl+Shift+Z and Ctrl+Y', async () => {
    const { screen } = await mountForm(() => <TextField label="Note" />);
    const note = screen.getByRole('textbox', { name: 'Note' });
    await screen.type(note, 'feed the cat');
    await screen.key('Backspace', ctrl);
    expect(note).toHaveValue('feed the ');
    await screen.key('z', ctrl);
    expect(note).toHaveValue('feed the cat');
    await screen.key('z', ctrl);
    expect(note).toHaveValue('feed the ');
    await screen.key('z', ctrl);
    expect(note).toHaveValue('feed ');
    await screen.key('Z', { ctrl: true, shift: true });
    expect(note).toHaveValue('feed the ');
    await screen.key('y', ctrl);
    expect(note).toHaveValue('feed the cat');
  });

  it('submits on Enter', async () => {
    const submitted: string[] = [];
    const { screen } = await mountForm(() => <TextField label="Search" onSubmit={(t) => submitted.push(t)} />);
    await screen.type(screen.getByRole('textbox', { name: 'Search' }), 'boiler');
    await screen.key('Enter');
    expect(submitted).toEqual(['boiler']);
  });
});

describe('TextField: clipboard', () => {
  it('copies, cuts and pastes between fields with Ctrl+C, Ctrl+X and Ctrl+V', async () => {
    const { screen } = await mountForm(() => (
      <View style={{ gap: 8 }}>
        <TextField label="From" defaultValue="192.168.1.20" />
        <TextField label="To" />
      </View>
    ));
    const from = screen.getByRole('textbox', { name: 'From' });
    const to = screen.getByRole('textbox', { name: 'To' });
    await screen.key(from, 'a', ctrl);
    await screen.key('c', ctrl);
    await screen.key(to, 'v', ctrl);
    expect(to).toHaveValue('192.168.1.20');
    await screen.key('v', ctrl);
    expect(to).toHaveValue('192.168.1.20192.168.1.20');
    await screen.key('z', ctrl);
    expect(to).toHaveValue('192.168.1.20');

    await screen.key('Home');
    await screen.key('End', { shift: true });
    await screen.key('x', ctrl);
    expect(to).toHaveValue('');
    expect(await clipboard.readText()).toBe('192.168.1.20');
  });
});

describe('TextField: system clipboard', () => {
  it('pastes what the system clipboard holds once set, and a clipboard that fails leaves the field as it was', async () => {
    const { screen } = await mountForm(() => <TextField label="Host" />);
    const host = screen.getByRole('textbox', { name: 'Host' });
    let fail = false;
    setSystemClipboard({ readText: async () => (fail ? Promise.reject(new Error('owner gone')) : 'nas.local'), writeText: () => {} });
    try {
      await screen.key(host, 'v', ctrl);
      expect(host).toHaveValue('nas.local');
      fail = true;
      await screen.key('v', ctrl);
      expect(host).toHaveValue('nas.local');
    } finally {
      setSystemClipboard(null);
    }
  });
});

describe('TextField: compositions', () => {
  it('shows the preedit at the caret without changing the value, and takes the committed text', async () => {
    const { screen } = await mountForm(() => <TextField label="City" defaultValue="Sao Paulo" />);
    const city = screen.getByRole('textbox', { name: 'City' });
    await screen.key(city, 'Home');
    await screen.key('ArrowRight');
    await screen.key('ArrowRight', { shift: true });
    expect(underlines(screen, city)).toEqual([]);
    compose(screen, 'start');
    compose(screen, 'update', '~');
    await screen.flush();
    expect(city).toHaveValue('Sao Paulo');
    // The preedit stands underlined in the selected letter's place, inside the first word.
    const [sao] = wordsOf(screen, city);
    const [line] = underlines(screen, city);
    expect(line!.start).toBeGreaterThan(sao!.start + 2);
    expect(line!.end).toBeLessThan(sao!.end - 2);
    compose(screen, 'update', 'ã');
    compose(screen, 'end');
    screen.display.inject({ kind: 'text', text: 'ã', timestamp: 0 });
    await screen.flush();
    expect(city).toHaveValue('São Paulo');
    await screen.key('z', ctrl);
    expect(city).toHaveValue('Sao Paulo');
  });

  it('cancelled, leaves the text as it was', async () => {
    const { screen } = await mountForm(() => <TextField label="Word" defaultValue="naive" />);
    const word = screen.getByRole('textbox', { name: 'Word' });
    await screen.key(word, 'End');
    compose(screen, 'start');
    compose(screen, 'update', '¨');
    compose(screen, 'end');
    await screen.flush();
    expect(word).toHaveValue('naive');
    await screen.type('s');
    expect(word).toHaveValue('naives');
  });
});

describe('TextField: kinds of text', () => {
  it('tells the on-screen keyboard its input mode and Enter key, and takes only digits in a PIN', async () => {
    let focused: ReadonlySignal<FocusedTextInput | null> | null = null;
    let sender: KeyboardSender | null = null;
    const { screen } = await mountForm(() => {
      focused = useTextInputFocus();
      sender = useKeyboardSender();
      return <TextField label="PIN" inputMode="pin" enterKeyHint="go" maxLength={4} />;
    });
    const pin = screen.getByRole('textbox', { name: 'PIN' });
    expect(focused!.value).toBeNull();
    await screen.tap(pin);
    expect(focused!.value).toMatchObject({ inputMode: 'pin', enterKeyHint: 'go' });
    await screen.type('1a2 3');
    expect(pin).toHaveValue('123');
    sender!.text('45');
    sender!.key('Backspace');
    sender!.text('9');
    await screen.flush();
    expect(pin).toHaveValue('1239');
    expect(pin).toHaveFocus();
  });

  it('says Done on a plain field\'s Enter key by default', async () => {
    let focused: ReadonlySignal<FocusedTextInput | null> | null = null;
    const { screen } = await mountForm(() => {
      focused = useTextInputFocus();
      return <TextField label="Email" inputMode="email" />;
    });
    await screen.type(screen.getByRole('textbox', { name: 'Email' }), 'ann @ example.org');
    expect(focused!.value).toMatchObject({ inputMode: 'email', enterKeyHint: 'done' });
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('ann@example.org');
  });

  it('keeps maxLength in user-perceived characters', async () => {
    const { screen } = await mountForm(() => <TextField label="Tag" maxLength={3} />);
    const tag = screen.getByRole('textbox', { name: 'Tag' });
    await screen.type(tag, `a${FAMILY}bcd`);
    expect(tag).toHaveValue(`a${FAMILY}b`);
  });
});

describe('TextField: passwords', () => {
  it('shows dots, keeps the password out of semantics and the clipboard, and shows it with the eye button', async () => {
    await clipboard.writeText('before');
    const { screen } = await mountForm(() => <TextField label="Wi-Fi password" password />);
    const password = screen.getByRole('textbox', { name: 'Wi-Fi password' });
    await screen.type(password, 'pa55 word');
    expect(password).toHaveValue('•••••••••');
    await screen.key('a', ctrl);
    await screen.key('c', ctrl);
    await screen.key('x', ctrl);
    expect(await clipboard.readText()).toBe('before');
    // Word moves cannot find the spaces: Ctrl+Backspace takes everything.
    await screen.key('End');
    await screen.key('Backspace', ctrl);
    expect(password).toHaveValue('');
    await screen.type('pa55 word');

    const eye = screen.getByRole('button', { name: 'Show password' });
    const text = () => wordsOf(screen, password, 8).filter((w) => w.end < screen.find(eye).x);
    // Dots, evenly spaced: no gap as wide as a space's anywhere along the line.
    expect(text().length).toBe(1);
    expect(eye.states.pressed).toBe(false);
    await screen.tap(eye);
    expect(eye.states.pressed).toBe(true);
    expect(password).toHaveFocus();
    expect(password).toHaveValue('pa55 word');
    expect(text().length).toBe(2);
    await screen.type('!');
    expect(password).toHaveValue('pa55 word!');
  });
});

describe('TextField: validation', () => {
  it('with a pattern, shows the error outline and message once left or submitted, and submits only valid text', async () => {
    const submitted: string[] = [];
    const { screen } = await mountForm(() => (
      <View style={{ gap: 8, padding: 8 }}>
        <TextField label="PIN" inputMode="pin" pattern={/\d{4}/} errorMessage="Four digits" onSubmit={(t) => submitted.push(t)} />
        <TextField label="Other" />
      </View>
    ));
    const pin = screen.getByRole('textbox', { name: 'PIN' });
    await screen.type(pin, '12');
    expect(pin.states.invalid).toBeFalsy();
    expect(screen.queryByText('Four digits')).toBeNull();
    await screen.key('Enter');
    expect(submitted).toEqual([]);
    expect(pin.states.invalid).toBe(true);
    expect(screen.getByText('Four digits')).toBeVisible();
    const box = screen.find(pin);
    expect(screen.pixel(box.x + box.width / 2, box.y)).toEqual(rgb(lightTheme.colors.error));
    await screen.type('34');
    expect(pin.states.invalid).toBe(false);
    expect(screen.queryByText('Four digits')).toBeNull();
    await screen.key('Enter');
    expect(submitted).toEqual(['1234']);

    await screen.key('Backspace');
    await screen.tap(screen.getByRole('textbox', { name: 'Other' }));
    expect(pin.states.invalid).toBe(true);
    expect(pin.description).toBe('Four digits');
  });
});

describe('TextField: controlled, read-only and disabled', () => {
  it('controlled by a getter, only asks through onChange', async () => {
    const asked: string[] = [];
    const { screen } = await mountForm(() => <TextField label="Locked" value={() => 'fixed'} onChange={(t) => asked.push(t)} />);
    const locked = screen.getByRole('textbox', { name: 'Locked' });
    await screen.type(locked, 'x');
    expect(asked).toEqual(['fixedx']);
    expect(locked).toHaveValue('fixed');
  });

  it('read-only, can be selected and copied but not changed', async () => {
    const { screen } = await mountForm(() => <TextField label="Serial" readOnly defaultValue="PX-2044" />);
    const serial = screen.getByRole('textbox', { name: 'Serial' });
    await screen.type(serial, 'abc');
    await screen.key('Backspace');
    await screen.key('a', ctrl);
    await screen.key('x', ctrl);
    expect(serial).toHaveValue('PX-2044');
    await screen.key('c', ctrl);
    expect(await clipboard.readText()).toBe('PX-2044');
  });

  it('disabled, takes no focus and no text, and says so', async () => {
    const off = signal(true);
    const { screen } = await mountForm(() => <TextField label="Host" disabled={off} defaultValue="panel" />);
    const host = screen.getByRole('textbox', { name: 'Host' });
    expect(host).toBeDisabled();
    await screen.tap(host);
    expect(host).not.toHaveFocus();
    await expect(screen.type(host, 'x')).rejects.toThrow(/disabled/);
    off.value = false;
    await screen.flush();
    await screen.type(host, 's');
    expect(host).toHaveValue('panels');
  });
});

/** Every state side by side: empty with a placeholder, filled, helper text, focused with a touch selection, invalid, read-only, disabled, a password hidden and shown. */
function States() {
  const theme = useTheme();
  const w = { width: 216 };
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, rowGap: 12, columnGap: 16, flexDirection: 'row', flexWrap: 'wrap', alignItems: 'flex-start', backgroundColor: () => theme.colors.surface }}>
      <TextField label="Empty" placeholder="Placeholder" style={w} />
      <TextField label="Filled" defaultValue="Living room" style={w} />
      <TextField label="Helper" defaultValue="192.168.1.20" helperText="Address on the panel" style={w} />
      <TextField label="Focused" defaultValue="hall kitchen attic" style={w} />
      <TextField label="Invalid" defaultValue="12" invalid errorMessage="Four digits" style={w} />
      <TextField label="Read-only" defaultValue="PX-2044" readOnly style={w} />
      <TextField label="Disabled" defaultValue="Off" disabled style={w} />
      <TextField label="Password" password defaultValue="secret" style={w} />
      <TextField label="Shown" password defaultValue="secret" style={w} />
    </View>
  );
}

describe('TextField states sheet', () => {
  statesSheet('text-field', {
    sheet: () => <States />, width: 720, height: 300,
    act: async (screen) => {
      await screen.tap(screen.getAllByRole('button', { name: 'Show password' })[1]!);
      const focused = screen.getByRole('textbox', { name: 'Focused' });
      const [, kitchen] = wordsOf(screen, focused);
      const y = screen.find(focused).y + 24;
      await screen.pointer.down({ x: kitchen!.centre, y }, { type: 'touch' });
      await screen.advance(600);
      await screen.pointer.up({ x: kitchen!.centre, y }, { type: 'touch' });
      expect(focused).toHaveFocus();
    },
  });
});

describe('TextField and a system input method', () => {
  it('tells the input method its text and caret while focused, nothing of a password, and nothing when read-only', async () => {
    const { screen } = await mountForm(() => (
      <View style={{ padding: 10, gap: 10 }}>
        <TextField label="Name" defaultValue="Hall" />
        <TextField label="Key" password defaultValue="secret" />
        <TextField label="Serial" readOnly defaultValue="PL-1" />
      </View>
    ));
    const calls: string[] = [];
    Object.assign(screen.display, {
      textInput: {
        enable: (s: { surroundingText: string; cursor: number; cursorRect: { height: number } }) => calls.push(`enable "${s.surroundingText}" ${s.cursor} ${s.cursorRect.height > 0 ? 'caret' : 'no caret'}`),
        update: (s: { surroundingText: string; cursor: number }) => calls.push(`update "${s.surroundingText}" ${s.cursor}`),
        disable: () => calls.push('disable'),
      },
    });
    await screen.tap(screen.getByRole('textbox', { name: 'Name' }));
    await screen.key('End');
    await screen.type('way');
    // The input method takes back the last three letters, then commits its own.
    screen.display.inject({ kind: 'deletesurrounding', before: 3, after: 0, timestamp: 1 });
    screen.display.inject({ kind: 'text', text: 'o', timestamp: 2 });
    await screen.flush();
    expect(screen.getByRole('textbox', { name: 'Name' }).value).toEqual({ text: 'Hallo' });
    await screen.tap(screen.getByRole('textbox', { name: 'Key' }));
    await screen.tap(screen.getByRole('textbox', { name: 'Serial' }));
    // The password field: enabled, but told no text; the read-only one: disabled, not enabled.
    expect(calls).toEqual(['enable "Hall" 4 caret', 'update "Hallw" 5', 'update "Hallwa" 6', 'update "Hallway" 7', 'update "Hall" 4', 'update "Hallo" 5', 'disable', 'enable "" 0 no caret', 'disable']);
  });
});
