/**
 * The status card: the latest events, newest first, and the batteries that are lowest. It
 * shows as many rows as fit the card at this screen size.
 */
import { For, Text, View, useContext, useI18n } from '@planar/toolkit';
import { BatteryRow } from './BatteryRow.js';
import { EventRow } from './EventRow.js';
import type { HomeModel } from './model.js';
import { FONT, LayoutContext, colors } from './theme.js';

export function StatusList(props: { model: HomeModel }) {
  const { t } = useI18n();
  const { model } = props;
  const layout = useContext(LayoutContext);
  const { width, height, eventRows, batteryRows } = layout.status;
  const { cardPad } = layout;
  const recent = () => model.events.value.slice(0, eventRows);
  const lowest = () => [...model.batteries.value].sort((a, b) => a.level - b.level).slice(0, batteryRows);

  return (
    <View
      testId="status"
      style={{
        width, height, padding: cardPad, gap: Math.round(layout.gap / 2), overflow: 'hidden',
        borderRadius: layout.radius, borderWidth: 1, borderColor: colors.cardBorder, backgroundColor: colors.card,
      }}
    >
      <Text style={{ fontFamily: FONT, fontSize: layout.font.small, fontWeight: 'bold', color: colors.textDim, letterSpacing: 0.5 }}>{() => t('status.title')}</Text>
      <View>
        <For each={recent} key={(e) => e.id}>{(event) => <EventRow event={event} />}</For>
      </View>
      <View style={{ height: 1, backgroundColor: colors.cardBorder }} />
      <View>
        <For each={lowest} key={(b) => b.id}>{(battery) => <BatteryRow battery={battery} />}</For>
      </View>
    </View>
  );
}
