/**
 * The popup of a long-pressed key's alternatives (é è ê ë …): a layer of its own just above
 * the key, each alternative a `button` named by what it types, the one a lift would type
 * shown in the accent colour. The finger that opened it picks by sliding (key-touch.ts).
 */
import { Layer, Text, View, type Child, type ReadonlySignal } from '@planar/toolkit';
import type { Theme } from '../theme/index.js';
import { capital } from './layout-types.js';
import type { AlternativesPopup as Popup } from './key-touch.js';

export interface AlternativesPopupProps {
  /** The open popup (its cells stay put while it is open; the selection moves). */
  popup: () => Popup;
  /** The keyboard's top-left on the output, logical px. */
  origin: { x: number; y: number };
  shifted: ReadonlySignal<boolean>;
  zIndex: number;
  theme: Theme;
  rtl: boolean;
  onPick: (index: number) => void;
}

/** The alternatives of the open popup, over the keyboard and whatever is above it. */
export function AlternativesPopup(p: AlternativesPopupProps): Child {
  const { theme } = p;
  const popup = p.popup();
  const left = Math.min(...popup.cells.map((c) => c.x));
  const top = popup.cells[0]!.y;
  const width = popup.cells.length * popup.cells[0]!.width;
  const shown = (option: string) => (p.shifted.value ? capital(option) : option);
  return (
    <Layer
      testId="keyboard-alternatives"
      zIndex={p.zIndex}
      position={{ x: p.origin.x + left, y: p.origin.y + top }}
      preventFocusOnPress
      style={{
        width, height: popup.cells[0]!.height, borderRadius: () => theme.radii.sm,
        backgroundColor: () => theme.colors.surfaceContainerHighest, shadow: () => theme.elevation.level2,
      }}
    >
      {popup.options.map((option, i) => {
        const cell = popup.cells[i]!;
        const selected = () => p.popup().selected === i;
        return (
          <View
            semantics={{ role: 'button', label: () => shown(option), selected, actions: ['press'], onAction: () => p.onPick(i) }}
            style={{
              position: 'absolute', left: cell.x - left, top: 0, width: cell.width, height: cell.height,
              alignItems: 'center', justifyContent: 'center', borderRadius: () => theme.radii.sm,
              backgroundColor: () => (selected() ? theme.colors.primary : theme.colors.surfaceContainerHighest),
            }}
          >
            <Text style={{
              ...theme.typography('titleLarge'), maxLines: 1, writingDirection: p.rtl ? 'rtl' : 'ltr',
              color: () => (selected() ? theme.colors.onPrimary : theme.colors.onSurface),
            }}>{() => shown(option)}</Text>
          </View>
        );
      })}
    </Layer>
  );
}
