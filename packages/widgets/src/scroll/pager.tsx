/**
 * Pager: pages side by side, each as wide as the pager, swiped between one at a time, with a
 * row of dots that shows the page and takes a tap to go to one.
 *
 * The pages are the content of a horizontal `<ScrollLayer>` (rendered once, moved without
 * repainting) on a Scroller that snaps by whole viewports ('page'): a release faster than
 * PAGE_FLING_VELOCITY turns to the next page in its direction, a slower one returns to the
 * page nearest where it was let go. The same input binding as ScrollView (scroll-input.ts)
 * gives drags, catching, keys (arrows, PageUp / PageDown, Home / End, an encoder's turns in
 * edit mode) and nesting: a vertical ScrollView on a page scrolls with vertical drags and the
 * pager takes horizontal ones. A horizontal wheel or touchpad moves it, and it settles on the
 * nearest page once the wheel stops.
 *
 * The page (`page`, `defaultPage`, `onPageChange`; a writable signal is written, as with every
 * widget's value) changes when the pager comes to rest on another page; the dots follow the
 * page nearest the offset as it moves. Setting the page from outside scrolls there.
 *
 * Right to left (`useDirection()`), as Android's ViewPager2 and Flutter's PageView: the first
 * page is at the right, the next one comes in from the left (a swipe to the right), and the
 * dots run from the right too.
 */
import {
  ScrollLayer, Scroller, View, computed, effect, getOwner, onCleanup, read, runWithOwner, signal, timeout, untracked, useContext, useDirection,
  type Child, type NodeHandle, type Reactive, type ScrollMetrics, type SemanticsAction,
} from '@planar/toolkit';
import { useTheme, type StyleValues } from '../theme/index.js';
import { useControllable } from '../internal/controllable.js';
import { withAlpha } from '../internal/state-layer.js';
import { ScrollChainContext, deferred, scrollKey, useScrollInput, type ScrollChain } from './scroll-input.js';

/** How long after the last wheel event a pager left between pages settles on one, ms. */
const WHEEL_SETTLE_MS = 150;
const DOT = 8, DOT_TARGET = 24;

export interface PagerProps {
  /** The page shown (from 0). A writable signal is written directly (two-way); any other value makes the pager controlled. */
  page?: Reactive<number>;
  /** The page shown at first when `page` is not given (default 0). */
  defaultPage?: number;
  /** Called when the pager comes to rest on another page (or a dot or key asks for one, when controlled). */
  onPageChange?: (page: number) => void;
  /** The accessible name of the pager. */
  label?: Reactive<string | undefined>;
  /** Show the row of dots under the pages (default true). */
  indicator?: boolean;
  /** The pager's box: give it a size (the pages take its width and the height left above the dots). */
  style?: StyleValues;
  testId?: string;
  /** The pages, in order. */
  children?: Child;
}

/**
 * Pages swiped sideways, with dots.
 * @example
 * const page = signal(0);
 * <Pager label="Rooms" page={page} style={{ height: 320 }}>
 *   <RoomCard room="Kitchen" /><RoomCard room="Living room" /><RoomCard room="Bedroom" />
 * </Pager>
 */
