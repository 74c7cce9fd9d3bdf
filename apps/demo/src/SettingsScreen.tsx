/**
 * The settings screen: display brightness, the dark or light look, the display's rotation,
 * the temperature unit, the hour night mode starts, and Save / Restart panel. Every control
 * writes its setting at once (two-way signals); a new rotation turns the display at once and
 * the brightness goes to the backlight where the display has one. Save confirms with a toast,
 * Restart panel asks first in a dialog. It slides in over the dashboard (SlideInScreen.tsx).
 *
 * Below the title row the settings scroll, so that every one of them can be reached on a short
 * or turned screen: a drag or a fling scrolls them, and focus moved by Tab, the arrows or an
 * encoder brings the focused control into view.
 */
import { View, signal, useDisplayControl, useViewport, type Child, type Rotation } from '@planar/toolkit';
import {
  Button, Dialog, DialogAction, Label, RadioGroup, Roller, ScrollView, Select, Slider, Switch, useTheme, useToast,
} from '@planar/widgets';
import type { Settings, TemperatureUnit } from './settings.js';
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
}

const ROTATIONS: { value: Rotation; label: string }[] = [0, 90, 180, 270].map((r) => ({ value: r as Rotation, label: `${r}°` }));
const UNITS: { value: TemperatureUnit; label: string }[] = [{ value: 'c', label: 'Celsius (°C)' }, { value: 'f', label: 'Fahrenheit (°F)' }];
/** "00:00".."23:00": the roller's option i is hour i. */
const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
const ROW = 52;
/** A roller of three 40 px rows inside its 2 px focus ring, and a little air. */
const ROLLER_ROW = 132;

/** A setting: its name on the left, its control on the right. */
function Row(props: { label: string; height?: number; children: Child }): Child {
  const theme = useTheme();
  return (
    <View style={{ height: props.height ?? ROW, flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', gap: () => theme.spacing.md }}>
      <Label style={{ flexShrink: 0 }}>{props.label}</Label>
      {props.children}
    </View>
  );
}

export function SettingsScreen(props: SettingsScreenProps): Child {
  const { settings } = props;
  const theme = useTheme();
  const viewport = useViewport();
  const display = useDisplayControl();
  const toast = useToast();
  const confirming = signal(false);
  const wide = () => viewport.value.width >= 640;
  // Side by side when wide, sharing the width; stacked (each as tall as its rows) when narrow.
  const column = () => (wide() ? { flexGrow: 1, flexBasis: 0 } : {});

  return (
    <SlideInScreen
      testId="settings" title="Settings" shown={props.shown} onBack={props.onBack} onClosed={props.onClosed}
      escapes={() => !confirming.value}
      overlays={
        <Dialog
          open={confirming}
          title="Restart panel?"
          message="The screen goes dark for a few seconds while the panel starts again."
          actions={<>
            <DialogAction label="Cancel" />
            <DialogAction label="Restart" look="filled" onPress={props.onRestart} />
          </>}
        />
      }
    >
      {/* Every part of it holds a control that takes focus and brings itself into view, so the viewport is no stop of its own. */}
      <ScrollView
        // At least as tall as the viewport, so that Save sits at the bottom when all fits.
        testId="settings-body" label="All settings" focusable={false} style={{ flexGrow: 1, flexShrink: 1 }} fillViewport
        contentStyle={{ paddingHorizontal: () => theme.spacing.lg, paddingTop: () => theme.spacing.sm, paddingBottom: () => theme.spacing.lg, gap: () => theme.spacing.sm }}
      >
        <View style={() => ({ flexDirection: wide() ? 'row' : 'column', gap: wide() ? theme.spacing.xl : 0 })}>
          <View style={column}>
            <Row label="Brightness">
              <Slider label="Brightness" value={settings.brightness} min={5} max={100} step={5} formatValue={(v) => `${v} %`} style={{ width: 200 }}
                onChange={(v) => display.setBrightness?.(v / 100)} />
            </Row>
            <Row label="Dark theme">
              <Switch label="Dark theme" hideLabel checked={settings.dark} />
            </Row>
          </View>
          <View style={column}>
            <Row label="Temperature unit">
              <Select label="Temperature unit" hideLabel options={UNITS} value={settings.unit} style={{ width: 200 }} />
            </Row>
            <Row label="Night mode from" height={ROLLER_ROW}>
              <Roller label="Night mode from" options={HOURS} value={settings.nightHour} infinite visibleRows={3} style={{ alignSelf: 'center' }} />
            </Row>
          </View>
        </View>
        <Row label="Rotation">
          <RadioGroup label="Rotation" orientation="horizontal" options={ROTATIONS} value={settings.rotation} onChange={(r) => display.setRotation(r)} />
        </Row>
        <View style={{ flexGrow: 1 }} />
        <View style={{ flexDirection: 'row', justifyContent: 'flex-end', gap: () => theme.spacing.sm }}>
          <Button label="Restart panel" variant="outline" icon="power" onPress={() => (confirming.value = true)} />
          <Button label="Save" onPress={() => toast('Settings saved')} />
        </View>
      </ScrollView>
    </SlideInScreen>
  );
}
