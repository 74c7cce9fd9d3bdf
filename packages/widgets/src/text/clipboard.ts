/**
 * The clipboard the text fields cut, copy and paste with. It lives in the app's process, so
 * text moves between the app's own fields; a backend that can reach the system's clipboard
 * (the Wayland display's `clipboard`, over wl_data_device) plugs it in with
 * `setSystemClipboard`, and from then on every field reads the system's and writes both. Reads
 * are promises because a system clipboard answers later (its data comes through a pipe from
 * another client).
 */

/** Something that holds text for cut, copy and paste. */
export interface Clipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

/** A system clipboard as a backend offers it: it may hold no text (null), and may write at once. */
export interface SystemClipboard {
  readText(): Promise<string | null>;
  writeText(text: string): void | Promise<void>;
}

let held = '';
let system: SystemClipboard | null = null;

/**
 * The clipboard every text field uses: the system's once one is set (reading no text there
 * as ''), else the app's own. A write always lands in the app's own too.
 * @example await clipboard.writeText('192.168.1.20');
 */
export const clipboard: Clipboard = {
  readText: async () => (system ? (await system.readText()) ?? '' : held),
  writeText: async (text) => {
    if (typeof text !== 'string') throw new TypeError(`clipboard.writeText(text): text must be a string, not ${typeof text}`);
    held = text;
    await system?.writeText(text);
  },
};

/**
 * Routes `clipboard` to the system's clipboard, or back to the app's own with null.
 * @example setSystemClipboard(display.clipboard ?? null);   // a Wayland display's, where the compositor has one
 */
export function setSystemClipboard(c: SystemClipboard | null): void {
  if (c !== null && (typeof c?.readText !== 'function' || typeof c?.writeText !== 'function')) {
    throw new TypeError('setSystemClipboard(c): c must have readText() and writeText(text), or be null for the app\'s own clipboard');
  }
  system = c;
}
