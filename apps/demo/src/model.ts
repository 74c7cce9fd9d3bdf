/**
 * The home's state as signals: devices, the thermostat, recent events, the event history,
 * batteries, the doorbell and the time. The data is a simulated home; `frozen` fixes the clock
 * at 09:41 and keeps every value still (the doorbell never rings by itself), so renders of a
 * frozen model are the same on every run.
 */
import { batch, computed, interval, signal, type ReadonlySignal, type Signal } from '@planar/toolkit';
import { formatClock, formatDate } from './dates.js';
import { createHistory, type HistoryEvent } from './history.js';
import { eventText, type EventMessage, type Tone } from './event-text.js';
import { createMessages } from './messages.js';
import { createWifi, type Wifi } from './wifi.js';
import { createSettings, type Settings, type SettingsOptions } from './settings.js';

export type DeviceKind = 'light' | 'plug' | 'fan' | 'blinds';

export interface Device {
  id: string;
  /** Its English name; the panel shows `devices.<id>` from the catalogue. */
  name: string;
  /** Its room's English name; the panel shows `rooms.<roomId>`. */
  room: string;
  roomId: string;
  kind: DeviceKind;
  on: Signal<boolean>;
  /** What "on" means for it, when there is more to say than on: brightness, power draw, speed. */
  level?: string;
}

export type { Tone } from './event-text.js';

/** What happened (`message`, `values`, shown through the catalogue), and when. */
export interface HomeEvent extends EventMessage {
  id: number;
  time: string;
  /** What happened, in English. */
  text: string;
  tone: Tone;
}

export interface Battery {
  id: string;
  name: string;
  /** Percent, 0..100. */
  level: number;
}

export interface HomeModel {
  readonly frozen: boolean;
  /** The V4L2 capture device the front-door camera shows, or null for the simulated camera. */
  readonly camera: string | null;
  readonly name: string;
  readonly devices: readonly Device[];
  readonly now: ReadonlySignal<Date>;
  readonly clock: ReadonlySignal<string>;
  readonly date: ReadonlySignal<string>;
  /** `summary` is English; `condition` names it in the catalogue (`weather.<condition>`). */
  readonly weather: { temperature: number; summary: string; condition: string };
  readonly devicesOn: ReadonlySignal<number>;
  readonly setpoint: ReadonlySignal<number>;
  readonly measured: ReadonlySignal<number>;
  readonly humidity: ReadonlySignal<number>;
  readonly heating: ReadonlySignal<boolean>;
  readonly events: ReadonlySignal<readonly HomeEvent[]>;
  /**
   * What the home logged over the past month, HISTORY_LENGTH events ending at the time the model
   * was made (09:41 when frozen), newest first. Made the first time it is read, then kept.
   */
  readonly history: readonly HistoryEvent[];
  readonly batteries: ReadonlySignal<readonly Battery[]>;
  /** Whether the doorbell popup (the front-door camera) is open. */
  readonly doorbell: ReadonlySignal<boolean>;
  /** The panel's settings (the settings screen edits them). */
  readonly settings: Settings;
  /** The networks in range and the one connected to (the Wi-Fi page). */
  readonly wifi: Wifi;
  device(id: string): Device;
  toggle(id: string): void;
  /** Moves the setpoint by `delta` °C, in 0.5 steps, within 10..30 °C. */
  adjustSetpoint(delta: number): void;
  /** Reads the model's clock; the clock text changes only when the minute does. */
  tick(): void;
  /** One step (10 s) of the room temperature: it rises while heating and slowly falls otherwise. */
  drift(): void;
  /** Someone rang: the doorbell popup opens and the log says so. */
  ring(): void;
  /** Opens the doorbell popup to look at the front door, without a ring. */
  showFrontDoor(): void;
  /** Closes the doorbell popup. */
  dismissDoorbell(): void;
}

export const SETPOINT_MIN = 10;
export const SETPOINT_MAX = 30;
export const SETPOINT_STEP = 0.5;
/** The time a frozen model shows. */
export const FROZEN_TIME = new Date(2025, 0, 14, 9, 41, 0);
/** A live model's doorbell rings this long after start, then every RING_EVERY_S. */
export const FIRST_RING_S = 4;
export const RING_EVERY_S = 30;
/** How long the doorbell popup stays open unless dismissed, in a live model. */
export const DOORBELL_OPEN_S = 10;