export function Pager(props: PagerProps): Child {
  const ref = { current: null as NodeHandle | null };
  const owner = getOwner();
  const pages: Child[] = Array.isArray(props.children) ? props.children : props.children === undefined || props.children === null ? [] : [props.children];
  const count = pages.length;
  const outer = useContext(ScrollChainContext);
  const scroller = new Scroller({ axis: 'x', snap: 'page', parent: outer?.scroller ?? null });
  const chain: ScrollChain = { scroller, outer };
  const state = useControllable<number>(props.page, props.defaultPage, 0, props.onPageChange);
  const width = signal(0);
  /** The pages are laid out at their width and the first page is shown. */
  const ready = signal(false);
  const clampPage = (p: number) => Math.max(0, Math.min(count - 1, Math.round(p)));
  // In rtl the first page is at the right (the pages are a row laid out from the right).
  const direction = useDirection();
  const rtl = () => direction.value === 'rtl';
  /** The offset that shows page `p`, and the page at an offset (as a fraction of pages). */
  const pageX = (p: number, w: number) => (untracked(rtl) ? count - 1 - p : p) * w;
  const pageAt = (x: number, w: number) => (rtl() ? count - 1 - x / w : x / w);
  /** The page nearest the offset now. */
  const nearest = computed(() => (ready.value ? clampPage(pageAt(scroller.x.value, width.value)) : clampPage(state.value.value)));
  const goTo = (p: number, animate = true) => {
    if (ready.peek()) scroller.scrollTo(pageX(clampPage(p), width.peek()), 0, { animate });
  };

  // At rest on a page: that is the page now.
  onCleanup(effect(() => {
    if (scroller.moving.value || scroller.dragging.value || !ready.value) return;
    const p = nearest.value;
    untracked(() => {
      state.set(p);
      // A controlled page that did not follow: back to it.
      if (clampPage(state.value.peek()) !== p) goTo(state.value.peek());
    });
  }));
  // The page set from outside (or a controlled page that did not follow): go there.
  onCleanup(effect(() => {
    const p = clampPage(state.value.value);
    untracked(() => {
      if (!scroller.dragging.peek() && Math.abs(scroller.x.peek() - pageX(p, width.peek())) > 0.5) goTo(p);
    });
  }));
  // The direction flipped: the same page, now from the other side.
  let shownDirection = direction.peek();
  onCleanup(effect(() => {
    const now = direction.value;
    untracked(() => {
      if (now !== shownDirection) goTo(state.value.peek(), false);
      shownDirection = now;
    });
  }));

  const input = useScrollInput(ref, scroller, { axis: 'x', outer, rtl: () => direction.peek() === 'rtl' });
  let stopSettle = () => {};
  const onMetrics = (m: ScrollMetrics) => {
    scroller.setExtents({ viewportWidth: m.viewportWidth, viewportHeight: m.viewportHeight, contentWidth: m.contentWidth, contentHeight: m.contentHeight });
    width.value = m.viewportWidth;
    // Once the pages have their width, the page asked for is shown (until then every offset is page 0).
    if (!ready.peek() && m.viewportWidth > 0 && m.contentWidth >= count * m.viewportWidth - 0.5) {
      scroller.scrollTo(pageX(clampPage(state.value.peek()), m.viewportWidth), 0, { animate: false });
      ready.value = true;
    }
  };

  return (
    <View testId={props.testId} style={props.style}>
      <ScrollLayer
        ref={ref}
        {...input}
        onWheel={(e) => {
          input.onWheel(e);
          stopSettle();
          stopSettle = runWithOwner(owner, () => timeout(WHEEL_SETTLE_MS, () => scroller.fling(0, 0)));
        }}
        axis="x"
        style={{ flexGrow: 1, flexShrink: 1 }}
        contentStyle={{ flexDirection: 'row' }}
        offset={() => ({ x: scroller.x.value, y: 0 })}
        onMetrics={(m) => deferred(() => onMetrics(m))}
        focusable
        editable
        semantics={{
          role: 'group',
          label: () => read(props.label),
          value: () => ({ now: nearest.value + 1, min: 1, max: count, text: `Page ${nearest.value + 1} of ${count}` }),
          actions: ['increment', 'decrement'],
          onAction: (action: SemanticsAction) => scrollKey(chain, (action === 'increment') !== rtl() ? 'ArrowRight' : 'ArrowLeft'),
        }}
      >
        <ScrollChainContext.Provider value={chain}>
          {pages.map((page) => <View style={{ width: () => width.value, overflow: 'hidden' }}>{page}</View>)}
        </ScrollChainContext.Provider>
      </ScrollLayer>
      {props.indicator === false ? null : <PageDots count={count} current={() => nearest.value} go={(p) => goTo(p)} />}
    </View>
  );
}

/** The dots: the current page's filled, each a tab that goes to its page. */
function PageDots(props: { count: number; current: () => number; go: (page: number) => void }): Child {
  const theme = useTheme();
  return (
    <View semantics={{ role: 'tablist', label: 'Pages' }} style={{ flexDirection: 'row', justifyContent: 'center', height: DOT_TARGET }}>
      {Array.from({ length: props.count }, (_, i) => {
        const on = () => props.current() === i;
        return (
          <View
            onPress={() => props.go(i)}
            semantics={{ role: 'tab', label: `Page ${i + 1}`, selected: on }}
            style={{ width: DOT_TARGET, height: DOT_TARGET, alignItems: 'center', justifyContent: 'center' }}
          >
            <View style={{
              width: DOT, height: DOT, borderRadius: DOT / 2,
              backgroundColor: () => (on() ? theme.colors.primary : withAlpha(theme.colors.onSurfaceVariant, 0.38)),
              transition: () => ({ backgroundColor: theme.motion.duration.short4 }),
            }} />
          </View>
        );
      })}
    </View>
  );
}
