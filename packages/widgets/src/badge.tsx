/**
 * Badge: a small count or dot on the corner of an icon or beside a label ("3" unread
 * alerts, a dot for "update ready"). A count past `max` shows as "99+"; a count of 0 hides
 * the badge. It is a `status`, named by `label` so a screen reader says what is counted.
 */
import { Show, Text, View, read, type Child, type NodeHandle, type Reactive } from '@planar/toolkit';
import { useTheme, type ColorRoles, type StyleValues } from './theme/index.js';
import { usePropReporter } from './internal/prop-report.js';

export type BadgeTone = 'error' | 'primary' | 'tertiary' | 'success' | 'warning';
const TONES: Record<BadgeTone, [keyof ColorRoles, keyof ColorRoles]> = {
  error: ['error', 'onError'], primary: ['primary', 'onPrimary'], tertiary: ['tertiary', 'onTertiary'],
  success: ['success', 'onSuccess'], warning: ['warning', 'onWarning'],
};

export interface BadgeProps {
  /** The number shown; without it the badge is a dot. 0 hides the badge. */
  count?: Reactive<number | undefined>;
  /** The largest number shown as is; more shows as `${max}+` (default 99). */
  max?: number;
  /** What is counted, for assistive technology ("3 alerts"); default: the number. */
  label?: Reactive<string | undefined>;
  /** The colour (default `error`). */
  tone?: Reactive<BadgeTone>;
  testId?: string;
  style?: StyleValues;
}

/**
 * A themed badge.
 * @example
 * <Badge count={alerts} label={() => `${alerts.value} alerts`} />
 * <Badge tone="primary" label="Update ready" />
 */
export function Badge(props: BadgeProps): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const report = usePropReporter(ref);
  const max = props.max ?? 99;
  const count = (): number | undefined => {
    const n = props.count === undefined ? undefined : read(props.count);
    if (n === undefined) return undefined;
    if (Number.isFinite(n) && n >= 0 && Number.isInteger(n)) return n;
    const nearest = Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0;
    report('count', n, `must be a whole number of 0 or more; showing ${nearest}`);
    return nearest;
  };
  const tone = (): BadgeTone => {
    const t = props.tone === undefined ? 'error' : read(props.tone);
    if (Object.hasOwn(TONES, t)) return t;
    report('tone', t, `no such tone — give one of ${Object.keys(TONES).join(', ')}; showing error`);
    return 'error';
  };
  const text = () => {
    const n = count();
    return n === undefined ? '' : n > max ? `${max}+` : String(n);
  };
  const dot = () => count() === undefined;
  const label = () => (props.label === undefined ? undefined : read(props.label)) ?? text();
  return (
    <View
      ref={ref}
      testId={props.testId}
      semantics={() => ({ role: 'status', label: label(), hidden: count() === 0 })}
      style={() => ({
        display: count() === 0 ? 'none' : 'flex',
        alignSelf: 'flex-start', alignItems: 'center', justifyContent: 'center',
        height: dot() ? 8 : 18, minWidth: dot() ? 8 : 18, paddingHorizontal: dot() ? 0 : 5,
        borderRadius: theme.radii.full, backgroundColor: theme.colors[TONES[tone()][0]],
        ...props.style,
      })}
    >
      <Show when={() => !dot()}>
        <Text semantics={{ hidden: true }} style={{ ...theme.typography('labelSmall'), lineHeight: 1.2, color: () => theme.colors[TONES[tone()][1]] }}>{text}</Text>
      </Show>
    </View>
  );
}
