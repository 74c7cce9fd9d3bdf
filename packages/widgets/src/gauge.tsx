/**
 * Gauge: a value on an arc — a track with ticks, an optional numbered scale, coloured ranges,
 * and the value as an arc, an arc with a knob (a thermostat's dial) or a needle; a second
 * value can sit on the track as a marker (the measured temperature beside the setpoint).
 * What goes in its middle is its children.
 *
 * `useGauge` checks the props and resolves everything to fractions of the scale; `Gauge`
 * draws it on a `<Canvas>` (gauge-draw.ts) from theme tokens and eases the value when it
 * changes, on the app's clock (a jump under reduced motion).
 */
import {
  Canvas, For, Text, View, computed, createTween, effect, onCleanup, read, reducedMotion, untracked,
  type Child, type NodeHandle, type ReadonlySignal, type Reactive, type SemanticsProps,
} from '@planar/toolkit';
import { useTheme, type ColorRoles, type StyleValues } from './theme/index.js';
import { checkRange, reportProblems, type CheckedRange, type PropProblem } from './progress-bar-range.js';
import { SMALL_DIAL, dialGeometry, drawDial } from './gauge-draw.js';

export { SMALL_DIAL };

/** A stretch of the scale drawn in a colour: a theme role (`tone`) or any colour. */
export interface GaugeRange { from: number; to: number; tone?: keyof ColorRoles; color?: string }

export type GaugeIndicator = 'arc' | 'knob' | 'needle';

/** At most this many ticks are drawn; a finer `tickStep` is reported. */
const MAX_TICKS = 200;

export interface GaugeProps {
  /** The value shown (read only: the gauge never writes it). Default `min`. */
  value?: Reactive<number>;
  /** Default 0. */
  min?: Reactive<number>;
  /** Default 100. */
  max?: Reactive<number>;
  /** A second value drawn as a dot on the track (e.g. the measured temperature). */
  marker?: Reactive<number | undefined>;
  /** `arc` (default): the track filled to the value; `knob`: the arc with a glow and a knob at its end; `needle`. */
  indicator?: Reactive<GaugeIndicator>;
  /** Where the scale starts, degrees clockwise from 3 o'clock; default 135 (bottom left). */
  startAngle?: number;
  /** How far the scale turns, degrees; default 270. */
  sweep?: number;
  /** A tick every this many units; none without it. Dials under 120 px draw no ticks. */
  tickStep?: Reactive<number | undefined>;
  /** Every this many ticks is a major (longer) one; default 5. */
  majorTickEvery?: number;
  /** Numbers at the major ticks. */
  scale?: Reactive<boolean>;
  formatScale?: (value: number) => string;
  ranges?: Reactive<readonly GaugeRange[] | undefined>;
  /** The value arc's colour (a colour, signal or getter); default the theme's primary. */
  accent?: Reactive<string | undefined>;
  /** The diameter in logical px; default 160. */
  size?: number;
  /** The accessible name. */
  label?: Reactive<string | undefined>;
  /** The value as read out; default the number itself. */
  formatValue?: (value: number) => string;
  /** Eases the drawn value when it changes (default true; never under reduced motion). */
  animate?: boolean;
  disabled?: Reactive<boolean>;
  testId?: string;
  style?: StyleValues;
  /** Drawn in the middle of the dial (the value in large type, a caption). */
  children?: Child;
}

export interface GaugeState {
  range: ReadonlySignal<CheckedRange>;
  /** The value's place on the scale, 0..1. */
  fraction: ReadonlySignal<number>;
  marker: ReadonlySignal<number | undefined>;
  ticks: ReadonlySignal<{ at: number; value: number; major: boolean }[]>;
  ranges: ReadonlySignal<{ from: number; to: number; tone?: keyof ColorRoles; color?: string }[]>;
  valueText: () => string;
  semantics: SemanticsProps;
}

/**
 * The behaviour of a gauge: checked range, value, marker, ticks and ranges as fractions of the
 * scale, bad props reported on the node behind `ref`, and `progressbar` semantics with the value.
 * @example const gauge = useGauge(props, ref);   // gauge.fraction.value is 0..1
 */
