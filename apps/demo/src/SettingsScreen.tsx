/**
 * The settings screen: display brightness, the dark or light look, the display's rotation,
 * the temperature unit, the hour night mode starts, and Save / Restart panel. Every control
 * writes its setting at once (two-way signals); a new rotation turns the display at once and
 * the brightness goes to the backlight where the display has one. Save confirms with a toast,
 * Restart panel asks first in a dialog. It is a layer of its own over the dashboard that slides in from the right
 * and back out: the slide is a `transition` on the layer's transform, which the compositor
 * applies as the layer's placement, so neither the screen nor the dashboard repaints while it
 * moves. Focus stays inside while it is open (Tab, arrows, Enter, an encoder) and goes back to
 * the settings button when it closes.
 */
import {
  FocusScope, Layer, View, effect, onCleanup, onMount, reducedMotion, signal, timeout, untracked, useDisplayControl, useViewport,
  type Child, type KeyEvent, type Rotation,
} from '@planar/toolkit';
import {
  Button, Dialog, DialogAction, Divider, Heading, Label, RadioGroup, Select, Slider, SpinBox, Switch,
  useTheme, useToast,
} from '@planar/widgets';
import type { Settings, TemperatureUnit } from './settings.js';

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
const ROW = 52;

/** A setting: its name on the left, its control on the right. */
function Row(props: { label: string; children: Child }): Child {
  const theme = useTheme();
  return (
    <View style={{ height: ROW, flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', gap: () => theme.spacing.md }}>
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
  // Mounted off to the right; asking for 0 once mounted is what the transition animates.
  const inPlace = signal(false);
  onMount(() => {
    inPlace.value = true;
  });
  const placed = () => inPlace.value && props.shown();
  // Unmounted once it has slid out.
  onCleanup(effect(() => {
    if (props.shown()) return;
    untracked(() => {
      if (reducedMotion()) props.onClosed();
      else timeout(theme.motion.duration.medium2, props.onClosed);
    });
  }));
  const wide = () => viewport.value.width >= 640;
  // Side by side when wide, sharing the width; stacked (each as tall as its rows) when narrow.
  const column = () => (wide() ? { flexGrow: 1, flexBasis: 0 } : {});
  const onKeyDown = (e: KeyEvent) => {
    if (e.key !== 'Escape' || confirming.value) return;
    e.preventDefault();
    props.onBack();
  };

  return (
    <Layer
      testId="settings"
      semantics={{ hidden: () => !props.shown() }}
      disabled={() => !props.shown()}
      style={() => ({
        width: viewport.value.width,
        height: viewport.value.height,
        backgroundColor: theme.colors.surface,
        transform: { translateX: placed() ? 0 : viewport.value.width },
        transition: { transform: { duration: theme.motion.duration.medium2, easing: theme.motion.easing.emphasized } },
      })}
    >
      <FocusScope trapped autoFocus onKeyDown={onKeyDown} style={{ flexGrow: 1, padding: () => theme.spacing.lg, gap: () => theme.spacing.sm }}>
        <View style={{ flexDirection: 'row', alignItems: 'center', gap: () => theme.spacing.sm }}>
          <Button testId="settings-back" label="Back" variant="icon" icon="back" onPress={props.onBack} />
          <Heading level={1}>Settings</Heading>
        </View>
        <Divider />
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
            <Row label="Night mode from">
              <SpinBox label="Night mode from" value={settings.nightHour} min={0} max={23} formatValue={(h) => `${String(h).padStart(2, '0')}:00`} />
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
      </FocusScope>
      <Dialog
        open={confirming}
        title="Restart panel?"
        message="The screen goes dark for a few seconds while the panel starts again."
        actions={<>
          <DialogAction label="Cancel" />
          <DialogAction label="Restart" look="filled" onPress={props.onRestart} />
        </>}
      />
    </Layer>
  );
}
