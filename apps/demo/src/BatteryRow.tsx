/**
 * A battery: the device's name, a small gauge and the level, red below 20 % and amber below 50 %.
 */
import { Text, View, useContext, useI18n } from '@planar/toolkit';
import type { Battery } from './model.js';
import { FONT, LayoutContext, colors } from './theme.js';

export function batteryColor(level: number): string {
  return level < 20 ? colors.danger : level < 50 ? colors.warn : colors.ok;
}

export function BatteryRow(props: { battery: Battery }) {
  const { battery } = props;
  const { t } = useI18n();
  const layout = useContext(LayoutContext);
  const { font, scale } = layout;
  const w = Math.max(14, Math.round(22 * scale)), h = Math.max(7, Math.round(11 * scale));
  return (
    <View
      testId={`battery-${battery.id}`}
      style={{ height: layout.status.rowHeight, flexDirection: 'row', alignItems: 'center', gap: Math.max(4, Math.round(8 * scale)) }}
    >
      <View style={{ width: w, height: h, padding: 1, borderWidth: 1, borderColor: colors.textDim, borderRadius: Math.max(2, Math.round(3 * scale)) }}>
        <View style={{ width: `${Math.max(8, battery.level)}%`, height: '100%', borderRadius: 1, backgroundColor: batteryColor(battery.level) }} />
      </View>
      <Text style={{ fontFamily: FONT, fontSize: font.small, color: colors.text, flexGrow: 1, flexShrink: 1, maxLines: 1 }}>{() => t(`batteries.${battery.id}`)}</Text>
      <Text style={{ fontFamily: FONT, fontSize: font.small, fontWeight: 'bold', color: batteryColor(battery.level) }}>{`${battery.level}%`}</Text>
    </View>
  );
}