export function useGauge(props: GaugeProps, ref: { readonly current: NodeHandle | null }): GaugeState {
  const range = computed(() => checkRange(read(props.value) ?? read(props.min) ?? 0, read(props.min) ?? 0, read(props.max) ?? 100, { min: 0, max: 100 }));
  const span = () => range.value.max - range.value.min;
  const toFraction = (v: number) => Math.min(1, Math.max(0, (v - range.value.min) / span()));
  const fraction = computed(() => toFraction(range.value.value));
  const markerChecked = computed(() => {
    const m = read(props.marker);
    if (m === undefined) return { value: undefined, problems: [] };
    const r = range.value;
    const checked = checkRange(m, r.min, r.max, r);
    return { value: checked.value, problems: checked.problems.map((p) => ({ ...p, prop: 'marker' })) };
  });
  const marker = computed(() => (markerChecked.value.value === undefined ? undefined : toFraction(markerChecked.value.value)));
  const tickStep = computed((): { step: number | undefined; problems: PropProblem[] } => {
    const step = read(props.tickStep);
    if (step === undefined) return { step: undefined, problems: [] };
    if (!Number.isFinite(step) || step <= 0) return { step: undefined, problems: [{ prop: 'tickStep', value: step, problem: 'must be a positive number of units between ticks; drawing no ticks' }] };
    if (span() / step > MAX_TICKS) {
      const coarser = span() / MAX_TICKS;
      return { step: coarser, problems: [{ prop: 'tickStep', value: step, problem: `makes more than ${MAX_TICKS} ticks over ${range.value.min}..${range.value.max}; using ${coarser}` }] };
    }
    return { step, problems: [] };
  });
  const ticks = computed(() => {
    const step = tickStep.value.step;
    if (step === undefined) return [];
    const every = Math.max(1, Math.round(props.majorTickEvery ?? 5));
    const out: { at: number; value: number; major: boolean }[] = [];
    for (let i = 0; range.value.min + i * step <= range.value.max + step * 1e-9; i++) {
      const value = range.value.min + i * step;
      out.push({ at: toFraction(value), value, major: i % every === 0 });
    }
    return out;
  });
  const rangesChecked = computed(() => {
    const problems: PropProblem[] = [];
    const out: { from: number; to: number; tone?: keyof ColorRoles; color?: string }[] = [];
    for (const g of read(props.ranges) ?? []) {
      if (!(Number.isFinite(g.from) && Number.isFinite(g.to) && g.from < g.to)) {
        problems.push({ prop: 'ranges', value: g, problem: 'each range needs finite from < to; leaving this one out' });
        continue;
      }
      out.push({ ...g, from: toFraction(g.from), to: toFraction(g.to) });
    }
    return { ranges: out, problems };
  });
  reportProblems(ref, () => [...range.value.problems, ...markerChecked.value.problems, ...tickStep.value.problems, ...rangesChecked.value.problems]);
  const valueText = () => (props.formatValue ? props.formatValue(range.value.value) : String(range.value.value));
  const semantics: SemanticsProps = {
    role: 'progressbar',
    label: () => read(props.label),
    value: () => ({ now: range.value.value, min: range.value.min, max: range.value.max, text: valueText() }),
  };
  return { range, fraction, marker, ticks, ranges: computed(() => rangesChecked.value.ranges), valueText, semantics };
}

/**
 * A dial gauge.
 * @example
 * // A thermostat's dial: the setpoint as a knob on the arc, the room's temperature as a dot.
 * <Gauge label="Setpoint" min={10} max={30} value={setpoint} marker={measured} indicator="knob"
 *        tickStep={1} accent={() => (heating.value ? theme.colors.tertiary : theme.colors.primary)}
 *        formatValue={(c) => `${c} °C`} size={200}>
 *   <Text>{() => `${setpoint.value} °C`}</Text>
 * </Gauge>
 * // A meter with coloured ranges and a needle.
 * <Gauge label="Pressure" min={0} max={10} value={bar} indicator="needle" tickStep={1} scale
 *        ranges={[{ from: 0, to: 6, tone: 'success' }, { from: 8, to: 10, tone: 'error' }]} />
 */
export function Gauge(props: GaugeProps) {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const gauge = useGauge(props, ref);
  const size = props.size ?? 160;
  const start = props.startAngle ?? 135, sweep = props.sweep ?? 270;
  const disabled = () => read(props.disabled) === true;

  const drawn = createTween(gauge.fraction.peek(), { duration: theme.motion.duration.medium2, easing: theme.motion.easing.standard });
  onCleanup(effect(() => {
    const target = gauge.fraction.value;
    const animate = props.animate !== false && !reducedMotion();
    untracked(() => drawn.to(target, { animate }));
  }));

  const geometry = dialGeometry(size, size, start, sweep);
  const scaleLabels = computed(() => (read(props.scale) === true && size >= SMALL_DIAL ? gauge.ticks.value.filter((t) => t.major) : []));
  const LABEL_BOX = 40;
  return (
    <View
      ref={ref}
      testId={props.testId}
      disabled={props.disabled}
      semantics={gauge.semantics}
      style={{ width: size, height: size, alignItems: 'center', justifyContent: 'center', ...props.style }}
    >
      <Canvas
        style={{ position: 'absolute', left: 0, top: 0, width: size, height: size }}
        draw={(c, { width, height }, ck) => {
          const colors = theme.colors;
          drawDial(c, ck, width, height, {
            start, sweep,
            indicator: read(props.indicator) ?? 'arc',
            value: drawn.value.value,
            marker: gauge.marker.value,
            ticks: gauge.ticks.value,
            ranges: gauge.ranges.value.map((g) => ({ from: g.from, to: g.to, color: g.color ?? colors[g.tone ?? 'primary'] })),
            colors: {
              track: colors.surfaceContainerHighest,
              accent: disabled() ? colors.onSurface : read(props.accent) ?? colors.primary,
              major: colors.onSurfaceVariant, minor: colors.outlineVariant, marker: colors.onSurface,
              knob: theme.dark ? colors.onSurface : colors.surfaceContainerLowest,
              needle: colors.onSurface, shadow: colors.shadow,
            },
            alpha: disabled() ? 0.38 : 1,
          });
        }}
      />
      <For each={scaleLabels}>{(tick) => {
        const [x, y] = geometry.at(tick.at, geometry.r - geometry.stroke * 2.7);
        return (
          <Text style={{
            ...theme.typography('labelSmall'), position: 'absolute', width: LABEL_BOX, textAlign: 'center',
            left: x - LABEL_BOX / 2, top: y - theme.type.labelSmall.fontSize * 0.75,
            color: () => theme.colors.onSurfaceVariant, opacity: () => (disabled() ? 0.38 : 1),
          }}>{props.formatScale ? props.formatScale(tick.value) : String(Math.round(tick.value * 100) / 100)}</Text>
        );
      }}</For>
      {props.children}
    </View>
  );
}
