/**
 * The settings screen: display brightness, the dark or light look, the display's rotation,
 * the temperature unit, the hour night mode starts, the language, the Wi-Fi row that opens the
 * Wi-Fi page, and Save / Restart panel, all in the chosen language (messages.ts). Every control
 * writes its setting at once (two-way signals); a new rotation turns the display at once and
 * the brightness goes to the backlight where the display has one. Save confirms with a toast,
 * Restart panel asks first in a dialog. It slides in over the dashboard (SlideInScreen.tsx).
 *
 * Below the title row the settings scroll, so that every one of them can be reached on a short
 * or turned screen: a drag or a fling scrolls them, and focus moved by Tab, the arrows or an
 * encoder brings the focused control into view.
 */
import { Text, View, signal, useDisplayControl, useI18n, useViewport, type Child, type NodeHandle, type Rotation } from '@planar/toolkit';
import {
  Button, Dialog, DialogAction, Icon, Label, RadioGroup, Roller, ScrollView, Select, Slider, Switch, useButton, useTheme, useToast,
} from '@planar/widgets';
import { LANGUAGES } from './messages.js';
import type { Settings } from './settings.js';
import { SlideInScreen } from './SlideInScreen.js';

export interface SettingsScreenProps {
  settings: Settings;
  /** Back was pressed (or Escape): the app starts the slide out. */
  onBack: () => void;
  /** Whether the screen is in place; turning false slides it out, after which `onClosed` runs. */
  shown: () => boolean;
  onClosed: () => void;
  /** Restart panel was confirmed. */
  onRestart: () => void;
  /** The Wi-Fi row was pressed; without it there is no such row. */
  onWifi?: () => void;
  /** The Wi-Fi row's value: the network connected to, or null. */
  wifiNetwork?: () => string | null;
}

const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];
const ROW = 52;
/** A roller of three 40 px rows inside its 2 px focus ring, and a little air. */
const ROLLER_ROW = 132;

