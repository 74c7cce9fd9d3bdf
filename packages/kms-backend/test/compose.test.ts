/**
 * The KMS keyboard's compose sequences: the addon's `Compose` is the native core's Composer,
 * which the keyboard calls for every pressed key (the Wayland package's compose tests go
 * through the same table case by case). Here: the KMS addon carries it, and a dead key, a
 * cancelled sequence and the locale's fall-back behave as a person typing expects.
 */
import { describe, expect, it } from 'vitest';
import { loadAddon } from '../src/native.js';

function tryCompose() {
  try {
    return loadAddon().Compose ?? null;
  } catch (error) {
    console.warn(`compose: skipped: ${(error as Error).message}`);
    return null;
  }
}

const Compose = tryCompose();

describe.skipIf(!Compose)('compose sequences in the KMS addon', () => {
  it('dead-acute-then-e: the accent while composing, then é once', () => {
    const compose = new Compose!('en_US.UTF-8');
    expect(compose.press('dead_acute')).toEqual({ events: [{ kind: 'start', data: '' }, { kind: 'update', data: '´' }], text: '' });
    expect(compose.press('e', 'e')).toEqual({ events: [{ kind: 'end', data: 'é' }], text: 'é' });
    expect(compose.press('e', 'e'), 'the next e is a plain e').toEqual({ events: [], text: 'e' });
  });

  it('dead-acute-then-q: the sequence ends empty and q types nothing', () => {
    const compose = new Compose!('en_US.UTF-8');
    compose.press('dead_acute');
    expect(compose.press('q', 'q')).toEqual({ events: [{ kind: 'end', data: '' }], text: '' });
  });

  it('a-locale-without-a-table-uses-C', () => {
    expect(new Compose!('xx_YY.UTF-8').locale).toBe('C');
  });
});
