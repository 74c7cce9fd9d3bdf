/**
 * The panel's settings as signals: display brightness, dark or light look, the rotation the
 * user picked, the temperature unit the dashboard shows, the hour night mode starts and the
 * language.
 * The settings screen writes them two-way; the dashboard and the app read them.
 */
import { signal, type Rotation, type Signal } from '@planar/toolkit';
import type { Language } from './messages.js';

export type TemperatureUnit = 'c' | 'f';

export interface Settings {
  /** Display brightness, 5..100 %; the settings screen sends it to the backlight where the display has one. */
  readonly brightness: Signal<number>;
  /** The widgets' dark theme (true) or light theme. */
  readonly dark: Signal<boolean>;
  /**
   * The display's rotation: the one the app started with (`--rotation`), then the one chosen on
   * the settings screen, which turns the display at once.
   */
  readonly rotation: Signal<Rotation>;
  readonly unit: Signal<TemperatureUnit>;
  /** The hour (0..23) night mode starts. */
  readonly nightHour: Signal<number>;
  /** The language the panel speaks; Arabic lays it out right to left. */
  readonly language: Signal<Language>;
}

export interface SettingsOptions {
  rotation?: Rotation;
  unit?: TemperatureUnit;
  dark?: boolean;
  language?: Language;
}

export function createSettings(options: SettingsOptions = {}): Settings {
  return {
    brightness: signal(80),
    dark: signal(options.dark ?? true),
    rotation: signal(options.rotation ?? 0),
    unit: signal(options.unit ?? 'c'),
    nightHour: signal(22),
    language: signal(options.language ?? 'en'),
  };
}

/** "21.5°" in Celsius, "70.7°" in Fahrenheit — one decimal, as thermostats show it. */
export function formatTemperature(celsius: number, unit: TemperatureUnit = 'c'): string {
  const shown = unit === 'f' ? celsius * 1.8 + 32 : celsius;
  return `${shown.toFixed(1)}°`;
}
