/**
 * The top bar: the home's name with the date and how many devices are on, the weather, and
 * the clock (HH:MM, from the model's clock signal). The date is a computed string: the
 * minute's tick makes the same date again, which tells nobody, so only the clock's text changes
 * and nothing else is laid out or painted. Tapping the weather, the view outside,
 * opens the front-door camera; the clock button opens the event history and the gear the
 * settings.
 */
import { Text, View, computed, useContext, useI18n } from '@planar/toolkit';
import { Button } from '@planar/widgets';
import type { HomeModel } from './model.js';
import { WeatherIcon } from './WeatherIcon.js';
import { FONT, LayoutContext, colors } from './theme.js';

export function Header(props: { model: HomeModel; onSettings?: () => void; onHistory?: () => void }) {
  const { model } = props;
  const { t, formatDate, formatTime } = useI18n();
  const layout = useContext(LayoutContext);
  const date = computed(() => formatDate(model.now.value, { weekday: 'short', day: 'numeric', month: 'short' }));
  const { font, scale } = layout;
  const icon = Math.round(font.body * 1.5);
  const button = Math.round(layout.header.height * 0.8);
  const buttonStyle = {
    width: button, height: button, minWidth: button, alignSelf: 'center' as const,
    borderWidth: 1, borderColor: colors.cardBorder, backgroundColor: colors.chip,
  };

  return (
    <View
      testId="header"
      style={{ height: layout.header.height, flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', gap: layout.gap }}
    >
      <View style={{ flexShrink: 1, gap: Math.max(1, Math.round(2 * scale)) }}>
        <Text style={{ fontFamily: FONT, fontSize: font.title, fontWeight: 'bold', color: colors.text, maxLines: 1 }}>{model.name}</Text>
        <Text style={{ fontFamily: FONT, fontSize: font.small, color: colors.textDim, maxLines: 1 }}>
          {() => `${date.value} · ${t('header.devicesOn', { count: model.devicesOn.value })}`}
        </Text>
      </View>
      <View style={{ flexDirection: 'row', alignItems: 'center', gap: Math.round(layout.gap * 1.4) }}>
        <View
          testId="weather"
          onPress={() => model.showFrontDoor()}
          style={{
            flexDirection: 'row', alignItems: 'center', gap: Math.max(3, Math.round(6 * scale)),
            paddingLeft: Math.max(4, Math.round(8 * scale)), paddingRight: Math.max(6, Math.round(12 * scale)),
            paddingVertical: Math.max(2, Math.round(4 * scale)),
            borderRadius: 999, backgroundColor: colors.chip, borderWidth: 1, borderColor: colors.cardBorder,
          }}
        >
          <WeatherIcon size={icon} />
          <Text style={{ fontFamily: FONT, fontSize: font.small, color: colors.text }}>
            <Text style={{ fontWeight: 'bold' }}>{() => `${Math.round(model.settings.unit.value === 'f' ? model.weather.temperature * 1.8 + 32 : model.weather.temperature)}°`}</Text>
            {layout.width >= 400 ? () => ` ${t(`weather.${model.weather.condition}`)}` : null}
          </Text>
        </View>
        <Text testId="clock" style={{ fontFamily: FONT, fontSize: font.clock, fontWeight: 'bold', color: colors.text }}>
          {() => formatTime(model.now.value, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}
        </Text>
        {props.onHistory && (
          <Button testId="open-history" label={() => t('header.history')} variant="icon" icon="clock" onPress={props.onHistory} style={buttonStyle} />
        )}
        {props.onSettings && (
          <Button testId="open-settings" label={() => t('header.settings')} variant="icon" icon="settings" onPress={props.onSettings} style={buttonStyle} />
        )}
      </View>
    </View>
  );
}
