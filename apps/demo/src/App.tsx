/**
 * The app: the dashboard at the app's current size, the settings or the history screen over it
 * while one is open, plus the timers that keep a live model moving (clock and room
 * temperature). When the size changes (a resize or a rotation of the output, which the
 * settings screen can turn) the dashboard is built again for it; the model keeps its state and
 * an open screen stays open. The widgets' theme (dark or light, from the settings) and the
 * overlay host for dialogs and toasts wrap everything.
 */
import { Show, View, computed, read, signal, useViewport, type Reactive } from '@planar/toolkit';
import { OverlayHost, ThemeProvider, darkTheme, lightTheme, useToast } from '@planar/widgets';
import { Dashboard } from './Dashboard.js';
import { HistoryScreen } from './HistoryScreen.js';
import { createHomeModel, startLiveUpdates, type HomeModel } from './model.js';
import { SettingsScreen } from './SettingsScreen.js';

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
  return (
    <ThemeProvider theme={() => (model.settings.dark.value ? darkTheme : lightTheme)}>
      <OverlayHost>
        <Screens model={model} size={key} onRestart={props.onRestart} />
      </OverlayHost>
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
  const settings = screenState();
  const history = screenState();
  const restart = () => {
    if (props.onRestart) props.onRestart();
    else toast('Restart is not available in this build');
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
          />
        </Show>
        <Show when={history.mounted}>
          <HistoryScreen events={() => props.model.history} shown={() => history.open.value} onBack={history.hide} onClosed={history.closed} />
        </Show>
      </View>
    </Show>
  );
}
