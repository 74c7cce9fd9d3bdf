/**
 * ScrollView: content larger than its box, scrolled by touch, mouse wheel, keys and encoder,
 * with the toolkit's scroll physics, fading scrollbars and, if asked, pull to refresh.
 *
 * The content is a `<ScrollLayer>`: rendered once in tiles and shown through the viewport,
 * so a scroll frame moves a plane's source rectangle; the scrollbar thumb is a small layer
 * over the viewport, moved the same way: a scroll frame repaints nothing. A `Scroller` (the
 * ScrollView's own, or the `controller` given) holds the offsets and the physics;
 * scroll-input.ts binds it to the viewport's pointer, wheel and key events. A ScrollView
 * inside another finds the outer one's Scroller through a context and takes it as its
 * parent, so a drag or fling that reaches its edge carries on in the outer one.
 *
 * Focus: the viewport is a focus stop of its own (as in Firefox; Chrome and Android skip it
 * when something inside can take focus, which needs a query the toolkit does not offer yet),
 * so a keyboard or an encoder can always reach and scroll it — push an encoder to edit, and
 * its turns scroll. `focusable={false}` takes it out of the order. Focus moving onto a node
 * inside (by keys or `scrollIntoView`) scrolls the least that shows it.
 *
 * Semantics: a `group` named by `label`, its value the offset along its main axis (0..max,
 * read out as a percentage); `increment` / `decrement` scroll a page forward / back.
 *
 * Right to left (`useDirection()`): a horizontal ScrollView starts at the right and scrolls
 * towards the left, as Flutter's and Android's do (start-edge.ts); its value counts from the right.
 */
import {
  ScrollLayer, Scroller, View, computed, effect, onCleanup, read, signal, useContext, useDirection, useInteraction,
  type Child, type NodeHandle, type Reactive, type ScrollMetrics, type SemanticsAction, type SnapSpec, type StyleProp,
} from '@planar/toolkit';
import { useTheme, type StyleValues } from '../theme/index.js';
import { usePropReporter } from '../internal/prop-report.js';
import { ScrollChainContext, deferred, scrollKey, useScrollInput, type ScrollAxis, type ScrollChain } from './scroll-input.js';
import { Scrollbars, type ScrollbarMode } from './scrollbar.js';
import { REFRESH_HOLD, RefreshIndicator, usePullToRefresh } from './pull-to-refresh.js';
import { ViewportRing } from './viewport-ring.js';
import { anchorAtStart } from './start-edge.js';

export interface ScrollViewProps {
  /** The axes it scrolls (default 'y'); with a `controller`, give the controller's. */
  axis?: ScrollAxis;
  /** The outer box (its size: give it a height, or let it grow in a flex column). */
  style?: StyleValues;
  /** The content's box (padding, gap, direction). */
  contentStyle?: StyleProp;
  /** The content is at least as long as the viewport, so a `flexGrow` spacer can push a footer to its end (Android's fillViewport). */
  fillViewport?: boolean;
  /** Past an edge: stretch and spring back ('bounce', the default), or stop ('clamp'). Ignored with a `controller`. */
  overscroll?: 'bounce' | 'clamp';
  /** Where it comes to rest after a fling (an interval, points, 'page' or a function). Ignored with a `controller`. */
  snap?: SnapSpec;
  /** 'auto' (default): shown while scrolling, faded a second after; 'always' when the content overflows; 'never'. */
  scrollbar?: Reactive<ScrollbarMode>;
  /** A Scroller to use (to scroll from outside, or to share with a list); without it the ScrollView makes its own. */
  controller?: Scroller;
  /** Called with the offsets whenever they change. */
  onScroll?: (x: number, y: number) => void;
  /** Called after a frame in which the viewport, the content or the rendered window changed size. */
  onMetrics?: (metrics: ScrollMetrics) => void;
  /** Pull down at the top to refresh: a spinner shows above the content until the promise settles (vertical only). */
  onRefresh?: () => Promise<unknown> | unknown;
  /** The accessible name of the scrolled region. */
  label?: Reactive<string | undefined>;
  /** Whether the viewport is a focus stop of its own (default true). */
  focusable?: Reactive<boolean>;
  testId?: string;
  children?: Child;
}

const SCROLLBARS: readonly ScrollbarMode[] = ['auto', 'always', 'never'];

/**
 * A scrolling box.
 * @example
 * <ScrollView label="Settings" style={{ flexGrow: 1 }} contentStyle={{ padding: 16, gap: 8 }}>
 *   {rooms.map((r) => <ListItem title={r.name} onPress={() => open(r)} />)}
 * </ScrollView>
 * <ScrollView label="Messages" style={{ height: 400 }} onRefresh={() => inbox.reload()}>…</ScrollView>
 */
