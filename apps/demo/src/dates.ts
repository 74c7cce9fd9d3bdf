/**
 * How the panel writes times and days: "09:41", "Tue 14 Jan" (the dashboard's header and
 * clock, the event log, the history's days).
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** 24-hour HH:MM. @example formatClock(new Date(2025, 0, 14, 9, 41)) // "09:41" */
export function formatClock(date: Date): string {
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The day, short. @example formatDate(new Date(2025, 0, 14)) // "Tue 14 Jan" */
export function formatDate(date: Date): string {
  return `${DAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]}`;
}
