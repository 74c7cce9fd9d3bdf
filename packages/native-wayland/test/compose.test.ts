/**
 * Compose sequences and dead keys as the keyboard runs them: xkbcommon's real Compose table,
 * fed keysyms by name through the addon's `Compose` (the native core's Composer, which the
 * keyboard calls for each pressed key). Each case is what a person types and what a text
 * field is then told: the composition events (an underlined preedit while a sequence is under
 * way) and the text the keys type.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadAddon, type Addon, type NativeComposition } from '../src/native.js';

function tryLoad(): Addon | null {
  try {
    return loadAddon();
  } catch (error) {
    console.warn(`compose: skipped: ${(error as Error).message}`);
    return null;
  }
}

const addon = tryLoad();

/** A key press: its keysym's name and the text the key types on its own. */
type Press = [keysym: string, ownText?: string];

/** The presses in turn, as "events → text" lines a person can read. */
function typeKeys(presses: Press[], locale = 'en_US.UTF-8'): string[] {
  const compose = new addon!.Compose(locale);
  const show = (events: NativeComposition[]) => events.map((e) => `${e.kind} ${JSON.stringify(e.data)}`).join(', ');
  return presses.map(([keysym, own]) => {
    const { events, text } = compose.press(keysym, own ?? '');
    return `${keysym}: ${show(events) || '—'} → ${JSON.stringify(text)}`;
  });
}

describe.skipIf(!addon)('compose sequences through xkbcommon', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG', 'XLOCALEDIR']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  const cases: { name: string; presses: Press[]; expected: string[] }[] = [
    {
      name: 'dead-acute-then-e-types-é-once',
      presses: [['dead_acute'], ['e', 'e']],
      expected: ['dead_acute: start "", update "´" → ""', 'e: end "é" → "é"'],
    },
    {
      name: 'shift-inside-a-sequence-leaves-it-alone-and-gives-É',
      presses: [['dead_acute'], ['Shift_L'], ['E', 'E']],
      expected: ['dead_acute: start "", update "´" → ""', 'Shift_L: — → ""', 'E: end "É" → "É"'],
    },
    {
      name: 'multi-key-sequence-shows-each-key-in-the-preedit',
      presses: [['Multi_key'], ['apostrophe', "'"], ['e', 'e']],
      expected: ['Multi_key: start "", update "·" → ""', 'apostrophe: update "·\'" → ""', 'e: end "é" → "é"'],
    },
    {
      name: 'a-key-no-sequence-continues-cancels-and-types-nothing',
      presses: [['dead_acute'], ['q', 'q'], ['q', 'q']],
      expected: ['dead_acute: start "", update "´" → ""', 'q: end "" → ""', 'q: — → "q"'],
    },
    {
      name: 'the-dead-key-twice-types-the-accent-itself',
      presses: [['dead_acute'], ['dead_acute']],
      expected: ['dead_acute: start "", update "´" → ""', 'dead_acute: end "´" → "´"'],
    },
    {
      name: 'keys-outside-a-sequence-type-their-own-text',
      presses: [['a', 'a'], ['Return', '\r']],
      expected: ['a: — → "a"', 'Return: — → "\\r"'],
    },
  ];

  it.each(cases)('$name', ({ presses, expected }) => {
    expect(typeKeys(presses)).toEqual(expected);
  });

  it('focus-lost-mid-sequence: the sequence ends empty and the next key types itself', () => {
    const compose = new addon!.Compose('en_US.UTF-8');
    compose.press('dead_grave');
    expect(compose.cancel()).toEqual([{ kind: 'end', data: '' }]);
    expect(compose.cancel(), 'nothing left to end').toEqual([]);
    expect(compose.press('a', 'a')).toEqual({ events: [], text: 'a' });
  });

  it('the locale comes from LC_ALL, else LC_CTYPE, else LANG, else C', () => {
    process.env.LANG = 'fi_FI.UTF-8';
    process.env.LC_CTYPE = 'de_DE.UTF-8';
    process.env.LC_ALL = 'en_US.UTF-8';
    expect(new addon!.Compose().locale).toBe('en_US.UTF-8');
    process.env.LC_ALL = '';
    expect(new addon!.Compose().locale).toBe('de_DE.UTF-8');
    delete process.env.LC_CTYPE;
    expect(new addon!.Compose().locale).toBe('fi_FI.UTF-8');
    delete process.env.LANG;
    expect(new addon!.Compose().locale).toBe('C');
  });

  it('a locale with no table falls back to C, which still composes', () => {
    expect(typeKeys([['dead_acute'], ['e', 'e']], 'xx_YY.UTF-8').at(-1)).toBe('e: end "é" → "é"');
    expect(new addon!.Compose('xx_YY.UTF-8').locale).toBe('C');
  });

  it('no table at all: an error that names the locales tried and what to install', () => {
    process.env.XLOCALEDIR = '/nonexistent-planar-locales';
    let error: (Error & { errno?: number }) | undefined;
    try {
      new addon!.Compose('xx_YY.UTF-8');
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(/^no Compose table for the locale "xx_YY.UTF-8" nor for "C" \(xkbcommon: .*\) — install libx11-data/);
    expect(error?.errno).toBeTypeOf('number');
  });

  it('an unknown keysym name is refused with what names look like', () => {
    expect(() => new addon!.Compose('C').press('acute_dead')).toThrow(/"acute_dead" is not a keysym name/);
  });
});
