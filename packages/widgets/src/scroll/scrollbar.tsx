/**
 * Scrollbars: a thin themed thumb per scrolled axis, shown while the content scrolls and
 * faded out a second after it stops (or always, or never).
 *
 * The thumb is drawn inside the scrolled content, placed each frame where the viewport shows
 * it (as UIScrollView places its indicators): the content is a layer shown through the
 * viewport, so a thumb drawn over it has to be in that layer, and there a scroll frame
 * repaints only the thumb's old and new few pixels — the content around them is moved, not
 * painted. Faded out, the thumb leaves the layout (`display: 'none'`): it costs nothing and
 * takes no taps.
 *
 * Along an axis, with viewport length V, content length C, offset o and a track of
 * T = V − 2·INSET:
 *
 *     length = max(MIN_LENGTH, T·V/C)
 *     start  = INSET + (T − length)·clamp(o / (C − V), 0, 1)       (viewport coordinates)
 *
 * Content is rendered only inside its own box, so the thumb is cut to it: with the content
 * pulled past an edge, the thumb shrinks by the gap (as on iOS), and goes when it would be
 * shorter than it is thick.
 */
import { View, computed, effect, getOwner, onCleanup, runWithOwner, signal, timeout, type ReadonlySignal, type Scroller } from '@planar/toolkit';
import { useTheme } from '../theme/index.js';

/** When the scrollbar shows: while scrolling and a moment after ('auto'), whenever the content overflows, or never. */
export type ScrollbarMode = 'auto' | 'always' | 'never';

/** How long an 'auto' scrollbar stays after the content stops, ms. */
export const SCROLLBAR_FADE_DELAY_MS = 1000;
/** How long it takes to fade out, ms. */
export const SCROLLBAR_FADE_MS = 300;

/** Thumb thickness, its gap to the viewport's edges, and its shortest length, logical px. */
const THICKNESS = 4, INSET = 2, MIN_LENGTH = 24;

/** Sizes of the viewport and content, as a ScrollLayer reports them. */
export interface ViewportSizes { viewportWidth: number; viewportHeight: number; contentWidth: number; contentHeight: number }

/** The thumb along one axis, in viewport coordinates: its start and length, or null when nothing overflows. */
export function thumbSpan(viewport: number, content: number, offset: number): { start: number; length: number } | null {
  const max = content - viewport;
  if (!(max > 0.5) || viewport <= 2 * INSET) return null;
  const track = viewport - 2 * INSET;
  const length = Math.min(track, Math.max(MIN_LENGTH, (track * viewport) / content));
  return { start: INSET + (track - length) * Math.min(1, Math.max(0, offset / max)), length };
}

/**
 * Whether an 'auto' scrollbar is up: shown on every scroll, faded SCROLLBAR_FADE_DELAY_MS after
 * the scroller comes to rest; `present` turns false once the fade is over.
 */
export function useScrollbarFade(scroller: Scroller, mode: () => ScrollbarMode): { shown: ReadonlySignal<boolean>; present: ReadonlySignal<boolean> } {
  const owner = getOwner();
  const up = signal(false), present = signal(false);
  let cancel = () => {};
  const later = (ms: number, fn: () => void) => {
    cancel();
    cancel = runWithOwner(owner, () => timeout(ms, fn)) ?? (() => {});
  };
  const fadeLater = () => {
    if (scroller.moving.peek() || scroller.dragging.peek()) return cancel();
    later(SCROLLBAR_FADE_DELAY_MS, () => {
      up.value = false;
      later(SCROLLBAR_FADE_MS, () => (present.value = false));
    });
  };
  onCleanup(scroller.onScroll(() => {
    if (mode() !== 'auto') return;
    up.value = present.value = true;
    fadeLater();
  }));
  onCleanup(effect(() => {
    void scroller.moving.value;
    void scroller.dragging.value;
    if (present.peek()) fadeLater();
  }));
  onCleanup(() => cancel());
  const always = () => mode() === 'always';
  return {
    shown: computed(() => always() || (mode() === 'auto' && up.value)),
    present: computed(() => always() || (mode() === 'auto' && present.value)),
  };
}

export interface ScrollbarsProps {
  scroller: Scroller;
  axis: 'x' | 'y' | 'both';
  mode: () => ScrollbarMode;
  /** The viewport's and the content's sizes (null before the first frame). */
  sizes: ReadonlySignal<ViewportSizes | null>;
  /** The offset the content is shown at. */
  offset: ReadonlySignal<{ x: number; y: number }>;
}

/**
 * The thumbs of a scrolling box, to be placed last inside its content.
 * @example <ScrollLayer …>{children}<Scrollbars scroller={s} axis="y" mode={() => 'auto'} sizes={sizes} offset={offset} /></ScrollLayer>
 */
export function Scrollbars(props: ScrollbarsProps) {
  const fade = useScrollbarFade(props.scroller, props.mode);
  const axes = props.axis === 'both' ? (['y', 'x'] as const) : [props.axis];
  return axes.map((axis) => <Thumb axis={axis} fade={fade} sizes={props.sizes} offset={props.offset} />);
}

function Thumb(props: { axis: 'x' | 'y'; fade: ReturnType<typeof useScrollbarFade>; sizes: ScrollbarsProps['sizes']; offset: ScrollbarsProps['offset'] }) {
  const theme = useTheme();
  const vertical = props.axis === 'y';
  const place = computed(() => {
    const m = props.sizes.value;
    if (!m || !props.fade.present.value) return null;
    const o = props.offset.value;
    const span = vertical ? thumbSpan(m.viewportHeight, m.contentHeight, o.y) : thumbSpan(m.viewportWidth, m.contentWidth, o.x);
    if (!span) return null;
    // Into content coordinates, cut to the content's box.
    const from = (vertical ? o.y : o.x) + span.start;
    const along = Math.max(0, from);
    const length = Math.min(vertical ? m.contentHeight : m.contentWidth, from + span.length) - along;
    if (length < 2 * THICKNESS) return null;
    const across = Math.max(0, Math.min(
      (vertical ? o.x + m.viewportWidth : o.y + m.viewportHeight) - INSET - THICKNESS,
      (vertical ? m.contentWidth : m.contentHeight) - THICKNESS,
    ));
    return vertical
      ? { left: across, top: along, width: THICKNESS, height: length }
      : { left: along, top: across, width: length, height: THICKNESS };
  });
  return (
    <View style={() => {
      const at = place.value;
      if (!at) return { display: 'none' as const, position: 'absolute' as const };
      const shown = props.fade.shown.value;
      return {
        display: 'flex' as const, position: 'absolute' as const, ...at, borderRadius: THICKNESS / 2,
        backgroundColor: theme.colors.outline, opacity: shown ? 1 : 0,
        // Up at once when scrolling starts; a slow fade once it has stopped.
        transition: { opacity: shown ? 0 : SCROLLBAR_FADE_MS },
      };
    }} />
  );
}
