/**
 * How a key looks and what it is to assistive technology: a `button` named by what it types
 * now (`a`, `A` shifted) or by what it does (`Shift`, `Backspace`, `Enter`, `Language`,
 * `Space`, `Symbols`, `Letters`). Keys take no focus and hear no pointer themselves: the
 * keyboard's surface decides which key a touch means (key-touch.ts); a semantics `press`
 * presses the key as a tap would.
 */
import { Text, View, type Child, type EnterKeyHint, type ReadonlySignal, type SemanticsProps } from '@planar/toolkit';
import { Icon } from '../icon.js';
import type { IconGlyph } from '../icons.js';
import { STATE_LAYER, overlay } from '../internal/state-layer.js';
import type { Theme } from '../theme/index.js';
import { capital, type KeySpec } from './layout-types.js';
import type { PlacedKey } from './geometry.js';
import { KEY_GLYPHS } from './glyphs.js';
import { ENTER_LABELS, type KeyboardPolicy } from './policy.js';

const NAMES: Record<Exclude<KeySpec['kind'], 'char' | undefined>, string> = {
  shift: 'Shift', backspace: 'Backspace', enter: 'Enter', space: 'Space', language: 'Language', symbols: 'Symbols', abc: 'Letters',
};

export interface KeyViewProps {
  placed: PlacedKey;
  policy: KeyboardPolicy;
  theme: Theme;
  pressed: ReadonlySignal<PlacedKey | null>;
  enterKeyHint: () => EnterKeyHint;
  rtl: boolean;
}

/** What the key shows: a glyph, or a text at a size. */
type Face = { glyph: IconGlyph } | { text: string; small: boolean };

function faceOf(p: KeyViewProps): Face {
  const { key } = p.placed;
  switch (key.kind ?? 'char') {
    case 'char': return { text: key.label === undefined ? p.policy.typed(key) : p.policy.shifted ? capital(key.label) : key.label, small: false };
    case 'shift': {
      const s = p.policy.shift.value;
      return { glyph: s === 'locked' ? KEY_GLYPHS.capsLock : s === 'once' ? KEY_GLYPHS.shiftOnce : KEY_GLYPHS.shift };
    }
    case 'backspace': return { glyph: KEY_GLYPHS.backspace };
    case 'enter': {
      const hint = p.enterKeyHint();
      return hint === 'enter' ? { glyph: KEY_GLYPHS.enter } : { text: ENTER_LABELS[hint], small: true };
    }
    case 'space': return { text: p.policy.currentLayout.name, small: true };
    case 'language': return { glyph: KEY_GLYPHS.language };
    case 'symbols': return { text: '?123', small: true };
    case 'abc': return { text: 'ABC', small: true };
  }
}

function semanticsOf(p: KeyViewProps): SemanticsProps {
  const { key } = p.placed;
  const kind = key.kind ?? 'char';
  return {
    role: 'button',
    label: () => (kind === 'char' ? p.policy.typed(key) : NAMES[kind]),
    description: () => (kind === 'enter' ? ENTER_LABELS[p.enterKeyHint()] : kind === 'language' ? p.policy.currentLayout.name : undefined),
    pressed: () => (kind === 'shift' ? p.policy.shift.value !== 'off' : undefined),
    value: () => (kind === 'shift' && p.policy.shift.value === 'locked' ? { text: 'Caps lock' } : undefined),
    actions: ['press'],
    onAction: () => p.policy.press(key),
  };
}

/** Letters in the page's direction, the space bar's layout name in its own, the function keys' Latin labels left to right. */
function direction(p: KeyViewProps): 'ltr' | 'rtl' | 'auto' {
  const kind = p.placed.key.kind ?? 'char';
  if (kind === 'char') return p.rtl ? 'rtl' : 'ltr';
  return kind === 'space' ? 'auto' : 'ltr';
}

/** Container and content colours: letters on the quiet fill, functions tonal, Enter the accent. */
function colorsOf(theme: Theme, key: KeySpec): { fill: string; ink: string } {
  const c = theme.colors;
  const kind = key.kind ?? 'char';
  if (kind === 'enter') return { fill: c.primary, ink: c.onPrimary };
  if (kind === 'char' || kind === 'space') return { fill: c.surfaceContainerHighest, ink: c.onSurface };
  return { fill: c.secondaryContainer, ink: c.onSecondaryContainer };
}

/** One key, placed absolutely in the keyboard. */
export function KeyView(p: KeyViewProps): Child {
  const { placed, theme } = p;
  const colors = () => colorsOf(theme, placed.key);
  const face = () => faceOf(p);
  return (
    <View
      semantics={semanticsOf(p)}
      style={{
        position: 'absolute', left: placed.x, top: placed.y, width: placed.width, height: placed.height,
        alignItems: 'center', justifyContent: 'center', borderRadius: () => theme.radii.sm,
        backgroundColor: () => (p.pressed.value === placed ? overlay(colors().fill, colors().ink, STATE_LAYER.pressed * 2) : colors().fill),
      }}
    >
      {() => {
        const f = face();
        if ('glyph' in f) return <Icon glyph={f.glyph} size={24} color={colors().ink} />;
        return (
          <Text style={{
            ...theme.typography(f.small ? 'labelLarge' : 'titleLarge'), color: () => colors().ink, maxLines: 1,
            writingDirection: direction(p),
          }}>{f.text}</Text>
        );
      }}
    </View>
  );
}
