/**
 * The inspector's own page (for `PLANAR_INSPECT`, on any backend): defines the same
 * `window.planarPreview` as the preview page, then loads the inspector panel.
 *
 * The screen canvas shows the app's screen when the server sends it (a screenshot after
 * frames, a few a second); otherwise the outlines of the app's boxes, which is enough to pick
 * a node by clicking where it is.
 */
const { definePreviewApi } = await import('./preview-api.js');
const { preview, emit } = definePreviewApi();
const { screen, overlay } = preview;

let sendsScreen = true;
let screenTimer = null;

function setOutput(info) {
  const { width, height } = info.output;
  preview.output = { width, height, scale: info.scale, rotation: info.rotation };
  for (const canvas of [screen, overlay]) {
    if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
  }
  emit('resize', preview.output);
}

/** The screenshot when the server sends one; else the boxes' outlines. */
async function drawScreen(socketCall) {
  const g = screen.getContext('2d');
  if (sendsScreen) {
    const image = new Image();
    image.src = preview.withToken(`/screen.png?t=${Date.now()}`);
    try {
      await image.decode();
      g.drawImage(image, 0, 0);
      emit('frame', {});
      return;
    } catch {
      sendsScreen = false;
    }
  }
  const tree = await socketCall('nodeTree');
  g.fillStyle = '#22272f';
  g.fillRect(0, 0, screen.width, screen.height);
  g.strokeStyle = '#5b6677';
  (function outline(n) {
    if (n.box && n.kind !== 'root') g.strokeRect(n.box.x + 0.5, n.box.y + 0.5, n.box.width - 1, n.box.height - 1);
    n.children.forEach(outline);
  })(tree);
  emit('frame', {});
}

// A socket of the page's own: the output's size, and frames to redraw the screen after.
const url = new URL(preview.withToken('/inspect'), location.href);
url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
const socket = new WebSocket(url);
let nextId = 1;
const pending = new Map();
const call = (method, params = {}) => new Promise((resolve, reject) => {
  const id = nextId++;
  pending.set(id, { resolve, reject });
  socket.send(JSON.stringify({ id, method, params }));
});
const redraw = () => {
  if (screenTimer) return;
  screenTimer = setTimeout(() => { screenTimer = null; drawScreen(call).catch((e) => preview.notice(e.message, 'error')); }, 250);
};
socket.onmessage = (message) => {
  const data = JSON.parse(message.data);
  if (data.event) return redraw();
  const p = pending.get(data.id);
  pending.delete(data.id);
  if (data.error !== undefined) p?.reject(new Error(data.error));
  else p?.resolve(data.result);
};
socket.onopen = async () => {
  setOutput(await call('info'));
  await drawScreen(call);
};
socket.onclose = () => preview.notice('the app closed the connection; reload when it runs again', 'error');

screen.addEventListener('click', (e) => {
  if (typeof preview.pickHandler !== 'function') return;
  const r = screen.getBoundingClientRect();
  preview.pickHandler({ x: ((e.clientX - r.left) * screen.width) / r.width, y: ((e.clientY - r.top) * screen.height) / r.height });
});

const css = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: preview.withToken('/inspector.css') });
document.head.append(css);
await import(preview.withToken('/inspector.js'));
