/**
 * The app: the dashboard at the app's current size, the settings screen over it while it is
 * open, plus the timers that keep a live model moving (clock and room temperature). When the
 * size changes (a resize or a rotation of the output, which the settings screen can turn) the
 * dashboard is built again for it; the model keeps its state and the settings screen stays open. The widgets' theme (dark or light, from the settings) and the
 * overlay host for dialogs and toasts wrap everything.
 */
import { Show, View, computed, read, signal, useViewport, type Reactive } from '@planar/toolkit';
import { OverlayHost, ThemeProvider, darkTheme, lightTheme, useToast } from '@planar/widgets';
import { Dashboard } from './Dashboard.js';
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

/** The dashboard, and the settings screen while it is open or sliding out. */
function Screens(props: { model: HomeModel; size: Reactive<string>; onRestart?: () => void }) {
  const toast = useToast();
  // `mounted` outlives `open` by the slide out.
  const open = signal(false);
  const mounted = signal(false);
  const openSettings = () => {
    open.value = true;
    mounted.value = true;
  };
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
  // Only the dashboard is rebuilt for a new size: the settings screen follows the viewport itself.
  return (
    <Show when={size}>
      <View style={() => ({ width: size.value?.width ?? 0, height: size.value?.height ?? 0 })}>
        {() => {
          const current = size.value;
          return current && <Dashboard model={props.model} width={current.width} height={current.height} onSettings={openSettings} />;
        }}
        <Show when={mounted}>
          <SettingsScreen
            settings={props.model.settings}
            shown={() => open.value}
            onBack={() => (open.value = false)}
            onClosed={() => { if (!open.value) mounted.value = false; }}
            onRestart={restart}
          />
        </Show>
      </View>
    </Show>
  );
}