export { formatClock, formatDate } from './dates.js';
export { formatTemperature } from './settings.js';

/** The label a tile shows for a state. */
export function stateLabel(kind: DeviceKind, on: boolean): string {
  if (kind === 'blinds') return on ? 'Open' : 'Closed';
  return on ? 'On' : 'Off';
}

const DEVICES: readonly (Omit<Device, 'on'> & { on: boolean })[] = [
  { id: 'kitchen-light', name: 'Ceiling light', room: 'Kitchen', roomId: 'kitchen', kind: 'light', on: false, level: '80%' },
  { id: 'living-lamp', name: 'Floor lamp', room: 'Living room', roomId: 'living', kind: 'light', on: true, level: '60%' },
  { id: 'bedroom-light', name: 'Bedside lamp', room: 'Bedroom', roomId: 'bedroom', kind: 'light', on: false, level: '35%' },
  { id: 'porch-light', name: 'Porch light', room: 'Entrance', roomId: 'entrance', kind: 'light', on: true, level: '100%' },
  { id: 'coffee-maker', name: 'Coffee maker', room: 'Kitchen', roomId: 'kitchen', kind: 'plug', on: false, level: '1150 W' },
  { id: 'office-plug', name: 'Desk plug', room: 'Office', roomId: 'office', kind: 'plug', on: true, level: '64 W' },
  { id: 'ceiling-fan', name: 'Ceiling fan', room: 'Bedroom', roomId: 'bedroom', kind: 'fan', on: false, level: 'Speed 2' },
  { id: 'living-blinds', name: 'Blinds', room: 'Living room', roomId: 'living', kind: 'blinds', on: true },
  { id: 'bedroom-blinds', name: 'Blinds', room: 'Bedroom', roomId: 'bedroom', kind: 'blinds', on: false },
];

const EVENTS: readonly Omit<HomeEvent, 'id' | 'text'>[] = [
  { time: '08:47', message: 'motion', tone: 'info' },
  { time: '08:12', message: 'frontLocked', tone: 'ok' },
  { time: '07:55', message: 'washerDone', tone: 'info' },
  { time: '07:31', message: 'backOpened', tone: 'warn' },
  { time: '06:58', message: 'porchOn', tone: 'info' },
  { time: '06:30', message: 'scheduleStarted', tone: 'info' },
];

const BATTERIES: readonly Battery[] = [
  { id: 'window-sensor', name: 'Window sensor', level: 12 },
  { id: 'hallway-sensor', name: 'Hallway sensor', level: 46 },
  { id: 'front-lock', name: 'Front door lock', level: 82 },
  { id: 'smoke-alarm', name: 'Smoke alarm', level: 91 },
];

const MAX_EVENTS = 24;
/** Writes each event's English text, kept beside its message id. */
const english = createMessages('en');
/** How many events the history holds. */
export const HISTORY_LENGTH = 10_000;

export interface HomeModelOptions {
  /** Fixed time (09:41) and data, for repeatable renders. */
  frozen?: boolean;
  /** Where a live model reads the time (default: the system clock). */
  clock?: () => Date;
  name?: string;
  /** Starts with the doorbell popup open. */
  doorbell?: boolean;
  /** A V4L2 capture device (/dev/video0) for the front-door camera; default: the simulated one. */
  camera?: string | null;
  /** Initial settings (rotation, unit, theme). */
  settings?: SettingsOptions;
}

/**
 * Creates the state of a home.
 * @example const model = createHomeModel({ frozen: true });
 */
