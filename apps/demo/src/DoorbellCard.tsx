/**
 * The doorbell popup's card: a bell, "Front door" and a Dismiss button, who is there and
 * when, and the box the camera picture covers (the camera is a layer of its own, above the
 * card; the box shows only until its first frame).
 */
import { Text, View, useContext, useI18n } from '@planar/toolkit';
import { BellIcon } from './BellIcon.js';
import type { HomeModel } from './model.js';
import { Button, ThemeProvider, darkTheme } from '@planar/widgets';
import { FONT, LayoutContext, colors } from './theme.js';

export function DoorbellCard(props: { model: HomeModel }) {
  const { model } = props;
  const { t, formatTime } = useI18n();
  const layout = useContext(LayoutContext);
  const { font, cardPad } = layout;
  const { width, height, titleRow, line, gap, button, preview } = layout.doorbell;

  return (
    <View
      testId="doorbell-card"
      style={{
        width, height, padding: cardPad, gap,
        borderRadius: layout.radius, borderWidth: 1, borderColor: colors.buttonBorder, backgroundColor: colors.card,
      }}
    >
      <View style={{ height: titleRow, flexDirection: 'row', alignItems: 'center', gap }}>
        <BellIcon size={Math.round(titleRow * 0.85)} />
        <Text style={{ fontFamily: FONT, fontSize: font.title, fontWeight: 'bold', color: colors.text, flexGrow: 1, flexShrink: 1, maxLines: 1 }}>
          {() => t('doorbell.title')}
        </Text>
        {/* The label in the card's small type, like the rest of the panel's text. */}
        <ThemeProvider override={{ type: { labelLarge: { ...darkTheme.type.labelLarge, fontSize: font.small } } }}>
          <Button
            testId="doorbell-dismiss" label={() => t('doorbell.dismiss')} variant="tonal" onPress={() => model.dismissDoorbell()}
            style={{
              height: button, minWidth: button, alignSelf: 'center', paddingLeft: Math.round(button * 0.45), paddingRight: Math.round(button * 0.45),
              borderWidth: 1, borderColor: colors.buttonBorder,
            }}
          />
        </ThemeProvider>
      </View>
      <View style={{ height: line, justifyContent: 'center' }}>
        <Text testId="doorbell-message" style={{ fontFamily: FONT, fontSize: font.small, color: colors.textDim, maxLines: 1 }}>
          {() => t('doorbell.message', { time: formatTime(model.now.value, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) })}
        </Text>
      </View>
      <View testId="doorbell-preview" style={{ width: preview.width, height: preview.height, backgroundColor: colors.background }} />
    </View>
  );
}
