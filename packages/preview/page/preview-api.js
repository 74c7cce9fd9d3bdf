/**
 * `window.planarPreview`: what a page with the app's screen offers the scripts it loads (the
 * inspector panel, the stories sidebar). The preview page (app.js) and the inspector's own page
 * (inspect-page.js) both make theirs here, from the page's `#screen`, `#overlay` and `#notice`.
 *
 *   screen, overlay      the screen canvas and the canvas above it for outlines (output px)
 *   token, withToken()   the page's token, and a path with it added (for fetch and WebSocket URLs)
 *   output               { width, height, scale, rotation } of the app's output, physical px
 *   pickHandler          when a function, a click on the screen goes to it ({ x, y } in output px)
 *   on(event, cb)        'frame' or 'resize'; returns the function that stops listening
 *   notice(text, level)  shows a banner ('error' or 'info'); null clears it
 */

/** Defines `window.planarPreview` and returns it with `emit(event, value)`, which calls its listeners. */
export function definePreviewApi() {
  const noticeBox = /** @type {HTMLElement} */ (document.getElementById('notice'));
  const token = new URLSearchParams(location.search).get('token');
  const listeners = { frame: new Set(), resize: new Set() };
  const preview = {
    screen: /** @type {HTMLCanvasElement} */ (document.getElementById('screen')),
    overlay: /** @type {HTMLCanvasElement} */ (document.getElementById('overlay')),
    token,
    /** `path` with the page's token, for fetch and WebSocket URLs. */
    withToken(path) {
      return token ? `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : path;
    },
    output: { width: 0, height: 0, scale: 1, rotation: 0 },
    pickHandler: null,
    on(event, cb) {
      const set = listeners[event];
      if (!set) throw new Error(`planarPreview.on: unknown event "${event}" (use "frame" or "resize")`);
      set.add(cb);
      return () => set.delete(cb);
    },
    notice(text, level = 'info') {
      noticeBox.hidden = text === null || text === undefined;
      noticeBox.textContent = text ?? '';
      noticeBox.className = level === 'error' ? 'error' : 'info';
    },
  };
  /** Calls each listener of `event`; one that throws is logged and the others still run. */
  const emit = (event, value) => {
    for (const cb of [...listeners[event]]) {
      try {
        cb(value);
      } catch (error) {
        console.error(error);
      }
    }
  };
  window.planarPreview = preview;
  return { preview, emit };
}
