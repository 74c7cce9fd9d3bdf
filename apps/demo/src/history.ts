/**
 * The event history: what the home logged over the past weeks, newest first, in days. The log
 * is simulated and the same on every run: a small linear congruential generator, seeded,
 * picks each event's kind and the gap to the one before, so ten thousand events span about a
 * month and tests can name the rows they expect.
 */
import { formatClock, formatDate } from './dates.js';
import { eventText, type Tone } from './event-text.js';
import { createMessages } from './messages.js';

export interface HistoryEvent {
  id: number;
  /** When it happened. */
  at: Date;
  /** The day it belongs to, "Tue 14 Jan". */
  day: string;
  /** "09:41". */
  time: string;
  /** What happened: `event.<message>` in the catalogue. */
  message: string;
  /** What happened, in English. */
  text: string;
  tone: Tone;
}

const english = createMessages('en');
const KINDS: { message: string; text: string; tone: Tone }[] = ([
  { message: 'frontUnlocked', tone: 'info' },
  { message: 'frontLocked', tone: 'ok' },
  { message: 'motion', tone: 'info' },
  { message: 'lightsOn', tone: 'info' },
  { message: 'lightsOff', tone: 'info' },
  { message: 'heatingOn', tone: 'info' },
  { message: 'heatingOff', tone: 'info' },
  { message: 'windowOpen', tone: 'warn' },
  { message: 'doorbell', tone: 'info' },
  { message: 'garageClosed', tone: 'ok' },
  { message: 'smokeTest', tone: 'ok' },
  { message: 'lowBattery', tone: 'warn' },
] as const satisfies { message: string; tone: Tone }[]).map((kind) => ({ ...kind, text: eventText(english.t, kind) }));

/**
 * `count` events ending at `end`, newest first; the same seed gives the same events.
 * @example createHistory(10_000, new Date(2025, 0, 14, 9, 41))[0].day // "Tue 14 Jan"
 */
export function createHistory(count: number, end: Date, seed = 7): HistoryEvent[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`createHistory: count must be a whole number, 0 or more, got ${String(count)}`);
  if (!(end instanceof Date) || Number.isNaN(end.getTime())) throw new TypeError(`createHistory: end must be a valid Date (when the newest event happened), got ${String(end)}`);
  let state = seed >>> 0;
  // Numerical Recipes' LCG: good enough to scatter kinds and gaps, and the same everywhere.
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const events: HistoryEvent[] = [];
  let t = end.getTime();
  for (let id = 0; id < count; id++) {
    const at = new Date(t);
    const kind = KINDS[Math.floor(next() * KINDS.length)]!;
    events.push({ id, at, day: formatDate(at), time: formatClock(at), message: kind.message, text: kind.text, tone: kind.tone });
    // One to eight minutes between events.
    t -= (1 + Math.floor(next() * 8)) * 60_000;
  }
  return events;
}
