/**
 * Swipe panels: one panel shown at a time (the selected one, in the layout flow), and a
 * horizontal swipe that slides it aside to bring the neighbour in — the panels of Tabs.
 *
 * Unlike a Pager, the panels are not all there: at rest only the selected panel is mounted,
 * at its natural height. A drag mounts the neighbour it reveals, beside it; both slide by a
 * transform as the Scroller's offset moves (x = index × width at rest). The Scroller snaps
 * to panels, skipping those that cannot be selected: a release faster than
 * PAGE_FLING_VELOCITY goes to the next selectable panel in its direction, a slower one to the
 * one nearest where it was let go. The panel it heads for is selected at the release, so a
 * tab bar follows at once; the one left behind is unmounted when the slide ends. A selection
 * made elsewhere (a tap on a tab, a key) switches at once, with no slide: the old panel is
 * unmounted, the new one mounted.
 *
 * The width is measured when a finger goes down (the only time the offset matters).
 */
import {
  FRICTION, PAGE_FLING_VELOCITY, Scroller, Show, View, computed, effect, onCleanup, untracked, useContext, useViewport,
  type Child, type NodeHandle, type ReadonlySignal,
} from '@planar/toolkit';
import { logicalBox } from '../internal/popup.js';
import { ScrollChainContext, useScrollInput } from './scroll-input.js';

export interface SwipePanelsProps {
  count: () => number;
  /** The selected panel's index (−1: none). */
  selected: ReadonlySignal<number>;
  /** Whether panel `index` can be selected. */
  selectable: (index: number) => boolean;
  select: (index: number) => void;
  /** No swiping now. */
  disabled?: () => boolean;
  /** The panel at `index`, mounted while it shows. */
  panel: (index: number) => Child;
}

/**
 * Panels swiped sideways, one at a time (see above).
 * @example <SwipePanels count={() => items.length} selected={index} selectable={(i) => !items[i].disabled} select={pick} panel={(i) => items[i].panel()} />
 */
export function SwipePanels(props: SwipePanelsProps): Child {
  const ref = { current: null as NodeHandle | null };
  const viewport = useViewport();
  const outer = useContext(ScrollChainContext);
  let width = 0;
  /** The panel the offset is heading for (selected at the release). */
  let heading = props.selected.peek();

  /** The selectable panel a release should rest on, nearest `index` going `dir` first. */
  const nearestSelectable = (index: number, dir: number) => {
    const n = props.count();
    const start = Math.max(0, Math.min(n - 1, index));
    for (const d of dir < 0 ? [-1, 1] : [1, -1]) {
      for (let i = start; i >= 0 && i < n; i += d) if (props.selectable(i)) return i;
    }
    return props.selected.peek();
  };
  const scroller = new Scroller({
    axis: 'x',
    parent: outer?.scroller ?? null,
    snap: (stop, velocity) => {
      if (width <= 0) return 0;
      const from = stop - velocity / FRICTION;
      const page = from / width;
      const fast = Math.abs(velocity) > PAGE_FLING_VELOCITY;
      const index = fast ? (velocity > 0 ? Math.floor(page + 1e-6) + 1 : Math.ceil(page - 1e-6) - 1) : Math.round(page);
      heading = nearestSelectable(index, fast ? Math.sign(velocity) : Math.sign(index - props.selected.peek()));
      return heading * width;
    },
  });

  const measure = () => {
    const box = ref.current?.box();
    if (!box) return;
    width = logicalBox(box, viewport.peek()).width;
    const n = props.count();
    scroller.setExtents({ viewportWidth: width, viewportHeight: 0, contentWidth: n * width, contentHeight: 0 });
    if (!scroller.moving.peek() && !scroller.dragging.peek()) scroller.scrollTo(Math.max(0, props.selected.peek()) * width, 0, { animate: false });
  };
  const input = useScrollInput(ref, scroller, {
    axis: 'x',
    outer,
    disabled: () => props.disabled?.() === true,
    release: (vx, vy) => {
      scroller.dragEnd(vx, vy);
      if (heading !== props.selected.peek()) props.select(heading);
    },
  });

  // A selection made elsewhere: switch at once.
  onCleanup(effect(() => {
    const index = props.selected.value;
    untracked(() => {
      if (index === heading) return;
      heading = index;
      scroller.stop();
      if (width > 0) scroller.scrollTo(Math.max(0, index) * width, 0, { animate: false });
    });
  }));

  // Remounts the panels only when their number changes.
  const count = computed(() => props.count());
  const sliding = computed(() => scroller.dragging.value || scroller.moving.value);
  /** Which panels show: the selected one at rest, the one or two under the viewport while sliding. */
  const shows = (i: number) => {
    if (!sliding.value || width <= 0) return i === props.selected.value;
    const at = scroller.x.value / width;
    return i === props.selected.value || (i >= Math.floor(at) && i <= Math.ceil(at));
  };

  return (
    <View
      ref={ref}
      onPointerDownCapture={(e) => {
        measure();
        input.onPointerDownCapture(e);
      }}
      onPointerUp={input.onPointerUp}
      onPointerCancel={input.onPointerCancel}
      style={{ flexGrow: 1, overflow: 'hidden' }}
    >
      <ScrollChainContext.Provider value={{ scroller, outer }}>
        {() => Array.from({ length: count.value }, (_, i) => (
          <Show when={() => shows(i)}>{(_shown: () => boolean) => (
            <View style={() => ({
              // The selected panel keeps the flow (its height is the panels' height); a neighbour lies beside it.
              ...(i === props.selected.value ? { position: 'relative' as const } : { position: 'absolute' as const, left: 0, right: 0, top: 0 }),
              transform: sliding.value ? { translateX: i * width - scroller.x.value } : undefined,
            })}>
              {props.panel(i)}
            </View>
          )}</Show>
        ))}
      </ScrollChainContext.Provider>
    </View>
  );
}
