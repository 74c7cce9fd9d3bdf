/**
 * One device: its glyph, state pill, name and room. Tapping it toggles the device; the tile
 * takes the device kind's colour while on.
 */
import { Text, View, useContext, useI18n } from '@planar/toolkit';
import { DeviceIcon } from './DeviceIcon.js';
import type { Device } from './model.js';
import { FONT, LayoutContext, colors, kindColors } from './theme.js';

export function DeviceTile(props: { device: Device; onToggle: (id: string) => void }) {
  const { t } = useI18n();
  const { device } = props;
  const layout = useContext(LayoutContext);
  const { font, scale } = layout;
  const tint = kindColors[device.kind];
  const on = device.on;
  const inner = Math.max(6, Math.round(12 * scale));

  return (
    <View
      testId={`tile-${device.id}`}
      onPress={() => props.onToggle(device.id)}
      style={() => ({
        width: layout.grid.tileWidth,
        height: layout.grid.tileHeight,
        padding: inner,
        borderRadius: layout.radius,
        borderWidth: 1,
        justifyContent: 'space-between',
        overflow: 'hidden',
        ...(on.value
          ? {
            backgroundGradient: { type: 'linear', angle: 135, colors: [tint.on, tint.onEnd] },
            borderColor: tint.onEnd,
            shadow: { color: `${tint.on}55`, blur: Math.round(14 * scale), offsetY: Math.round(3 * scale) },
          }
          : { backgroundColor: colors.tileOff, borderColor: colors.tileOffBorder }),
      })}
    >
      <View style={{ flexDirection: 'row', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <DeviceIcon kind={device.kind} on={on} size={layout.icon} />
        <View
          style={{
            paddingHorizontal: Math.max(5, Math.round(9 * scale)),
            paddingVertical: Math.max(2, Math.round(3 * scale)),
            borderRadius: 999,
            backgroundColor: () => (on.value ? 'rgba(0,0,0,0.16)' : colors.iconOff),
          }}
        >
          <Text
            testId={`tile-${device.id}-state`}
            style={{ fontFamily: FONT, fontSize: font.small, fontWeight: 'bold', color: () => (on.value ? tint.text : colors.textDim) }}
          >
            {() => t(`device.${device.kind === 'blinds' ? (on.value ? 'open' : 'closed') : (on.value ? 'on' : 'off')}`)}
          </Text>
        </View>
      </View>
      <View style={{ gap: Math.max(1, Math.round(2 * scale)) }}>
        <Text style={{ fontFamily: FONT, fontSize: font.body, fontWeight: 'bold', maxLines: 1, color: () => (on.value ? tint.text : colors.text) }}>
          {() => t(`devices.${device.id}`)}
        </Text>
        <Text style={{ fontFamily: FONT, fontSize: font.small, maxLines: 1, color: () => (on.value ? tint.text : colors.textDim) }}>
          {() => (on.value && device.level ? `${t(`rooms.${device.roomId}`)} · ${device.level}` : t(`rooms.${device.roomId}`))}
        </Text>
      </View>
    </View>
  );
}
