/**
 * A swatch scene of a theme: its colour roles in pairs (fill with its "on" colour as text),
 * the surface ladder, and a few controls drawn from tokens alone, to judge a palette by eye.
 */
import { For, Text, View } from '@planar/toolkit';
import { useTheme, type ColorRoles, type TypeRole } from '../src/index.js';

const PAIRS: [keyof ColorRoles, keyof ColorRoles][] = [
  ['primary', 'onPrimary'], ['primaryContainer', 'onPrimaryContainer'],
  ['secondary', 'onSecondary'], ['secondaryContainer', 'onSecondaryContainer'],
  ['tertiary', 'onTertiary'], ['tertiaryContainer', 'onTertiaryContainer'],
  ['error', 'onError'], ['errorContainer', 'onErrorContainer'],
  ['success', 'onSuccess'], ['warning', 'onWarning'],
];
const SURFACES: (keyof ColorRoles)[] = [
  'surfaceContainerLowest', 'surfaceContainerLow', 'surfaceContainer', 'surfaceContainerHigh', 'surfaceContainerHighest',
  'surfaceVariant', 'inverseSurface',
];

function Label(props: { role: TypeRole; color: keyof ColorRoles; children: string }) {
  const theme = useTheme();
  return <Text style={{ ...theme.typography(props.role), color: () => theme.colors[props.color] }}>{props.children}</Text>;
}

/** One role swatch: the fill, with its name in the paired "on" colour. */
function Swatch(props: { fill: keyof ColorRoles; on: keyof ColorRoles }) {
  const theme = useTheme();
  return (
    <View testId={`swatch-${props.fill}`} style={{ width: 160, height: 44, padding: 8, borderRadius: () => theme.radii.sm, backgroundColor: () => theme.colors[props.fill] }}>
      <Label role="labelSmall" color={props.on}>{props.fill}</Label>
    </View>
  );
}

function Button(props: { kind: 'filled' | 'tonal' | 'outlined'; children: string }) {
  const theme = useTheme();
  const fill = props.kind === 'filled' ? 'primary' : props.kind === 'tonal' ? 'secondaryContainer' : undefined;
  const on: keyof ColorRoles = props.kind === 'filled' ? 'onPrimary' : props.kind === 'tonal' ? 'onSecondaryContainer' : 'primary';
  return (
    <View style={{
      height: 40, paddingHorizontal: () => theme.spacing.xl, justifyContent: 'center', borderRadius: () => theme.radii.full,
      backgroundColor: () => (fill ? theme.colors[fill] : 'transparent'),
      borderWidth: props.kind === 'outlined' ? 1 : 0, borderColor: () => theme.colors.outline,
    }}>
      <Label role="labelLarge" color={on}>{props.children}</Label>
    </View>
  );
}

/** A switch, drawn on: track in primary, thumb in onPrimary. */
function SwitchLook(props: { on: boolean }) {
  const theme = useTheme();
  return (
    <View style={{
      width: 52, height: 32, borderRadius: 16, padding: 4, justifyContent: 'center',
      alignItems: props.on ? 'flex-end' : 'flex-start',
      backgroundColor: () => (props.on ? theme.colors.primary : theme.colors.surfaceContainerHighest),
      borderWidth: 2, borderColor: () => (props.on ? theme.colors.primary : theme.colors.outline),
    }}>
      <View style={{
        width: props.on ? 24 : 16, height: props.on ? 24 : 16, borderRadius: 12,
        backgroundColor: () => (props.on ? theme.colors.onPrimary : theme.colors.outline),
      }} />
    </View>
  );
}

export function Swatches() {
  const theme = useTheme();
  return (
    <View testId="page" style={{ width: '100%', height: '100%', padding: 16, gap: 12, backgroundColor: () => theme.colors.surface }}>
      <Label role="titleLarge" color="onSurface">{`Planar · ${theme.name}`}</Label>
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', gap: 8 }}>
        <For each={PAIRS}>{([fill, on]) => <Swatch fill={fill} on={on} />}</For>
      </View>
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', gap: 8 }}>
        <For each={SURFACES}>{(fill) => <Swatch fill={fill} on={fill === 'inverseSurface' ? 'inverseOnSurface' : fill === 'surfaceVariant' ? 'onSurfaceVariant' : 'onSurface'} />}</For>
      </View>
      <View style={{ flexDirection: 'row', gap: 16 }}>
        <View testId="card" style={{
          width: 360, padding: 16, gap: 8, borderRadius: () => theme.radii.md,
          backgroundColor: () => theme.colors.surfaceContainerLow, shadow: () => theme.elevation.level1,
        }}>
          <Label role="titleMedium" color="onSurface">Living room</Label>
          <Label role="bodyMedium" color="onSurfaceVariant">21.5 °C · heating to 22 °C</Label>
          <View style={{ flexDirection: 'row', gap: 8, marginTop: 4 }}>
            <Button kind="filled">Boost</Button>
            <Button kind="tonal">Schedule</Button>
            <Button kind="outlined">Off</Button>
          </View>
        </View>
        <View style={{ gap: 10, justifyContent: 'center' }}>
          <SwitchLook on />
          <SwitchLook on={false} />
        </View>
        <View style={{ width: 120, height: 40, borderRadius: () => theme.radii.sm, borderWidth: 1, borderColor: () => theme.colors.outlineVariant, justifyContent: 'center', paddingHorizontal: 12 }}>
          <Label role="bodySmall" color="onSurfaceVariant">outlineVariant</Label>
        </View>
      </View>
    </View>
  );
}
