/**
 * Toast: a short message at the bottom of the output that leaves by itself.
 *
 * `toast(message, options)` mounts a toast at the `<OverlayHost>`: a layer of its own, so it
 * fades and slides in, moves up as newer toasts arrive below it, and fades out by its
 * placement alone (nothing repaints). It leaves after `duration` ms on Planar's clock (the
 * testing clock in tests), when its action is pressed, or when `dismiss()` is called; past
 * `TOAST_LIMIT` toasts the oldest leaves early. It says `status` to assistive technology
 * (`alert` for the `error` tone) and never takes focus.
 */
import {
  Layer, Text, View, getOwner, onCleanup, onMount, reducedMotion, reportPropError, runWithOwner, signal, timeout,
  useViewport, type Child, type NodeHandle, type Signal,
} from '@planar/toolkit';
import { useOverlays, type OverlayManager } from './overlay.js';
import { ThemeProvider, useTheme } from './theme/index.js';
import { Button } from './button.js';

/** Toasts shown at once; a newer one sends the oldest away. */
export const TOAST_LIMIT = 3;
/** How long a toast stays by default, ms. */
export const TOAST_DURATION = 4000;
const HEIGHT = 48, GAP = 8, MARGIN = 16, MAX_WIDTH = 480, SLIDE = 16;

export interface ToastOptions {
  /** Ms before it leaves by itself (default `TOAST_DURATION`); 0 keeps it until dismissed. */
  duration?: number;
  /** `info` (default, role status) or `error` (role alert, in the error colours). */
  tone?: 'info' | 'error';
  /** A button on the toast; pressing it also dismisses the toast. */
  action?: { label: string; onPress: () => void };
  testId?: string;
}

export interface ToastHandle {
  /** Sends the toast away now (its exit fade still plays). */
  dismiss(): void;
}

/** Shows a toast; returns its handle. */
export type ToastFunction = (message: string, options?: ToastOptions) => ToastHandle;

interface ToastItem { leave: () => void }

/** The toasts of each host, newest last. */
const stacks = new WeakMap<OverlayManager, Signal<ToastItem[]>>();

/**
 * The `toast` function of the `<OverlayHost>` above (call it in a component, use it anywhere).
 * @example
 * const toast = useToast();
 * const save = () => { store(settings); toast('Saved'); };
 * toast('Schedule deleted', { action: { label: 'Undo', onPress: restore } });
 */
export function useToast(): ToastFunction {
  const overlays = useOverlays('useToast()');
  let stack = stacks.get(overlays);
  if (!stack) stacks.set(overlays, (stack = signal<ToastItem[]>([])));
  const items = stack;
  return (message, options = {}) => {
    const item: ToastItem = { leave: () => {} };
    const unmount = overlays.mount(() => (
      <Toast message={message} options={options} item={item} items={items} zIndex={overlays.nextZIndex('toast')} onGone={() => unmount()} />
    ));
    const over = items.peek().length + 1 - TOAST_LIMIT;
    items.value = [...items.peek(), item];
    for (const old of items.peek().slice(0, Math.max(0, over))) old.leave();
    return { dismiss: () => item.leave() };
  };
}

interface ToastViewProps {
  message: string;
  options: ToastOptions;
  item: ToastItem;
  items: Signal<ToastItem[]>;
  zIndex: number;
  onGone: () => void;
}

function Toast(props: ToastViewProps): Child {
  const theme = useTheme();
  const viewport = useViewport();
  const owner = getOwner();
  const { options, item, items } = props;
  const error = options.tone === 'error';
  const shown = signal(false);
  const layer = { current: null as NodeHandle | null };
  // Slots from the bottom: the newest is 0. A leaving toast keeps the slot it had.
  let frozen: number | null = null;
  const slot = () => frozen ?? Math.max(0, items.value.length - 1 - items.value.indexOf(item));
  let stopTimer = () => {};
  let gone = false;

  item.leave = () => {
    if (frozen !== null) return;
    frozen = slot();
    stopTimer();
    items.value = items.peek().filter((i) => i !== item);
    shown.value = false;
    const finish = () => {
      if (!gone) props.onGone();
      gone = true;
    };
    if (reducedMotion()) finish();
    else runWithOwner(owner, () => timeout(theme.motion.duration.short4, finish));
  };
  onCleanup(() => {
    stopTimer();
    if (frozen === null) items.value = items.peek().filter((i) => i !== item);
  });

  const duration = checkDuration(options.duration);
  onMount(() => {
    if (frozen === null) shown.value = true;
    if (layer.current && duration.problem) reportPropError(layer.current, 'toast.duration', options.duration, duration.problem);
    if (layer.current && !props.message.trim()) reportPropError(layer.current, 'toast.message', props.message, 'must be a non-empty string: a toast is its message');
  });
  if (duration.ms > 0) stopTimer = timeout(duration.ms, () => item.leave());

  const width = () => Math.min(MAX_WIDTH, viewport.value.width - 2 * MARGIN);
  const fg = () => (error ? theme.colors.onErrorContainer : theme.colors.inverseOnSurface);
  return (
    <Layer
      ref={layer}
      testId={options.testId}
      zIndex={props.zIndex}
      position={() => ({ x: Math.round((viewport.value.width - width()) / 2), y: viewport.value.height - MARGIN - HEIGHT })}
      semantics={{ role: error ? 'alert' : 'status', label: props.message }}
      style={() => ({
        width: width(),
        height: HEIGHT,
        opacity: shown.value ? 1 : 0,
        transform: { translateY: -slot() * (HEIGHT + GAP) + (shown.value ? 0 : SLIDE) },
        transition: {
          opacity: { duration: theme.motion.duration.short4, easing: theme.motion.easing.standard },
          transform: { duration: theme.motion.duration.medium1, easing: theme.motion.easing.emphasized },
        },
      })}
    >
      <View style={{
        flexGrow: 1, flexDirection: 'row', alignItems: 'center', gap: () => theme.spacing.sm,
        paddingLeft: () => theme.spacing.lg, paddingRight: () => theme.spacing.xs,
        borderRadius: () => theme.radii.xs,
        backgroundColor: () => (error ? theme.colors.errorContainer : theme.colors.inverseSurface),
      }}>
        <Text style={{ ...theme.typography('bodyMedium'), color: fg, flexGrow: 1, flexShrink: 1, maxLines: 1 }}>{props.message}</Text>
        {options.action && (
          <ThemeProvider override={() => ({ colors: { primary: error ? theme.colors.error : theme.colors.inversePrimary } })}>
            <Button label={options.action.label} variant="text" onPress={() => {
              options.action!.onPress();
              item.leave();
            }} />
          </ThemeProvider>
        )}
      </View>
    </Layer>
  );
}

/** A toast's duration, or the default and what was wrong with the one given. */
function checkDuration(value: number | undefined): { ms: number; problem: string | null } {
  if (value === undefined) return { ms: TOAST_DURATION, problem: null };
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    return { ms: TOAST_DURATION, problem: `must be a finite number of ms ≥ 0 (0 keeps it until dismissed); using ${TOAST_DURATION}` };
  }
  return { ms: value, problem: null };
}
