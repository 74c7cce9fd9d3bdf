/**
 * The event history: what the home logged over the past weeks, newest first, in days. The log
 * is simulated and the same on every run: a small linear congruential generator, seeded,
 * picks each event's kind and the gap to the one before, so ten thousand events span about a
 * month and tests can name the rows they expect.
 */
import type { Tone } from './model.js';

export interface HistoryEvent {
  id: number;
  /** When it happened. */
  at: Date;
  /** The day it belongs to, "Tue 14 Jan". */
  day: string;
  /** "09:41". */
  time: string;
  text: string;
  tone: Tone;
}

const KINDS: { text: string; tone: Tone }[] = [
  { text: 'Front door unlocked', tone: 'info' },
  { text: 'Front door locked', tone: 'ok' },
  { text: 'Motion in the hallway', tone: 'info' },
  { text: 'Living room lights on', tone: 'info' },
  { text: 'Living room lights off', tone: 'info' },
  { text: 'Heating on', tone: 'info' },
  { text: 'Heating off', tone: 'info' },
  { text: 'Window open in the bedroom', tone: 'warn' },
  { text: 'Doorbell rang', tone: 'info' },
  { text: 'Garage door closed', tone: 'ok' },
  { text: 'Smoke detector test passed', tone: 'ok' },
  { text: 'Low battery: back door sensor', tone: 'warn' },
];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dayLabel(d: Date): string {
  return `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}`;
}

function timeLabel(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** `count` events ending at `end`, newest first. */
export function createHistory(count: number, end: Date, seed = 7): HistoryEvent[] {
  let state = seed >>> 0;
  // Numerical Recipes' LCG: good enough to scatter kinds and gaps, and the same everywhere.
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const events: HistoryEvent[] = [];
  let t = end.getTime();
  for (let id = 0; id < count; id++) {
    const at = new Date(t);
    const kind = KINDS[Math.floor(next() * KINDS.length)]!;
    events.push({ id, at, day: dayLabel(at), time: timeLabel(at), text: kind.text, tone: kind.tone });
    // One to eight minutes between events.
    t -= (1 + Math.floor(next() * 8)) * 60_000;
  }
  return events;
}
