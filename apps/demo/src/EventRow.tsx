/**
 * A recent event: a dot coloured by its tone, what happened and when.
 */
import { Text, View, useContext, useI18n } from '@planar/toolkit';
import { eventText } from './event-text.js';
import type { HomeEvent } from './model.js';
import { FONT, LayoutContext, colors } from './theme.js';

const TONES = { info: colors.cool, ok: colors.ok, warn: colors.warn } as const;

export function EventRow(props: { event: HomeEvent }) {
  const { event } = props;
  const { t } = useI18n();
  const layout = useContext(LayoutContext);
  const { font, scale } = layout;
  const dot = Math.max(5, Math.round(7 * scale));
  return (
    <View style={{ height: layout.status.rowHeight, flexDirection: 'row', alignItems: 'center', gap: Math.max(4, Math.round(8 * scale)) }}>
      <View style={{ width: dot, height: dot, borderRadius: dot, backgroundColor: TONES[event.tone] }} />
      <Text style={{ fontFamily: FONT, fontSize: font.small, color: colors.text, flexGrow: 1, flexShrink: 1, maxLines: 1 }}>{() => eventText(t, event)}</Text>
      <Text style={{ fontFamily: FONT, fontSize: font.small, color: colors.textDim }}>{event.time}</Text>
    </View>
  );
}
