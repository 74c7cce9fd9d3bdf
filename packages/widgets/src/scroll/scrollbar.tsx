/**
 * Scrollbars: a thin themed thumb per scrolled axis, shown while the content scrolls and
 * faded out a second after it stops (or always, or never).
 *
 * Each thumb is a small layer anchored to the viewport (the ScrollLayer's `overlay`): the
 * compositor places it over the content from the viewport's top-left, so moving it with the
 * offset, or fading it, repaints nothing — a scroll frame moves a plane or two and paints no
 * pixel. Faded out, the thumb's layer is hidden (`display: 'none'`): it takes no plane and no taps.
 *
 * Along an axis, with viewport length V, content length C, offset o and a track of
 * T = V − 2·INSET:
 *
 *     length = max(MIN_LENGTH, T·V/C), less how far the content is pulled past an edge
 *     start  = INSET + (T − length)·clamp(o / (C − V), 0, 1)       (viewport coordinates)
 *
 * so a thumb at an end shrinks towards it as the content is pulled further (as on iOS).
 */
import { Layer, View, computed, effect, getOwner, onCleanup, runWithOwner, signal, timeout, type ReadonlySignal, type Scroller } from '@planar/toolkit';
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
  const over = offset < 0 ? -offset : offset > max ? offset - max : 0;
  const length = Math.min(track, Math.max(THICKNESS * 2, Math.max(MIN_LENGTH, (track * viewport) / content) - over));
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
 * The thumbs of a scrolling box: give them to its ScrollLayer as `overlay`.
 * @example <ScrollLayer overlay={<Scrollbars scroller={s} axis="y" mode={() => 'auto'} sizes={sizes} offset={offset} />} …>
 */
export function Scrollbars(props: ScrollbarsProps) {
  const fade = useScrollbarFade(props.scroller, props.mode);
  const axes = props.axis === 'both' ? (['y', 'x'] as const) : [props.axis];
  return axes.map((axis) => <Thumb axis={axis} fade={fade} sizes={props.sizes} offset={props.offset} />);
}

function Thumb(props: { axis: 'x' | 'y'; fade: ReturnType<typeof useScrollbarFade>; sizes: ScrollbarsProps['sizes']; offset: ScrollbarsProps['offset'] }) {
  const theme = useTheme();
  const vertical = props.axis === 'y';
  /** The thumb in viewport coordinates, or null when nothing overflows. */
  const place = computed(() => {
    const m = props.sizes.value;
    if (!m) return null;
    const o = props.offset.value;
    const span = vertical ? thumbSpan(m.viewportHeight, m.contentHeight, o.y) : thumbSpan(m.viewportWidth, m.contentWidth, o.x);
    if (!span) return null;
    const across = (vertical ? m.viewportWidth : m.viewportHeight) - INSET - THICKNESS;
    return vertical
      ? { x: across, y: span.start, width: THICKNESS, height: span.length }
      : { x: span.start, y: across, width: span.length, height: THICKNESS };
  });
  const length = computed(() => (vertical ? place.value?.height : place.value?.width) ?? 0);
  // Written straight into the viewport (no Show around it): an anchored layer is placed from its parent box.
  return (
    <Layer
      anchor="parent"
      position={() => ({ x: place.value?.x ?? 0, y: place.value?.y ?? 0 })}
      style={() => ({
        display: props.fade.present.value && place.value !== null ? 'flex' : 'none',
        opacity: props.fade.shown.value ? 1 : 0,
        // Up at once when scrolling starts; a slow fade once it has stopped.
        transition: { opacity: props.fade.shown.value ? 0 : SCROLLBAR_FADE_MS },
      })}
    >
      <View style={{
        width: () => (vertical ? THICKNESS : length.value), height: () => (vertical ? length.value : THICKNESS),
        borderRadius: THICKNESS / 2, backgroundColor: () => theme.colors.outline,
      }} />
    </Layer>
  );
}