export function ScrollView(props: ScrollViewProps): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const report = usePropReporter(ref);
  const axis = props.axis ?? 'y';
  const outer = useContext(ScrollChainContext);
  const scroller = props.controller ?? new Scroller({ axis, overscroll: props.overscroll, snap: props.snap, parent: outer?.scroller ?? null });
  const chain: ScrollChain = { scroller, outer };
  if (props.onRefresh && axis === 'x') report('onRefresh', props.onRefresh, 'needs a vertical scroll view (axis \'y\' or \'both\'); no pull to refresh here');
  const pull = usePullToRefresh(scroller, axis === 'x' ? undefined : props.onRefresh, ref);
  const direction = useDirection();
  const rtl = () => axis !== 'y' && direction.value === 'rtl';
  const input = useScrollInput(ref, scroller, { axis, outer, release: pull.release, rtl: () => direction.peek() === 'rtl' });
  const extents = anchorAtStart(scroller, direction);
  onCleanup(extents.dispose);

  const metrics = signal<ScrollMetrics | null>(null);
  onCleanup(effect(() => {
    const m = metrics.value;
    if (!m) return;
    const held = pull.refreshing.value ? REFRESH_HOLD : 0;
    extents.setExtents({ viewportWidth: m.viewportWidth, viewportHeight: m.viewportHeight, contentWidth: m.contentWidth, contentHeight: m.contentHeight + held });
  }));
  if (props.onScroll) onCleanup(scroller.onScroll(props.onScroll));

  const offset = computed(() => ({ x: scroller.x.value, y: scroller.y.value - pull.hold.value }));
  const scrollbar = (): ScrollbarMode => {
    const mode = props.scrollbar === undefined ? 'auto' : read(props.scrollbar);
    if (SCROLLBARS.includes(mode)) return mode;
    report('scrollbar', mode, `must be ${SCROLLBARS.map((m) => `'${m}'`).join(', ')}; using 'auto'`);
    return 'auto';
  };
  const { focusVisible, editing } = useInteraction(ref);
  const primary = axis === 'x' ? 'x' : 'y';
  const maxOffset = () => {
    const m = metrics.value;
    return m ? Math.max(0, primary === 'x' ? m.contentWidth - m.viewportWidth : m.contentHeight - m.viewportHeight) : 0;
  };

  return (
    <View testId={props.testId} style={props.style}>
      <View style={{ flexGrow: 1, flexShrink: 1, overflow: 'hidden' }}>
        <ScrollLayer
          ref={ref}
          {...input}
          axis={axis}
          style={{ flexGrow: 1, flexShrink: 1 }}
          // In rtl, content narrower than the viewport starts at its right edge.
          contentStyle={() => ({ ...read(props.contentStyle), ...(rtl() ? { minWidth: metrics.value?.viewportWidth ?? 0 } : {}) })}
          fillViewport={props.fillViewport}
          offset={offset}
          onMetrics={(m) => {
            deferred(() => (metrics.value = m));
            props.onMetrics?.(m);
          }}
          onReveal={(rect) => reveal(scroller, metrics.peek(), rect)}
          overlay={<Scrollbars scroller={scroller} axis={axis} mode={scrollbar} sizes={metrics} offset={offset} />}
          focusable={props.focusable ?? true}
          editable
          semantics={{
            role: 'group',
            label: () => read(props.label),
            value: () => {
              const max = maxOffset();
              if (max <= 0) return undefined;
              const along = primary === 'x' ? (rtl() ? max - scroller.x.value : scroller.x.value) : scroller.y.value;
              const now = Math.round(Math.min(max, Math.max(0, along)));
              return { now, min: 0, max: Math.round(max), text: `${Math.round((now / max) * 100)}%` };
            },
            actions: ['increment', 'decrement'],
            onAction: (action: SemanticsAction) => scrollKey(chain, (action === 'increment') !== (primary === 'x' && rtl()) ? 'PageDown' : 'PageUp'),
          }}
        >
          <ScrollChainContext.Provider value={chain}>{props.children}</ScrollChainContext.Provider>
          <ViewportRing shown={() => focusVisible.value || editing.value} sizes={metrics} offset={offset} color={() => theme.colors.primary} />
        </ScrollLayer>
        <RefreshIndicator top={computed(() => Math.max(0, -offset.value.y))} refreshing={pull.refreshing} />
      </View>
    </View>
  );
}

/** Scrolls the least that shows `rect` (content coordinates), animated; a rect larger than the viewport shows its start. */
function reveal(scroller: Scroller, m: ScrollMetrics | null, rect: { x: number; y: number; width: number; height: number }): void {
  if (!m) return;
  const along = (at: number, size: number, start: number, length: number) => {
    if (start < at || length > size) return start;
    return start + length > at + size ? start + length - size : at;
  };
  const x = along(scroller.x.peek(), m.viewportWidth, rect.x, rect.width);
  const y = along(scroller.y.peek(), m.viewportHeight, rect.y, rect.height);
  if (x !== scroller.x.peek() || y !== scroller.y.peek()) scroller.scrollTo(x, y);
}
