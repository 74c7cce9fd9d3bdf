/**
 * The clipboard the text fields cut, copy and paste with. It lives in the app's process, so
 * text moves between the app's own fields; a backend that can reach the system's clipboard
 * (a Wayland data device) plugs it in with `setSystemClipboard`, and from then on every field
 * uses that one instead. Reads and writes are promises because a system clipboard answers
 * later (its data comes through a pipe from another client).
 */

/** Something that holds text for cut, copy and paste. */
export interface Clipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

let held = '';
const inApp: Clipboard = {
  readText: () => Promise.resolve(held),
  writeText: (text) => {
    held = text;
    return Promise.resolve();
  },
};

let system: Clipboard | null = null;

/**
 * The clipboard every text field uses: the system's once one is set, else the app's own.
 * @example await clipboard.writeText('192.168.1.20');
 */
export const clipboard: Clipboard = {
  readText: () => (system ?? inApp).readText(),
  writeText: (text) => {
    if (typeof text !== 'string') return Promise.reject(new TypeError(`clipboard.writeText: expected a string, got ${typeof text}`));
    return (system ?? inApp).writeText(text);
  },
};

/**
 * Routes `clipboard` to the system's clipboard (a backend's), or back to the app's own with null.
 * @example setSystemClipboard({ readText: () => display.readSelection('text/plain'), writeText: (t) => display.offerSelection(t) });
 */
export function setSystemClipboard(c: Clipboard | null): void {
  if (c !== null && (typeof c?.readText !== 'function' || typeof c?.writeText !== 'function')) {
    throw new TypeError('setSystemClipboard: expected an object with readText() and writeText(text), or null for the app\'s own clipboard');
  }
  system = c;
}
