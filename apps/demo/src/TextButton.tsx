/**
 * A pill-shaped button with a short label that lightens while pressed.
 */
import { Text, View, signal } from '@planar/toolkit';
import { FONT, colors } from './theme.js';

export function TextButton(props: { testId: string; label: string; height: number; fontSize: number; onPress: () => void }) {
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
        paddingHorizontal: Math.round(props.height * 0.45),
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
