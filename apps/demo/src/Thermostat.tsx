/**
 * The thermostat card: the dial with the setpoint in its middle, − and + buttons that move
 * the setpoint by 0.5 °C, and whether the heating is running. The dial's arc eases to a new
 * setpoint unless the model is frozen.
 */
import { Text, View, createTween, effect, onCleanup, untracked, useContext } from '@planar/toolkit';
import { Gauge, SMALL_DIAL } from './Gauge.js';
import { Button } from './Button.js';
import { SETPOINT_STEP, formatTemperature, type HomeModel } from './model.js';
import { FONT, LayoutContext, colors } from './theme.js';

export function Thermostat(props: { model: HomeModel }) {
  const { model } = props;
  const layout = useContext(LayoutContext);
  const { font, gap } = layout;
  const { width, height, gauge, button } = layout.thermostat;
  const { cardPad } = layout;

  const arc = createTween(model.setpoint.peek(), { duration: 240 });
  onCleanup(effect(() => {
    const target = model.setpoint.value;
    untracked(() => arc.to(target, { animate: !model.frozen }));
  }));

  const accent = () => (model.heating.value ? colors.heat : colors.cool);
  // Sized to stay inside the dial's ticks.
  const setpointSize = Math.round(gauge * 0.17);
  const labelSize = Math.max(8, Math.round(gauge * 0.062));

  return (
    <View
      testId="thermostat"
      style={{
        width, height, padding: cardPad, gap: Math.round(gap / 2),
        borderRadius: layout.radius, borderWidth: 1, borderColor: colors.cardBorder, backgroundColor: colors.card,
      }}
    >
      <View style={{ flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center' }}>
        <Text style={{ fontFamily: FONT, fontSize: font.small, fontWeight: 'bold', color: colors.textDim, letterSpacing: 0.5 }}>THERMOSTAT</Text>
        <View style={{ flexDirection: 'row', alignItems: 'center', gap: Math.max(3, Math.round(5 * layout.scale)) }}>
          <View style={{ width: Math.max(5, Math.round(7 * layout.scale)), height: Math.max(5, Math.round(7 * layout.scale)), borderRadius: 99, backgroundColor: accent }} />
          <Text testId="thermostat-mode" style={{ fontFamily: FONT, fontSize: font.small, color: accent }}>
            {() => (model.heating.value ? 'Heating' : 'Idle')}
          </Text>
        </View>
      </View>
      <View style={{ flexGrow: 1, flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' }}>
        <Button testId="thermostat-down" label="−" width={button} height={button} fontSize={Math.round(button * 0.55)} onPress={() => model.adjustSetpoint(-SETPOINT_STEP)} />
        <View style={{ width: gauge, height: gauge, alignItems: 'center', justifyContent: 'center' }}>
          <Gauge size={gauge} setpoint={arc.value} measured={model.measured} heating={model.heating} />
          {gauge >= SMALL_DIAL && (
            <Text style={{ fontFamily: FONT, fontSize: labelSize, color: colors.textDim }}>
              {() => (model.heating.value ? 'Heating to' : 'Set to')}
            </Text>
          )}
          <Text testId="thermostat-setpoint" style={{ fontFamily: FONT, fontSize: setpointSize, fontWeight: 'bold', color: colors.text }}>
            {() => formatTemperature(model.setpoint.value)}
          </Text>
          <Text testId="thermostat-measured" style={{ fontFamily: FONT, fontSize: labelSize, color: colors.textDim }}>
            {() => `Indoor ${formatTemperature(model.measured.value)}`}
          </Text>
        </View>
        <Button testId="thermostat-up" label="+" width={button} height={button} fontSize={Math.round(button * 0.55)} onPress={() => model.adjustSetpoint(SETPOINT_STEP)} />
      </View>
    </View>
  );
}
