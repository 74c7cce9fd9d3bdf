/**
 * Switch: an on/off control. A tap (or Enter / Space, or an encoder's push) toggles it; the
 * thumb can also be dragged along the track and lands on the side it was let go nearer to (or
 * the side it was flicked towards). The thumb slides by a style transition, never by hand.
 */
import {
  Text, View, read, signal, useDirection, useGestures, useInteraction,
  type Child, type KeyEvent, type NodeHandle, type PanEndEvent, type PanEvent, type Reactive, type ReadonlySignal, type SemanticsProps,
} from '@planar/toolkit';
import { useTheme } from './theme/index.js';
import type { StyleValues } from './theme/index.js';
import { useControllable } from './internal/controllable.js';

export interface SwitchProps {
  /** On or off. A writable signal is written directly (two-way); any other value makes the switch controlled. */
  checked?: Reactive<boolean>;
  /** The starting state when `checked` is not given. */
  defaultChecked?: boolean;
  /** Called with the new state when the person toggles it. */
  onChange?: (checked: boolean) => void;
  disabled?: Reactive<boolean>;
  /** The accessible name, also shown before the track unless `hideLabel`. */
  label?: Reactive<string>;
  /** Keep the label for assistive technology only (a list item already shows it). */
  hideLabel?: boolean;
  testId?: string;
  /** Overrides for the outer box. */
  style?: StyleValues;
}

/** A flick faster than this (logical px/s) decides the side, whatever the position. */
const FLICK_VELOCITY = 300;

export interface SwitchBehaviour {
  checked: ReadonlySignal<boolean>;
  /** While the thumb is dragged: where it is, 0 (off) .. 1 (on); otherwise null. */
  drag: ReadonlySignal<number | null>;
  toggle(): void;
  /** Props for the box that is the switch (press, keys, focus, semantics). */
  rootProps: {
    focusable: true;
    onPress: () => void;
    onKeyDown: (e: KeyEvent) => void;
    semantics: SemanticsProps;
  };
}

/**
 * The behaviour of a switch, apart from its looks: state, toggling by press and keys,
 * dragging the thumb over `travel` logical px on the node behind `trackRef`, and semantics.
 * @example
 * const sw = useSwitch(props, trackRef, 20);
 * <View {...sw.rootProps}><View ref={trackRef}>…</View></View>
 */
export function useSwitch(props: SwitchProps, trackRef: { readonly current: NodeHandle | null }, travel: number): SwitchBehaviour {
  const state = useControllable(props.checked, props.defaultChecked, false, props.onChange);
  const drag = signal<number | null>(null);
  const disabled = () => (props.disabled !== undefined ? read(props.disabled) : false);
  const toggle = () => {
    if (!disabled()) state.set(!state.value.peek());
  };
  let from = 0;
  // In a right-to-left layout the thumb is on at the left, as Android's and Material's switches.
  const direction = useDirection();
  const forward = () => (direction.peek() === 'rtl' ? -1 : 1);
  useGestures(trackRef, {
    onPan: {
      axis: 'x',
      start: () => {
        from = state.value.peek() ? 1 : 0;
        drag.value = from;
      },
      update: (e: PanEvent) => {
        drag.value = Math.min(1, Math.max(0, from + (forward() * e.offsetX) / travel));
      },
      end: (e: PanEndEvent) => {
        const at = drag.peek() ?? from;
        drag.value = null;
        const on = Math.abs(e.velocityX) > FLICK_VELOCITY ? forward() * e.velocityX > 0 : at >= 0.5;
        if (!disabled()) state.set(on);
      },
      cancel: () => {
        drag.value = null;
      },
    },
  });
  return {
    checked: state.value,
    drag,
    toggle,
    rootProps: {
      focusable: true,
      onPress: toggle,
      onKeyDown: (e) => {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          toggle();
        }
      },
      semantics: { role: 'switch', label: props.label, checked: () => state.value.value },
    },
  };
}

const TRACK_W = 52, TRACK_H = 32, BORDER = 2;
const INNER_H = TRACK_H - 2 * BORDER;
const OFF_X = INNER_H / 2, ON_X = TRACK_W - 2 * BORDER - INNER_H / 2;

/**
 * A themed on/off switch.
 * @example
 * const wifi = signal(true);
 * <Switch label="Wi-Fi" checked={wifi} />                          // two-way
 * <Switch label="Night mode" defaultChecked onChange={(on) => setNight(on)} />
 */
export function Switch(props: SwitchProps): Child {
  const theme = useTheme();
  const rootRef = { current: null as NodeHandle | null };
  const trackRef = { current: null as NodeHandle | null };
  const sw = useSwitch(props, trackRef, ON_X - OFF_X);
  const { pressed, focusVisible } = useInteraction(rootRef);
  const c = theme.colors;
  const on = () => (sw.drag.value !== null ? sw.drag.value >= 0.5 : sw.checked.value);
  const held = () => pressed.value || sw.drag.value !== null;
  const thumbSize = () => (held() ? 28 : on() ? 24 : 16);
  const thumbX = () => OFF_X + (sw.drag.value ?? (sw.checked.value ? 1 : 0)) * (ON_X - OFF_X);
  const motion = () => ({ duration: theme.motion.duration.short4, easing: theme.motion.easing.standard });

  return (
    <View
      ref={rootRef}
      testId={props.testId}
      disabled={props.disabled}
      {...sw.rootProps}
      style={() => ({
        flexDirection: 'row', alignItems: 'center', gap: theme.spacing.md, alignSelf: 'flex-start',
        opacity: props.disabled !== undefined && read(props.disabled) ? 0.38 : 1,
        ...props.style,
      })}
    >
      {props.label !== undefined && !props.hideLabel ? (
        <Text style={{ ...theme.typography('bodyLarge'), color: () => c.onSurface, flexShrink: 1 }}>{() => read(props.label!)}</Text>
      ) : null}
      <View style={{
        padding: BORDER, borderWidth: BORDER, borderRadius: TRACK_H / 2 + 2 * BORDER,
        borderColor: () => (focusVisible.value ? c.primary : 'transparent'),
      }}>
        <View ref={trackRef} style={{
          width: TRACK_W, height: TRACK_H, borderWidth: BORDER, borderRadius: TRACK_H / 2,
          backgroundColor: () => (on() ? c.primary : c.surfaceContainerHighest),
          borderColor: () => (on() ? c.primary : c.outline),
          transition: () => ({ backgroundColor: motion(), borderColor: motion() }),
        }}>
          <View style={{
            position: 'absolute', borderRadius: 14,
            width: thumbSize, height: thumbSize,
            start: () => thumbX() - thumbSize() / 2, top: () => INNER_H / 2 - thumbSize() / 2,
            backgroundColor: () => (on() ? (held() ? c.primaryContainer : c.onPrimary) : (held() ? c.onSurfaceVariant : c.outline)),
            // While dragged, the thumb follows the finger at once; sizes and colours still ease.
            transition: () => ({
              start: sw.drag.value !== null ? 0 : motion(), top: motion(), width: motion(), height: motion(), backgroundColor: motion(),
            }),
          }} />
        </View>
      </View>
    </View>
  );
}