export function createHomeModel(options: HomeModelOptions = {}): HomeModel {
  const frozen = !!options.frozen;
  const wallClock = options.clock ?? (() => new Date());
  const now = signal(frozen ? FROZEN_TIME : wallClock());
  const devices: Device[] = DEVICES.map((d) => ({ ...d, on: signal(d.on) }));
  const byId = new Map(devices.map((d) => [d.id, d]));
  let nextEventId = EVENTS.length + 1;
  const events = signal<readonly HomeEvent[]>(EVENTS.map((e, i) => ({ ...e, id: EVENTS.length - i, text: eventText(english.t, e) })));
  const setpoint = signal(21);
  const measured = signal(20.4);
  const heating = signal(true);
  const doorbell = signal(!!options.doorbell);
  const madeAt = now.peek();
  let history: readonly HistoryEvent[] | null = null;

  const log = (what: EventMessage, tone: Tone) => {
    const event = { id: nextEventId++, time: formatClock(now.peek()), ...what, text: eventText(english.t, what), tone };
    events.value = [event, ...events.peek()].slice(0, MAX_EVENTS);
  };

  const device = (id: string): Device => {
    const found = byId.get(id);
    if (!found) throw new Error(`no device "${id}"; devices: ${[...byId.keys()].join(', ')}`);
    return found;
  };

  /** Heating switches on 0.3 °C below the setpoint and off at it. */
  const updateHeating = () => {
    const m = measured.peek(), s = setpoint.peek();
    if (m < s - 0.3) heating.value = true;
    else if (m >= s) heating.value = false;
  };

  return {
    frozen,
    camera: options.camera ?? null,
    name: options.name ?? 'Maple House',
    devices,
    now,
    clock: computed(() => formatClock(now.value)),
    date: computed(() => formatDate(now.value)),
    weather: { temperature: 12, summary: 'Partly cloudy', condition: 'partlyCloudy' },
    devicesOn: computed(() => devices.filter((d) => d.kind !== 'blinds' && d.on.value).length),
    setpoint,
    measured,
    humidity: signal(46),
    heating,
    events,
    // Ten thousand events take a moment to make: only a model whose history is looked at makes them.
    get history() {
      return (history ??= createHistory(HISTORY_LENGTH, madeAt));
    },
    batteries: signal(BATTERIES),
    doorbell,
    settings: createSettings(options.settings),
    wifi: createWifi(),
    device,
    toggle(id) {
      const d = device(id);
      batch(() => {
        d.on.value = !d.on.peek();
        const state = d.kind === 'blinds' ? (d.on.peek() ? 'open' : 'closed') : (d.on.peek() ? 'on' : 'off');
        log({ message: 'toggled', values: { room: d.roomId, device: d.id, state } }, 'info');
      });
    },
    adjustSetpoint(delta) {
      const next = Math.round((setpoint.peek() + delta) / SETPOINT_STEP) * SETPOINT_STEP;
      batch(() => {
        setpoint.value = Math.min(SETPOINT_MAX, Math.max(SETPOINT_MIN, next));
        updateHeating();
      });
    },
    tick() {
      if (frozen) return;
      const date = wallClock();
      if (formatClock(date) !== formatClock(now.peek()) || formatDate(date) !== formatDate(now.peek())) now.value = date;
    },
    drift() {
      batch(() => {
        const step = heating.peek() ? 0.05 : -0.02;
        measured.value = Math.round((measured.peek() + step) * 100) / 100;
        updateHeating();
      });
    },
    ring() {
      batch(() => {
        doorbell.value = true;
        log({ message: 'doorbell' }, 'warn');
      });
    },
    showFrontDoor() {
      doorbell.value = true;
    },
    dismissDoorbell() {
      doorbell.value = false;
    },
  };
}

/**
 * Keeps a live model moving: the clock every second, the room temperature every 10 s, and the
 * doorbell, which rings FIRST_RING_S after the start and every RING_EVERY_S from then on; its
 * popup closes after DOORBELL_OPEN_S unless dismissed first. Runs on Planar's clock, so it
 * stops when the calling component unmounts. Does nothing for a frozen model.
 */
export function startLiveUpdates(model: HomeModel): void {
  if (model.frozen) return;
  interval(1000, () => model.tick());
  interval(10_000, () => model.drift());
  // One timer counts the seconds for the rings and the closing, rather than a timeout per
  // ring: a timeout stays registered with the component until it unmounts.
  let seconds = 0, open = 0;
  interval(1000, () => {
    seconds++;
    open = model.doorbell.peek() ? open + 1 : 0;
    if (open >= DOORBELL_OPEN_S) model.dismissDoorbell();
    if (seconds >= FIRST_RING_S && (seconds - FIRST_RING_S) % RING_EVERY_S === 0) {
      model.ring();
      open = 0;
    }
  });
}
