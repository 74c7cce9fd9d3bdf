/**
 * A round button with a one-character label that lightens while pressed.
 */
import { Text, View, signal } from '@planar/toolkit';
import { FONT, colors } from './theme.js';

export function StepButton(props: { testId: string; label: string; size: number; fontSize: number; onPress: () => void }) {
  const pressed = signal(false);
  return (
    <View
      testId={props.testId}
      onPress={props.onPress}
      onPointerDown={() => { pressed.value = true; }}
      onPointerUp={() => { pressed.value = false; }}
      onPointerCancel={() => { pressed.value = false; }}
      style={{
        width: props.size,
        height: props.size,
        borderRadius: props.size / 2,
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
