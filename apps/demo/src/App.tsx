/**
 * The app: the dashboard at the app's current size, the settings or the history screen over it
 * while one is open, plus the timers that keep a live model moving (clock and room
 * temperature). When the size changes (a resize or a rotation of the output, which the
 * settings screen can turn) the dashboard is built again for it; the model keeps its state and
 * an open screen stays open. The widgets' theme (dark or light, from the settings) and the
 * overlay host for dialogs and toasts wrap everything, inside the panel's language (messages.ts:
 * the language setting switches it live, Arabic laid out right to left). The on-screen keyboard
 * sits at the root and comes up for a focused text field when no physical keyboard is there.
 * The Wi-Fi page opens from the settings, over them.
 */
import { I18nProvider, Show, View, computed, effect, onCleanup, read, signal, useI18n, useViewport, type Reactive } from '@planar/toolkit';
import { OnScreenKeyboard, OverlayHost, ThemeProvider, darkTheme, lightTheme, useToast } from '@planar/widgets';
import { Dashboard } from './Dashboard.js';
import { HistoryScreen } from './HistoryScreen.js';
import { createHomeModel, startLiveUpdates, type HomeModel } from './model.js';
import { LOCALES, createMessages } from './messages.js';
import { SettingsScreen } from './SettingsScreen.js';
import { WifiScreen } from './WifiScreen.js';

export interface Size { width: number; height: number }

export interface AppProps {
  /** Defaults to a live model. */
  model?: HomeModel;
  /** The logical size to lay out for; nothing is shown while it is null. Defaults to the app's size. */
  size?: Reactive<Size | null>;
  /** Restart panel was confirmed on the settings screen; without it a toast says it is not available. */
  onRestart?: () => void;
}

export function App(props: AppProps) {
  const model = props.model ?? createHomeModel();
  startLiveUpdates(model);
  const size = props.size ?? useViewport();
  const key = computed(() => {
    const current = read(size);
    return current ? `${current.width}x${current.height}` : '';
  });
  const i18n = createMessages(model.settings.language.peek());
  onCleanup(effect(() => {
    i18n.locale.value = LOCALES[model.settings.language.value];
  }));
  return (
    <ThemeProvider theme={() => (model.settings.dark.value ? darkTheme : lightTheme)}>
      <I18nProvider i18n={i18n}>
        <OverlayHost>
          <Screens model={model} size={key} onRestart={props.onRestart} />
        </OverlayHost>
        {/* The keyboard reads its layouts once: a new language builds it again, in that language. */}
        {() => <OnScreenKeyboard mode="auto" layouts={[model.settings.language.value]} />}
      </I18nProvider>
    </ThemeProvider>
  );
}

/** Whether a screen over the dashboard is open, and whether it is mounted: that outlives `open` by the slide out. */
function screenState() {
  const open = signal(false);
  const mounted = signal(false);
  return {
    open, mounted,
    show: () => {
      open.value = true;
      mounted.value = true;
    },
    hide: () => (open.value = false),
    /** The slide out ended (unless it was opened again meanwhile). */
    closed: () => {
      if (!open.value) mounted.value = false;
    },
  };
}

/** The dashboard, and the settings or history screen while it is open or sliding out. */
function Screens(props: { model: HomeModel; size: Reactive<string>; onRestart?: () => void }) {
  const toast = useToast();
  const { t } = useI18n();
  const settings = screenState();
  const history = screenState();
  const wifi = screenState();
  const restart = () => {
    if (props.onRestart) props.onRestart();
    else toast(t('settings.restartUnavailable'));
  };
  const size = computed(() => {
    const key = read(props.size);
    if (!key) return null;
    const [width, height] = key.split('x').map(Number) as [number, number];
    return { width, height };
  });
  // Only the dashboard is rebuilt for a new size: the screens follow the viewport themselves.
  return (
    <Show when={size}>
      <View style={() => ({ width: size.value?.width ?? 0, height: size.value?.height ?? 0 })}>
        {() => {
          const current = size.value;
          return current && (
            <Dashboard model={props.model} width={current.width} height={current.height} onSettings={settings.show} onHistory={history.show} />
          );
        }}
        <Show when={settings.mounted}>
          <SettingsScreen
            settings={props.model.settings} shown={() => settings.open.value} onBack={settings.hide} onClosed={settings.closed} onRestart={restart}
            onWifi={wifi.show} wifiNetwork={() => props.model.wifi.connected.value}
          />
        </Show>
        <Show when={wifi.mounted}>
          <WifiScreen wifi={props.model.wifi} shown={() => wifi.open.value} onBack={wifi.hide} onClosed={wifi.closed} />
        </Show>
        <Show when={history.mounted}>
          <HistoryScreen events={() => props.model.history} shown={() => history.open.value} onBack={history.hide} onClosed={history.closed} />
        </Show>
      </View>
    </Show>
  );
}
