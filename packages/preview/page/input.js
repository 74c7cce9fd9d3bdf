/**
 * The viewer's input, sent to the app as a device's would be: positions in output pixels (the
 * canvas may be drawn smaller or larger than the output), the page's own timestamps.
 *
 * - Positions go back through the stage's turn (app.js turns the canvases back by the app's
 *   rotation): the offset from the canvas's centre on the page is turned by the rotation, then
 *   scaled from the canvas's CSS size to its pixels. Wheel deltas turn the same way.
 * - Pointer Events: a mouse (and a pen) is pointer 1, as on Wayland; each finger is a touch
 *   pointer numbered from 100 by the lowest free slot, so several fingers (and DevTools' touch
 *   emulation) reach the app as separate touches. The canvas captures a pointer it saw go down.
 * - Keys go to a hidden text area that takes focus when the canvas is pressed: every keydown and
 *   keyup is sent with its key and code; a key that types a character also sends the text.
 *   Dead keys and input methods compose in the text area: their composition events are sent as
 *   such and the committed text after them.
 */
const TOUCH_ID_BASE = 100;

export function attachInput({ preview, send, inControl }) {
  const { screen } = preview;
  const keys = Object.assign(document.createElement('textarea'), { id: 'keys', autocomplete: 'off', spellcheck: false });
  keys.setAttribute('aria-label', 'Keyboard input to the app');
  keys.setAttribute('autocapitalize', 'off');
  document.body.append(keys);

  const touches = new Map(); // DOM pointerId → app pointerId
  const pointerIdOf = (e) => {
    if (e.pointerType !== 'touch') return 1;
    let id = touches.get(e.pointerId);
    if (id === undefined) {
      const used = new Set(touches.values());
      for (id = TOUCH_ID_BASE; used.has(id); id++);
      touches.set(e.pointerId, id);
    }
    return id;
  };
  /** A page vector turned as the output is turned relative to the page (clockwise by the rotation). */
  const unturn = (dx, dy) => {
    const r = ((preview.output.rotation ?? 0) * Math.PI) / 180;
    const cos = Math.round(Math.cos(r)), sin = Math.round(Math.sin(r));
    return { dx: dx * cos - dy * sin, dy: dx * sin + dy * cos };
  };
  const toOutput = (e) => {
    const box = screen.getBoundingClientRect();
    const cssW = screen.clientWidth || 1, cssH = screen.clientHeight || 1;
    const { dx, dy } = unturn(e.clientX - (box.left + box.width / 2), e.clientY - (box.top + box.height / 2));
    return { x: ((dx + cssW / 2) * screen.width) / cssW, y: ((dy + cssH / 2) * screen.height) / cssH };
  };
  const pixelsPerCss = () => screen.width / (screen.clientWidth || 1);

  const pointer = (event) => (e) => {
    if (preview.pickHandler || !inControl()) return;
    if (event === 'move' && e.pointerType === 'touch' && !touches.has(e.pointerId)) return;
    if (event === 'down') {
      screen.setPointerCapture(e.pointerId);
      keys.focus({ preventScroll: true });
    }
    e.preventDefault();
    const { x, y } = toOutput(e);
    const pointerType = e.pointerType === 'touch' ? 'touch' : 'mouse';
    const pointerId = pointerIdOf(e);
    if (event === 'up' || event === 'cancel') touches.delete(e.pointerId);
    const button = event === 'down' || event === 'up' ? { button: e.button } : {};
    send({ type: 'pointer', event, x, y, pointerId, pointerType, buttons: e.buttons, ...button, timestamp: e.timeStamp });
  };
  screen.addEventListener('pointerdown', pointer('down'));
  screen.addEventListener('pointermove', pointer('move'));
  screen.addEventListener('pointerup', pointer('up'));
  screen.addEventListener('pointercancel', pointer('cancel'));
  screen.addEventListener('contextmenu', (e) => e.preventDefault());
  screen.addEventListener('click', (e) => {
    if (typeof preview.pickHandler === 'function') preview.pickHandler(toOutput(e));
  });

  screen.addEventListener('wheel', (e) => {
    e.preventDefault();
    if (!inControl() || preview.pickHandler) return;
    // Lines and pages become pixels as browsers scroll them; px scale with the canvas.
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? screen.height : 1;
    const scale = unit * pixelsPerCss();
    const { x, y } = toOutput(e);
    const delta = unturn(e.deltaX, e.deltaY);
    const lines = e.deltaMode === 1 ? unturn(Math.round(e.deltaX), Math.round(e.deltaY)) : { dx: 0, dy: 0 };
    send({
      type: 'wheel', x, y, deltaX: delta.dx * scale, deltaY: delta.dy * scale, discreteX: lines.dx, discreteY: lines.dy, timestamp: e.timeStamp,
    });
  }, { passive: false });

  const key = (event, e) => ({
    type: 'key', event, key: e.key, code: e.code, shift: e.shiftKey, ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey, repeat: e.repeat, timestamp: e.timeStamp,
  });
  let composing = false;
  keys.addEventListener('keydown', (e) => {
    if (composing || e.isComposing || e.keyCode === 229 || !inControl()) return;
    send(key('down', e));
    if (e.key === 'Dead') return; // the text area composes it
    e.preventDefault();
    if ([...e.key].length === 1 && !e.ctrlKey && !e.metaKey) send({ type: 'text', text: e.key, timestamp: e.timeStamp });
  });
  keys.addEventListener('keyup', (e) => {
    if (e.isComposing || e.keyCode === 229 || !inControl()) return;
    send(key('up', e));
  });
  keys.addEventListener('compositionstart', (e) => {
    composing = true;
    if (inControl()) send({ type: 'composition', event: 'start', data: '', timestamp: e.timeStamp });
  });
  keys.addEventListener('compositionupdate', (e) => {
    if (inControl()) send({ type: 'composition', event: 'update', data: e.data ?? '', timestamp: e.timeStamp });
  });
  keys.addEventListener('compositionend', (e) => {
    composing = false;
    keys.value = '';
    if (!inControl()) return;
    send({ type: 'composition', event: 'end', data: '', timestamp: e.timeStamp });
    if (e.data) send({ type: 'text', text: e.data, timestamp: e.timeStamp });
  });
  // Text that comes without a key (pasted, inserted by a tool) still reaches the app.
  keys.addEventListener('input', (e) => {
    if (composing || e.isComposing) return;
    if (e.data && inControl()) send({ type: 'text', text: e.data, timestamp: e.timeStamp });
    keys.value = '';
  });
}
