/**
 * The whole panel at a fixed size: header, device grid, thermostat and status card, and the
 * doorbell popup above them while it is open. It starts no timers of its own (only a live
 * model's open camera runs one), so a frozen model renders the same on every run (tests and
 * benchmarks use it).
 */
import { I18nProvider, View, useI18n } from '@planar/toolkit';
import { createMessages } from './messages.js';
import { ThemeProvider } from '@planar/widgets';
import { dashboardTheme } from './dashboard-theme.js';
import { DeviceGrid } from './DeviceGrid.js';
import { Doorbell } from './Doorbell.js';
import { Header } from './Header.js';
import { createHomeModel, type HomeModel } from './model.js';
import { StatusList } from './StatusList.js';
import { Thermostat } from './Thermostat.js';
import { LayoutContext, colors, layoutFor } from './theme.js';

export interface DashboardProps {
  /** Defaults to a frozen model. */
  model?: HomeModel;
  /** Logical size; defaults to 800x480. */
  width?: number;
  height?: number;
  /** Shows a settings button in the header that calls this. */
  onSettings?: () => void;
  /** Shows a history button in the header that calls this. */
  onHistory?: () => void;
}

export function Dashboard(props: DashboardProps) {
  // Shown on its own (benchmarks, end-to-end scenes) it brings its own English catalogue.
  if (!hasI18n()) return <I18nProvider i18n={createMessages('en')}><Dashboard {...props} /></I18nProvider>;
  const model = props.model ?? createHomeModel({ frozen: true });
  const layout = layoutFor(props.width ?? 800, props.height ?? 480, model.devices.length);
  return (
    <LayoutContext.Provider value={layout}>
      <ThemeProvider theme={dashboardTheme}>
        <View
          testId="dashboard"
          style={{
            width: layout.width,
            height: layout.height,
            padding: layout.pad,
            gap: layout.gap,
            overflow: 'hidden',
            backgroundGradient: { type: 'linear', angle: 180, colors: [colors.backgroundTop, colors.background] },
          }}
        >
          <Header model={model} onSettings={props.onSettings} onHistory={props.onHistory} />
          {layout.portrait ? (
            <View style={{ gap: layout.gap }}>
              <Thermostat model={model} />
              <DeviceGrid model={model} />
              <StatusList model={model} />
            </View>
          ) : (
            <View style={{ flexDirection: 'row', gap: layout.gap }}>
              <DeviceGrid model={model} />
              <View style={{ gap: layout.gap }}>
                <Thermostat model={model} />
                <StatusList model={model} />
              </View>
            </View>
          )}
          <Doorbell model={model} />
        </View>
      </ThemeProvider>
    </LayoutContext.Provider>
  );
}

/** Whether an <I18nProvider> is above the component running now. */
function hasI18n(): boolean {
  try {
    useI18n();
    return true;
  } catch {
    return false;
  }
}
