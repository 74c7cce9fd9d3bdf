/**
 * The panel's button: a label on a rounded, bordered face that lightens while pressed. Given a
 * `width` equal to its height it is round (the thermostat's − and +); without one it is a pill
 * as wide as its label (Dismiss).
 */
import { Text, View, signal } from '@planar/toolkit';
import { FONT, colors } from './theme.js';

export interface ButtonProps {
  testId: string;
  label: string;
  height: number;
  /** Fixed width; without it the button fits its label. */
  width?: number;
  fontSize: number;
  onPress: () => void;
}

export function Button(props: ButtonProps) {
  const pressed = signal(false);
  return (
    <View
      testId={props.testId}
      onPress={props.onPress}
      onPointerDown={() => { pressed.value = true; }}
      onPointerUp={() => { pressed.value = false; }}
      onPointerCancel={() => { pressed.value = false; }}
      style={{
        height: props.height,
        ...(props.width !== undefined ? { width: props.width } : { paddingHorizontal: Math.round(props.height * 0.45) }),
        borderRadius: props.height / 2,
        borderWidth: 1,
        borderColor: colors.buttonBorder,
        backgroundColor: () => (pressed.value ? colors.buttonBorder : colors.button),
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <Text style={{ fontFamily: FONT, fontSize: props.fontSize, fontWeight: 'bold', color: colors.text }}>{props.label}</Text>
    </View>
  );
}
