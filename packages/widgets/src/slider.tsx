/**
 * Slider: a value (or a range, with two thumbs) picked along a rail, horizontal or vertical,
 * continuous or in steps. The behaviour is `useSlider` (slider-state.ts); this file draws it:
 * a rail with its active part, tick dots when stepped, thumbs that take focus, and a value
 * label above a thumb while it is dragged or edited with an encoder. Along a horizontal rail
 * everything is placed from the `start` edge, so in a right-to-left layout it runs from the right.
 */
import {
  For, Text, View, computed, read, useInteraction, useViewport,
  type Child, type NodeHandle,
} from '@planar/toolkit';
import { useTheme, type StyleValues } from './theme/index.js';
import { usePropReporter } from './internal/prop-report.js';
import { useSlider, type SliderState, type SliderStateProps, type SliderValue } from './slider-state.js';

export interface SliderProps<V extends SliderValue> extends SliderStateProps<V> {
  testId?: string;
  /** Overrides for the slider's box (e.g. `{ width: 320 }`, or `{ height: 240 }` when vertical). */
  style?: StyleValues;
}

/** The thumb's knob, its focus ring and the gap between them. */
const KNOB = 20, RING = 2, GAP = 2;
const THUMB = KNOB + 2 * (RING + GAP);
/** The rail starts and ends this far in, so a thumb at either end stays inside the box. */
const INSET = THUMB / 2;
const THICKNESS = 44, TRACK = 4;
/** Ticks are drawn for steps no denser than this. */
const MAX_TICKS = 24;

const pct = (f: number): `${number}%` => `${Number((f * 100).toFixed(4))}%`;

function Thumb(props: { index: number; slider: SliderState; vertical: boolean }): Child {
  const theme = useTheme();
  const c = theme.colors;
  const ref = { current: null as NodeHandle | null };
  const { focusVisible, editing } = useInteraction(ref);
  const s = props.slider;
  const value = () => s.values.value[props.index] ?? s.min.value;
  const labelShown = () => s.dragging.value === props.index || editing.value;
  const motion = () => ({ duration: theme.motion.duration.short2, easing: theme.motion.easing.standard });
  const place: StyleValues = props.vertical
    ? { bottom: () => pct(s.fraction(value())), marginBottom: -THUMB / 2, left: (THICKNESS - THUMB) / 2 }
    : { start: () => pct(s.fraction(value())), marginStart: -THUMB / 2, top: (THICKNESS - THUMB) / 2 };
  return (
    <View ref={ref} {...s.thumbProps(props.index)} style={{
      position: 'absolute', ...place, width: THUMB, height: THUMB, padding: GAP, borderWidth: RING, borderRadius: THUMB / 2,
      borderColor: () => (focusVisible.value || editing.value ? c.primary : 'transparent'),
    }}>
      <View style={{ width: KNOB, height: KNOB, borderRadius: KNOB / 2, backgroundColor: () => c.primary }} />
      <View style={{
        position: 'absolute', width: 56, height: 28, borderRadius: 14, alignItems: 'center', justifyContent: 'center',
        ...(props.vertical ? { right: THUMB, top: -RING } : { bottom: THUMB, left: (THUMB - 56) / 2 - RING }),
        backgroundColor: () => c.inverseSurface,
        opacity: () => (labelShown() ? 1 : 0), transition: () => ({ opacity: motion() }),
      }}>
        <Text style={{ ...theme.typography('labelLarge'), color: () => c.inverseOnSurface }}>{() => s.format(value())}</Text>
      </View>
    </View>
  );
}

/**
 * A themed slider: one value, or a range when `value` / `defaultValue` is a pair.
 * A writable signal given as `value` is written directly (two-way); any other value makes it controlled.
 * @example
 * const brightness = signal(70);
 * <Slider label="Brightness" value={brightness} />
 * <Slider label="Night hours" defaultValue={[22, 6]} min={0} max={23} step={1} />   // reported: given high to low
 * <Slider label="Volume" orientation="vertical" defaultValue={40} style={{ height: 240 }} />
 */
export function Slider<V extends SliderValue>(props: SliderProps<V>): Child {
  const theme = useTheme();
  const c = theme.colors;
  const ref = { current: null as NodeHandle | null };
  const viewport = useViewport();
  const vertical = props.orientation === 'vertical';
  const report = usePropReporter(ref);
  const slider = useSlider(props, ref, report, {
    inset: INSET,
    length: () => {
      const box = ref.current?.box();
      if (!box) return 0;
      const { scale, rotation } = viewport.peek();
      const across = rotation === 90 || rotation === 270;
      return (vertical !== across ? box.height : box.width) / scale;
    },
  });
  const disabled = () => (props.disabled !== undefined ? read(props.disabled) : false);
  const active = computed(() => {
    const v = slider.values.value;
    return v.length === 2 ? [slider.fraction(v[0]!), slider.fraction(v[1]!)] : [0, slider.fraction(v[0]!)];
  });
  const ticks = computed(() => {
    const s = props.step === undefined ? undefined : read(props.step);
    const span = slider.max.value - slider.min.value;
    if (s === undefined || !(s > 0) || span <= 0 || span / s > MAX_TICKS) return [];
    const out: number[] = [];
    for (let i = 0; i * s <= span + 1e-9; i++) out.push((i * s) / span);
    return out;
  });
  const along = (from: number, to: number): StyleValues => (vertical
    ? { bottom: pct(from), height: pct(to - from), left: (THICKNESS - TRACK) / 2, width: TRACK }
    : { start: pct(from), width: pct(to - from), top: (THICKNESS - TRACK) / 2, height: TRACK });
  const rail: StyleValues = vertical ? { top: INSET, bottom: INSET, left: 0, right: 0 } : { left: INSET, right: INSET, top: 0, bottom: 0 };

  return (
    <View ref={ref} testId={props.testId} disabled={props.disabled} style={() => ({
      ...(vertical ? { width: THICKNESS, height: 200 } : { height: THICKNESS, width: 240 }),
      opacity: disabled() ? 0.38 : 1,
      ...props.style,
    })}>
      <View style={{ position: 'absolute', ...rail }}>
        <View style={{ position: 'absolute', ...along(0, 1), borderRadius: TRACK / 2, backgroundColor: () => c.secondaryContainer }} />
        <View style={() => ({ position: 'absolute', ...along(active.value[0]!, active.value[1]!), borderRadius: TRACK / 2, backgroundColor: c.primary }) as StyleValues} />
        <For each={ticks}>{(f) => {
          const on = () => f >= active.value[0]! - 1e-9 && f <= active.value[1]! + 1e-9;
          const at: StyleValues = vertical ? { bottom: pct(f), left: THICKNESS / 2 - 1, marginBottom: -1 } : { start: pct(f), top: THICKNESS / 2 - 1, marginStart: -1 };
          return <View style={{
            position: 'absolute', width: 2, height: 2, borderRadius: 1, ...at,
            backgroundColor: () => (on() ? c.onPrimary : c.onSecondaryContainer),
          }} />;
        }}</For>
        <For each={() => slider.values.value.map((_, i) => i)}>{(i) => <Thumb index={i} slider={slider} vertical={vertical} />}</For>
      </View>
    </View>
  );
}

