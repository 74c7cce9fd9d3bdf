/**
 * Pull to refresh: content pulled down past its top far enough, and let go, shows a spinner
 * above it while `onRefresh`'s promise runs, then closes.
 *
 * 1. While the finger pulls the content past its top (the rubber band), a ring above the
 *    content fills as the pull nears REFRESH_THRESHOLD px.
 * 2. Let go past the threshold, the content is held HOLD px down while the promise runs: the
 *    scroller springs back to its top as usual, and a `hold` the same length is tweened in
 *    alongside, so the content is shown at (scroller offset − hold) and glides from where it
 *    was let go to HOLD down without a jump. While it is held, the scroller's content is
 *    taken as HOLD px longer, so the end of the content can still be scrolled into view.
 * 3. When the promise settles (either way), the hold is tweened out and the spinner leaves.
 *
 * The spinner is drawn behind the content's layer, in the box around the viewport: it shows
 * through the gap above the content's top, which only the pull opens.
 */
import { Show, View, computed, createTween, getOwner, onCleanup, reportPropError, runWithOwner, signal, type NodeHandle, type ReadonlySignal, type Scroller } from '@planar/toolkit';
import { useTheme } from '../theme/index.js';
import { Spinner } from '../spinner.js';

/** How far past its top the content must be pulled for a refresh, logical px. */
export const REFRESH_THRESHOLD = 64;
/** How far down the content is held while refreshing (the spinner's room), logical px. */
export const REFRESH_HOLD = 56;
/** How long the hold takes to open or close, ms. */
const HOLD_MS = 400;
const DISC = 40;

export interface PullToRefresh {
  /** A refresh is running. */
  readonly refreshing: ReadonlySignal<boolean>;
  /** How far the content is held down now (tweened), logical px. */
  readonly hold: ReadonlySignal<number>;
  /** The finger lifted: starts a refresh when pulled far enough, then releases the scroller. */
  release(vx: number, vy: number): void;
}

/**
 * Pull-to-refresh for `scroller` (a vertical one); without `onRefresh` it only releases.
 * @example const pull = usePullToRefresh(scroller, props.onRefresh, ref);   // release: pull.release
 */
export function usePullToRefresh(scroller: Scroller, onRefresh: (() => Promise<unknown> | unknown) | undefined, ref: { readonly current: NodeHandle | null }): PullToRefresh {
  const owner = getOwner();
  const refreshing = signal(false);
  const hold = createTween(0, { duration: HOLD_MS });
  let mounted = true;
  onCleanup(() => (mounted = false));
  // The promise may settle after the view is gone: then there is nothing to close.
  const finish = () => mounted && runWithOwner(owner, () => {
    refreshing.value = false;
    hold.to(0);
  });
  return {
    refreshing,
    hold: hold.value,
    release(vx, vy) {
      const pulled = -scroller.y.peek();
      if (onRefresh && !refreshing.peek() && pulled >= REFRESH_THRESHOLD) {
        refreshing.value = true;
        hold.to(REFRESH_HOLD);
        let result: unknown;
        try {
          result = onRefresh();
        } catch (error) {
          result = Promise.reject(error);
        }
        Promise.resolve(result).catch((error: unknown) => {
          if (ref.current) reportPropError(ref.current, 'onRefresh', error, `failed: ${error instanceof Error ? error.message : String(error)} — the refresh ended; handle failures inside onRefresh`);
        }).finally(finish);
      }
      scroller.dragEnd(vx, vy);
    },
  };
}

/**
 * The spinner above the content: a ring filling as the content is pulled, spinning while it
 * refreshes; placed so that its bottom meets the content's top. `top` is the content's top
 * edge below the viewport's (0 at rest).
 */
export function RefreshIndicator(props: { top: ReadonlySignal<number>; refreshing: ReadonlySignal<boolean> }) {
  const theme = useTheme();
  const progress = computed(() => Math.min(1, props.top.value / REFRESH_THRESHOLD));
  const visible = computed(() => props.refreshing.value || props.top.value > 0.5);
  return (
    <Show when={visible}>
      <View style={{
        // Only as wide as the disc: moving it repaints the disc, not a band across the view.
        position: 'absolute', left: '50%', marginLeft: -DISC / 2, width: DISC, height: REFRESH_HOLD,
        top: () => props.top.value - REFRESH_HOLD, alignItems: 'center', justifyContent: 'center',
      }}>
        <View style={{
          width: DISC, height: DISC, borderRadius: DISC / 2, alignItems: 'center', justifyContent: 'center',
          backgroundColor: () => theme.colors.surfaceContainerHigh, shadow: () => theme.elevation.level1,
        }}>
          <Spinner size={24} thickness={3} label="Refreshing" value={() => (props.refreshing.value ? undefined : progress.value * 100)} />
        </View>
      </View>
    </Show>
  );
}
