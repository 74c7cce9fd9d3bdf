/**
 * An event's words in the panel's language. The model keeps what happened as a message id
 * under `event.` and its values; a `room` value is a room id and a `device` value a device id,
 * both named here through the catalogue, so the row follows the language setting.
 */
import type { MessageValues } from '@planar/toolkit';

/** What happened, as the model keeps it: `event.<message>` with its values. */
/** How an event reads at a glance: its dot's colour. */
export type Tone = 'info' | 'ok' | 'warn';

export interface EventMessage {
  message: string;
  values?: Readonly<Record<string, string | number>>;
}

/** The event in the language `t` speaks. */
export function eventText(t: (id: string, values?: MessageValues) => string, event: EventMessage): string {
  const values: Record<string, string | number> = { ...event.values };
  if (typeof values.room === 'string') values.room = t(`rooms.${values.room}`);
  if (typeof values.device === 'string') values.device = t(`devicesInline.${values.device}`);
  return t(`event.${event.message}`, values);
}
