/**
 * The thermostat card: the dial (a `Gauge` with a knob at the setpoint and a dot at the room's
 * temperature) with the setpoint in its middle, − and + buttons that move the setpoint by
 * 0.5 °C (held, they repeat), and whether the heating is running. Temperatures follow the
 * unit chosen in the settings. The dial eases to a new setpoint unless the model is frozen.
 */
import { Text, View, useContext, useI18n } from '@planar/toolkit';
import { Button, Gauge, SMALL_DIAL, ThemeProvider } from '@planar/widgets';
import { SETPOINT_MAX, SETPOINT_MIN, SETPOINT_STEP, formatTemperature, type HomeModel } from './model.js';
import { dialTheme } from './dashboard-theme.js';
import { FONT, LayoutContext, colors } from './theme.js';

export function Thermostat(props: { model: HomeModel }) {
  const { model } = props;
  const { t } = useI18n();
  const unit = model.settings.unit;
  const layout = useContext(LayoutContext);
  const { font, gap } = layout;
  const { width, height, gauge, button } = layout.thermostat;
  const { cardPad } = layout;

  const accent = () => (model.heating.value ? colors.heat : colors.cool);
  // Sized to stay inside the dial's ticks.
  const setpointSize = Math.round(gauge * 0.17);
  const labelSize = Math.max(8, Math.round(gauge * 0.062));
  const stepButton = (testId: string, label: () => string, icon: 'minus' | 'plus', delta: number) => (
    <Button
      testId={testId} label={label} variant="icon" icon={icon} repeat
      onPress={() => model.adjustSetpoint(delta)}
      style={{
        width: button, height: button, minWidth: button, alignSelf: 'center',
        borderWidth: 1, borderColor: colors.buttonBorder, backgroundColor: colors.button,
      }}
    />
  );

  return (
    <View
      testId="thermostat"
      style={{
        width, height, padding: cardPad, gap: Math.round(gap / 2),
        borderRadius: layout.radius, borderWidth: 1, borderColor: colors.cardBorder, backgroundColor: colors.card,
      }}
    >
      <View style={{ flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center' }}>
        <Text style={{ fontFamily: FONT, fontSize: font.small, fontWeight: 'bold', color: colors.textDim, letterSpacing: 0.5 }}>{() => t('thermostat.title')}</Text>
        <View style={{ flexDirection: 'row', alignItems: 'center', gap: Math.max(3, Math.round(5 * layout.scale)) }}>
          <View style={{ width: Math.max(5, Math.round(7 * layout.scale)), height: Math.max(5, Math.round(7 * layout.scale)), borderRadius: 99, backgroundColor: accent }} />
          <Text testId="thermostat-mode" style={{ fontFamily: FONT, fontSize: font.small, color: accent }}>
            {() => t(model.heating.value ? 'thermostat.heating' : 'thermostat.idle')}
          </Text>
        </View>
      </View>
      <View style={{ flexGrow: 1, flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' }}>
        {stepButton('thermostat-down', () => t('thermostat.cooler'), 'minus', -SETPOINT_STEP)}
        <ThemeProvider override={dialTheme}>
          <Gauge
            testId="thermostat-gauge" label={() => t('thermostat.setpoint')} size={gauge}
            min={SETPOINT_MIN} max={SETPOINT_MAX} value={model.setpoint} marker={model.measured}
            indicator="knob" tickStep={1} accent={accent} animate={!model.frozen}
            formatValue={(c) => formatTemperature(c, unit.value)}
          >
            {gauge >= SMALL_DIAL && (
              <Text style={{ fontFamily: FONT, fontSize: labelSize, color: colors.textDim }}>
                {() => t(model.heating.value ? 'thermostat.heatingTo' : 'thermostat.setTo')}
              </Text>
            )}
            <Text testId="thermostat-setpoint" style={{ fontFamily: FONT, fontSize: setpointSize, fontWeight: 'bold', color: colors.text }}>
              {() => formatTemperature(model.setpoint.value, unit.value)}
            </Text>
            <Text testId="thermostat-measured" style={{ fontFamily: FONT, fontSize: labelSize, color: colors.textDim }}>
              {() => t('thermostat.indoor', { value: formatTemperature(model.measured.value, unit.value) })}
            </Text>
          </Gauge>
        </ThemeProvider>
        {stepButton('thermostat-up', () => t('thermostat.warmer'), 'plus', SETPOINT_STEP)}
      </View>
    </View>
  );
}
