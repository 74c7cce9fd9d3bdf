/**
 * @planar/demo — a smart-home panel built with Planar.
 *
 * @example
 * import { createApp } from '@planar/toolkit';
 * import { App, createHomeModel } from '@planar/demo';
 * await createApp(() => <App model={createHomeModel()} size={{ width: 800, height: 480 }} />, { width: 800, height: 480 });
 */
export { App, type AppProps, type Size } from './App.js';
export { Dashboard, type DashboardProps } from './Dashboard.js';
export { SettingsScreen, type SettingsScreenProps } from './SettingsScreen.js';
export { HistoryScreen, HISTORY_ROW_HEIGHT, type HistoryScreenProps } from './HistoryScreen.js';
export { SlideInScreen, type SlideInScreenProps } from './SlideInScreen.js';
export { WifiScreen, type WifiScreenProps } from './WifiScreen.js';
export { createWifi, CONNECT_DELAY_MS, type Wifi, type Network, type ConnectResult } from './wifi.js';
export { createMessages, LANGUAGES, LOCALES, type Language } from './messages.js';
export { createHistory, type HistoryEvent } from './history.js';
export { createSettings, type Settings, type SettingsOptions, type TemperatureUnit } from './settings.js';
export {
  createHomeModel, startLiveUpdates, formatClock, formatDate, formatTemperature, stateLabel, FROZEN_TIME, HISTORY_LENGTH,
  FIRST_RING_S, RING_EVERY_S, DOORBELL_OPEN_S,
  type HomeModel, type HomeModelOptions, type Device, type DeviceKind, type HomeEvent, type Battery,
} from './model.js';
export { startCamera, CAMERA_FPS, type CameraFeed, type CameraOptions } from './camera.js';
export { layoutFor, colors, type Layout, type DoorbellLayout } from './theme.js';