/** A setting: its name on the left, its control on the right. */
function Row(props: { label: () => string; height?: number; children: Child }): Child {
  const theme = useTheme();
  return (
    <View style={{ height: props.height ?? ROW, flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', gap: () => theme.spacing.md }}>
      <Label style={{ flexShrink: 0 }}>{props.label}</Label>
      {props.children}
    </View>
  );
}

/** The Wi-Fi row: its name, the network connected to and a chevron; a press opens the Wi-Fi page. */
function WifiRow(props: { onPress: () => void; network: () => string | null }): Child {
  const theme = useTheme();
  const { t } = useI18n();
  const ref = { current: null as NodeHandle | null };
  const button = useButton({ label: () => t('settings.wifi'), onPress: props.onPress }, ref);
  const { pressed, focusVisible } = button.interaction;
  const network = () => props.network() ?? t('settings.notConnected');
  return (
    <View
      ref={ref} testId="open-wifi" {...button.rootProps}
      semantics={{ role: 'button', label: () => t('settings.wifi'), description: network }}
      style={{
        height: ROW, flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', gap: () => theme.spacing.md,
        borderRadius: () => theme.radii.sm,
        backgroundColor: () => (pressed.value || focusVisible.value ? theme.colors.surfaceVariant : 'transparent'),
      }}
    >
      <Label style={{ flexShrink: 0 }}>{() => t('settings.wifi')}</Label>
      <View style={{ flexDirection: 'row', alignItems: 'center', gap: () => theme.spacing.xs, flexShrink: 1 }}>
        <Icon name="wifi" color="primary" />
        <Text style={{ ...theme.typography('bodyMedium'), color: () => theme.colors.onSurfaceVariant, maxLines: 1 }}>{network}</Text>
        <Icon name="chevron-right" />
      </View>
    </View>
  );
}

export function SettingsScreen(props: SettingsScreenProps): Child {
  const { settings } = props;
  const theme = useTheme();
  const viewport = useViewport();
  const display = useDisplayControl();
  const toast = useToast();
  const { t, formatNumber, formatTime } = useI18n();
  // In the language's digits: "00:00".."23:00" (the roller's option i is hour i), "90°".
  const hours = () => Array.from({ length: 24 }, (_, h) => formatTime(new Date(2025, 0, 1, h), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  const rotations = () => ROTATIONS.map((r) => ({ value: r, label: `${formatNumber(r)}°` }));
  const units = () => [{ value: 'c' as const, label: t('settings.celsius') }, { value: 'f' as const, label: t('settings.fahrenheit') }];
  const confirming = signal(false);
  const wide = () => viewport.value.width >= 640;
  // Side by side when wide, sharing the width; stacked (each as tall as its rows) when narrow.
  const column = () => (wide() ? { flexGrow: 1, flexBasis: 0 } : {});

  return (
    <SlideInScreen
      testId="settings" title={() => t('settings.title')} shown={props.shown} onBack={props.onBack} onClosed={props.onClosed}
      escapes={() => !confirming.value}
      // The dialog takes its title and message as text: it is made again in a new language.
      overlays={() => (
        <Dialog
          open={confirming}
          title={t('settings.restartTitle')}
          message={t('settings.restartMessage')}
          actions={<>
            <DialogAction label={t('settings.cancel')} />
            <DialogAction label={t('settings.restartConfirm')} look="filled" onPress={props.onRestart} />
          </>}
        />
      )}
    >
      {/* Every part of it holds a control that takes focus and brings itself into view, so the viewport is no stop of its own. */}
      <ScrollView
        // At least as tall as the viewport, so that Save sits at the bottom when all fits.
        testId="settings-body" label={() => t('settings.all')} focusable={false} style={{ flexGrow: 1, flexShrink: 1 }} fillViewport
        contentStyle={{ paddingHorizontal: () => theme.spacing.lg, paddingTop: () => theme.spacing.sm, paddingBottom: () => theme.spacing.lg, gap: () => theme.spacing.sm }}
      >
        <View style={() => ({ flexDirection: wide() ? 'row' : 'column', gap: wide() ? theme.spacing.xl : 0 })}>
          <View style={column}>
            <Row label={() => t('settings.brightness')}>
              <Slider label={() => t('settings.brightness')} value={settings.brightness} min={5} max={100} step={5} formatValue={(v) => `${v} %`} style={{ width: 200 }}
                onChange={(v) => display.setBrightness?.(v / 100)} />
            </Row>
            <Row label={() => t('settings.dark')}>
              <Switch label={() => t('settings.dark')} hideLabel checked={settings.dark} />
            </Row>
            <Row label={() => t('settings.language')}>
              <Select label={() => t('settings.language')} hideLabel options={LANGUAGES} value={settings.language} style={{ width: 200 }} />
            </Row>
            {props.onWifi && <WifiRow onPress={props.onWifi} network={() => props.wifiNetwork?.() ?? null} />}
          </View>
          <View style={column}>
            <Row label={() => t('settings.unit')}>
              <Select label={() => t('settings.unit')} hideLabel options={units} value={settings.unit} style={{ width: 200 }} />
            </Row>
            <Row label={() => t('settings.nightFrom')} height={ROLLER_ROW}>
              <Roller label={() => t('settings.nightFrom')} options={hours} value={settings.nightHour} infinite visibleRows={3} style={{ alignSelf: 'center' }} />
            </Row>
          </View>
        </View>
        <Row label={() => t('settings.rotation')}>
          <RadioGroup label={() => t('settings.rotation')} orientation="horizontal" options={rotations} value={settings.rotation} onChange={(r) => display.setRotation(r)} />
        </Row>
        <View style={{ flexGrow: 1 }} />
        <View style={{ flexDirection: 'row', justifyContent: 'flex-end', gap: () => theme.spacing.sm }}>
          <Button label={() => t('settings.restart')} variant="outline" icon="power" onPress={() => (confirming.value = true)} />
          <Button label={() => t('settings.save')} onPress={() => toast(t('settings.saved'))} />
        </View>
      </ScrollView>
    </SlideInScreen>
  );
}
