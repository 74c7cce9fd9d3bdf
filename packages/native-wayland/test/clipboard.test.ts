/**
 * The clipboard's text, against a fake connection: which of a selection's MIME types is read
 * and how its bytes are decoded, and what the app's own text is offered as. The pipes and the
 * compositor are exercised end to end under sway (test/wayland/sway-text.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { OFFERED_TEXT_TYPES, WaylandClipboard, textTypeOf } from '../src/clipboard.js';

function clipboard(selection: Record<string, Buffer> | null) {
  const asked: string[] = [];
  const offered: [string, string[]][] = [];
  const board = new WaylandClipboard({
    sync: async () => { asked.push('sync'); },
    selectionMimes: () => (selection ? Object.keys(selection) : null),
    receiveSelection: async (mime) => { asked.push(mime); return selection?.[mime] ?? null; },
    setSelection: (text, mimes) => { offered.push([text, mimes]); },
  });
  return { board, asked, offered };
}

describe('reading', () => {
  it('utf8-text-is-read-as-text-plain-charset-utf-8-after-a-round-trip', async () => {
    const { board, asked } = clipboard({ 'image/png': Buffer.from([137]), 'text/plain;charset=utf-8': Buffer.from('crème brûlée') });
    expect(await board.readText()).toBe('crème brûlée');
    expect(asked).toEqual(['sync', 'text/plain;charset=utf-8']);
  });

  it('an-x11-STRING-is-latin-1', async () => {
    const { board } = clipboard({ STRING: Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
    expect(await board.readText()).toBe('café');
  });

  it('no-selection-or-no-text-in-it-reads-null', async () => {
    expect(await clipboard(null).board.readText()).toBeNull();
    expect(await clipboard({ 'image/png': Buffer.from([1]) }).board.readText()).toBeNull();
  });

  it('the-best-text-type-wins-whatever-the-order-and-spelling', () => {
    expect(textTypeOf(['text/plain', 'UTF8_STRING'])).toBe('UTF8_STRING');
    expect(textTypeOf(['TEXT/PLAIN; charset=UTF-8', 'text/plain'])).toBe('TEXT/PLAIN; charset=UTF-8');
    expect(textTypeOf(['text/html'])).toBeNull();
  });
});

describe('writing', () => {
  it('text-is-offered-under-the-three-text-types', () => {
    const { board, offered } = clipboard(null);
    board.writeText('hello');
    expect(offered).toEqual([['hello', ['text/plain;charset=utf-8', 'text/plain', 'UTF8_STRING']]]);
    expect(OFFERED_TEXT_TYPES).toHaveLength(3);
  });

  it('something-other-than-a-string-is-refused', () => {
    expect(() => clipboard(null).board.writeText(42 as never)).toThrow('clipboard.writeText(text): text must be a string, not number');
  });
});
