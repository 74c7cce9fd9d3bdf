/**
 * The system clipboard on Wayland, as `display.clipboard` (where the compositor offers
 * wl_data_device_manager): the selection as text, both ways.
 *
 *   readText   a round trip first (a selection another program set just now has then arrived),
 *              the selection's best text MIME type, its bytes through a pipe read on the event
 *              loop (native/clipboard.cc), decoded; null when there is no selection or it has no text
 *   writeText  a data source offering the text as text/plain;charset=utf-8, text/plain and
 *              UTF8_STRING (UTF-8 under every name), set with the serial of the last input event
 *
 * Compositors send the selection only to a window with keyboard focus, so a window that never
 * had it reads null.
 */
import type { NativeConnection } from './native.js';

/** The system clipboard, as text. */
export interface ClipboardControl {
  /** The clipboard's text, or null when it holds none. Rejects when its owner sends nothing in time. */
  readText(): Promise<string | null>;
  /** Makes `text` the clipboard's content; throws before the window has had any input event. */
  writeText(text: string): void;
}

/** The MIME types the app's text is offered under. */
export const OFFERED_TEXT_TYPES = ['text/plain;charset=utf-8', 'text/plain', 'UTF8_STRING'] as const;
/** Text MIME types read, best first (X11's STRING is Latin-1). */
const READ_TEXT_TYPES = ['text/plain;charset=utf-8', 'UTF8_STRING', 'text/plain', 'TEXT', 'STRING'];

/**
 * The best text type among those a selection offers, or null when it offers none.
 * @example textTypeOf(['image/png', 'text/plain', 'UTF8_STRING']) // 'UTF8_STRING'
 */
export function textTypeOf(offered: readonly string[]): string | null {
  const normal = (mime: string) => mime.replace(/\s+/g, '').toLowerCase();
  for (const wanted of READ_TEXT_TYPES) {
    const found = offered.find((mime) => normal(mime) === normal(wanted));
    if (found) return found;
  }
  return null;
}

type ClipboardConnection = Pick<NativeConnection, 'sync' | 'selectionMimes' | 'receiveSelection' | 'setSelection'>;

export class WaylandClipboard implements ClipboardControl {
  constructor(private readonly connection: ClipboardConnection, private readonly timeoutMs = 5000) {}

  async readText(): Promise<string | null> {
    await this.connection.sync();
    const type = textTypeOf(this.connection.selectionMimes() ?? []);
    if (!type) return null;
    const bytes = await this.connection.receiveSelection(type, this.timeoutMs);
    if (!bytes) return null;
    return type === 'STRING' ? bytes.toString('latin1') : new TextDecoder('utf-8').decode(bytes);
  }

  writeText(text: string): void {
    if (typeof text !== 'string') throw new TypeError(`clipboard.writeText(text): text must be a string, not ${typeof text}`);
    this.connection.setSelection(text, [...OFFERED_TEXT_TYPES]);
  }
}
