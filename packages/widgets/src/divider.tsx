/**
 * Divider: a thin line between groups of content — across a list (horizontal, the default)
 * or between side-by-side panes (vertical). It is decoration: left out of the semantics tree.
 */
import { View, read, type Child, type Reactive } from '@planar/toolkit';
import { useTheme, type StyleValues } from './theme/index.js';

export interface DividerProps {
  /** `horizontal` (default) spans its parent's width; `vertical` its height. */
  orientation?: Reactive<'horizontal' | 'vertical'>;
  /** Space left empty at the start (e.g. to line up with list text after an icon), logical px. */
  inset?: Reactive<number>;
  /** Space before and after the line along the cross axis, logical px (default 0). */
  spacing?: Reactive<number>;
  testId?: string;
  style?: StyleValues;
}

/**
 * A themed divider line.
 * @example
 * <ListItem title="Wi-Fi" /><Divider inset={56} /><ListItem title="Bluetooth" />
 * <View style={{ flexDirection: 'row' }}><Pane /><Divider orientation="vertical" /><Pane /></View>
 */
export function Divider(props: DividerProps): Child {
  const theme = useTheme();
  const vertical = () => props.orientation !== undefined && read(props.orientation) === 'vertical';
  const inset = () => (props.inset === undefined ? 0 : Math.max(0, read(props.inset)));
  const spacing = () => (props.spacing === undefined ? 0 : Math.max(0, read(props.spacing)));
  return (
    <View
      testId={props.testId}
      semantics={{ hidden: true }}
      style={() => ({
        alignSelf: 'stretch', flexShrink: 0, backgroundColor: theme.colors.outlineVariant,
        ...(vertical()
          ? { width: 1, marginTop: inset(), marginHorizontal: spacing() }
          : { height: 1, marginLeft: inset(), marginVertical: spacing() }),
        ...props.style,
      })}
    />
  );
}
