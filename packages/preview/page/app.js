/**
 * The preview page's stream client: draws the app's output from the /stream socket, sends the
 * viewer's input back, and defines `window.planarPreview` for the inspector and stories scripts.
 *
 * A frame message holds damaged rectangles of the output, each raw RGBA or raw deflate; all
 * rectangles of a frame are decoded first and then put on the canvas together, frames in the
 * order they came. See the server's stream/frame.ts for the layout of a message.
 *
 * The output is shown as a panel mounted turned would be: when the app is turned by r degrees
 * (clockwise), every canvas of the stage (the screen, the overlay, any canvas stacked above
 * them) is turned back by r with a CSS transform, so the app reads upright. The canvases are
 * sized to fit the stage as they appear after that turn; input.js maps the page's pointer
 * positions back through it to output pixels.
 */
const stage = /** @type {HTMLElement} */ (document.getElementById('stage'));
// The page's token travels in a cookie too, so this relative import is let through.
const { definePreviewApi } = await import('./preview-api.js');
const { preview, emit } = definePreviewApi();
const { screen, overlay } = preview;

// The helpers are imported with the token in their URL as well as in the cookie.
const [{ attachInput }, { attachToolbar }, { drawPlaneOutlines }] = await Promise.all(
  ['/input.js', '/toolbar.js', '/planes.js'].map((path) => import(preview.withToken(path))),
);


const context = /** @type {CanvasRenderingContext2D} */ (screen.getContext('2d'));
let socket = /** @type {WebSocket | null} */ (null);
let inControl = false;
let planes = { preset: 'vkms', planes: [] };
let retryMs = 250;
let disconnected = false;
let drawing = Promise.resolve();

const send = (message) => {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
};

const toolbar = attachToolbar({ send, showOutlines: () => redrawOutlines() });
attachInput({ preview, send, inControl: () => inControl });

function redrawOutlines() {
  drawPlaneOutlines(overlay, toolbar.outlines() ? planes.planes : []);
}

/** Sizes the canvases (CSS px) to fit the stage as they appear turned, never larger than the output. */
function fitStage() {
  const { width, height, rotation } = preview.output;
  if (!width || !height) return;
  const style = getComputedStyle(stage);
  const roomW = stage.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const roomH = stage.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const [shownW, shownH] = rotation % 180 ? [height, width] : [width, height];
  const k = Math.max(0, Math.min(1, roomW / shownW, roomH / shownH));
  stage.style.setProperty('--turn', `${-rotation}deg`);
  for (const canvas of [screen, overlay]) {
    canvas.style.width = `${width * k}px`;
    canvas.style.height = `${height * k}px`;
  }
}
new ResizeObserver(fitStage).observe(stage);

function setOutput(output) {
  preview.output = output;
  for (const canvas of [screen, overlay]) {
    if (canvas.width !== output.width || canvas.height !== output.height) {
      canvas.width = output.width;
      canvas.height = output.height;
    }
  }
  fitStage();
  toolbar.showOutput(output);
  redrawOutlines();
  emit('resize', output);
}

function setControl(you) {
  inControl = you;
  toolbar.showControl(you);
}

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Decodes a frame message and puts its rectangles on the canvas. */
async function drawFrame(buffer) {
  const view = new DataView(buffer);
  if (view.getUint8(0) !== 1) return;
  const count = view.getUint16(2, true), width = view.getUint16(4, true), height = view.getUint16(6, true);
  const sequence = view.getUint32(8, true);
  const rects = [];
  for (let i = 0, at = 12; i < count; i++) {
    const x = view.getUint16(at, true), y = view.getUint16(at + 2, true);
    const w = view.getUint16(at + 4, true), h = view.getUint16(at + 6, true);
    const length = view.getUint32(at + 12, true);
    const bytes = new Uint8Array(buffer, at + 16, length);
    rects.push({ x, y, width: w, height: h, pixels: view.getUint8(at + 8) === 1 ? inflate(bytes) : bytes });
    at += 16 + length;
  }
  const decoded = await Promise.all(rects.map((r) => r.pixels));
  if (screen.width !== width || screen.height !== height) setOutput({ ...preview.output, width, height });
  rects.forEach((r, i) => context.putImageData(new ImageData(new Uint8ClampedArray(decoded[i]), r.width, r.height), r.x, r.y));
  emit('frame', { sequence, rects: rects.map(({ x, y, width: w, height: h }) => ({ x, y, width: w, height: h })) });
}

function onMessage(message) {
  switch (message.type) {
    case 'hello':
      planes = message.planes ?? planes;
      toolbar.showSizes(message.sizes ?? []);
      toolbar.showPlanes(planes.preset);
      setOutput(message.output);
      setControl(message.control);
      if (message.notice) preview.notice(message.notice.text, message.notice.level);
      break;
    case 'output':
      setOutput(message.output);
      break;
    case 'planes':
      planes = message;
      toolbar.showPlanes(planes.preset);
      redrawOutlines();
      break;
    case 'control':
      setControl(message.you);
      break;
    case 'notice':
      preview.notice(message.text, message.level);
      break;
  }
}

function connect() {
  const url = new URL(preview.withToken('/stream'), location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  socket = ws;
  ws.onopen = () => {
    retryMs = 250;
    if (disconnected) preview.notice(null);
    disconnected = false;
  };
  ws.onmessage = (event) => {
    if (typeof event.data === 'string') onMessage(JSON.parse(event.data));
    else {
      const data = event.data;
      drawing = drawing.then(() => drawFrame(data)).catch((error) => console.error('planar preview: a frame could not be drawn', error));
    }
  };
  ws.onclose = () => {
    if (socket !== ws) return;
    socket = null;
    setControl(false);
    disconnected = true;
    preview.notice('disconnected: the app is not running; retrying…', 'error');
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 4000);
  };
}

/** Loads the inspector's and the stories' scripts (and styles) when the server serves them. */
async function loadExtras() {
  for (const name of ['inspector', 'stories']) {
    try {
      const found = await fetch(preview.withToken(`/${name}.js`), { method: 'HEAD' });
      if (!found.ok) continue;
      const css = await fetch(preview.withToken(`/${name}.css`), { method: 'HEAD' });
      if (css.ok) document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: preview.withToken(`/${name}.css`) }));
      // Imported rather than added as a script tag: the import settles once the script has run to its end.
      await import(preview.withToken(`/${name}.js`));
    } catch (error) {
      console.error(`planar preview: /${name}.js was not loaded`, error);
    }
  }
}

connect();
// Once the extras are in, the page's layout is final (the inspector's panel narrows the stage).
void loadExtras().then(() => (document.body.dataset.extras = 'loaded'));
