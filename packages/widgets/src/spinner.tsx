/**
 * Spinner: a ring that turns while something is under way (or, given a `value`, a ring filled
 * to it). It shares `useProgressBar`'s behaviour — role `progressbar` with no value while it
 * spins, range checks, and a phase on the app's clock that runs only while the spinner is
 * mounted and shown, and not at all under reduced motion, where it shows a still
 * three-quarter ring.
 */
import { Canvas, color4f, read, type NodeHandle, type Reactive } from '@planar/toolkit';
import { useTheme, type StyleValues } from './theme/index.js';
import { useProgressBar } from './progress-bar.js';

/** One turn of the spinner, ms. */
export const SPINNER_PERIOD_MS = 1400;

export interface SpinnerProps {
  /** Diameter in logical px; default 40. */
  size?: number;
  /** Ring width in logical px; default a tenth of the size (at least 2). */
  thickness?: number;
  /** Without it the ring spins; with it (between `min` and `max`) the ring is filled that far. */
  value?: Reactive<number | undefined>;
  min?: Reactive<number>;
  max?: Reactive<number>;
  /** The accessible name; default "Loading". */
  label?: Reactive<string | undefined>;
  disabled?: Reactive<boolean>;
  testId?: string;
  style?: StyleValues;
}

/**
 * A spinning ring (indeterminate progress) or a progress ring.
 * @example
 * <Spinner label="Connecting" />
 * <Spinner label="Download" value={percent} size={56} />
 */
export function Spinner(props: SpinnerProps) {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const size = props.size ?? 40;
  const thickness = props.thickness ?? Math.max(2, Math.round(size / 10));
  const ring = useProgressBar({
    value: () => read(props.value) ?? 0,
    indeterminate: () => read(props.value) === undefined,
    min: props.min, max: props.max,
    label: () => read(props.label) ?? 'Loading',
  }, ref, SPINNER_PERIOD_MS);
  const disabled = () => read(props.disabled) === true;
  return (
    <Canvas
      ref={ref}
      testId={props.testId}
      disabled={props.disabled}
      semantics={ring.semantics}
      style={{ width: size, height: size, ...props.style }}
      draw={(c, { width, height }, ck) => {
        const r = Math.min(width, height) / 2 - thickness / 2;
        if (r <= 0) return;
        const oval = ck.LTRBRect(width / 2 - r, height / 2 - r, width / 2 + r, height / 2 + r);
        const paint = new ck.Paint();
        try {
          paint.setAntiAlias(true);
          paint.setStyle(ck.PaintStyle.Stroke);
          paint.setStrokeWidth(thickness);
          paint.setStrokeCap(ck.StrokeCap.Round);
          paint.setColor(color4f(disabled() ? theme.colors.onSurface : theme.colors.secondaryContainer, disabled() ? 0.12 : 1));
          c.drawArc(oval, 0, 360, false, paint);
          paint.setColor(color4f(disabled() ? theme.colors.onSurface : theme.colors.primary, disabled() ? 0.38 : 1));
          if (!ring.indeterminate()) {
            const sweep = 360 * ring.fraction.value;
            if (sweep > 0) c.drawArc(oval, -90, sweep, false, paint);
          } else if (!ring.animated()) {
            c.drawArc(oval, -90, 270, false, paint);
          } else {
            // The arc turns once per period while its length breathes between 30° and 270°.
            const p = ring.phase.value;
            const sweep = 30 + 240 * (0.5 - 0.5 * Math.cos(2 * Math.PI * p));
            c.drawArc(oval, -90 + 360 * p * 2, sweep, false, paint);
          }
        } finally {
          paint.delete();
        }
      }}
    />
  );
}
