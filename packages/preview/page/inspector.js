/**
 * The inspector panel: fills `<aside id="inspector">` of the preview page (or of the inspector's
 * own page) from the app's `/inspect` socket.
 *
 * It shows the node tree beside the semantics tree (or the component tree), the selected node's
 * props, style, reactive values and box model (drawn over the screen too, on a canvas stacked
 * above `planarPreview.overlay`), the layers with their planes, and a live graph of frame
 * times. A node is selected from a tree or picked on the screen: "Pick" sets
 * `planarPreview.pickHandler`, so the next click on the screen comes here (in output px)
 * instead of going to the app. Everything is asked over the socket as
 * `{ id, method, params }`; the server pushes `frame` and `tree-changed` events.
 */
const preview = window.planarPreview;
const root = document.getElementById('inspector');

const load = (path) => import(preview.withToken(path));
const [{ FrameGraph }, { BoxHighlight }, views] = await Promise.all(
  ['/inspector-graph.js', '/inspector-overlay.js', '/inspector-views.js'].map(load),
);
const { el, renderNodeTree, renderComponentTree, renderSemantics, renderDetail, renderLayers } = views;

/** The socket, its pending requests, and reconnection after the app restarts. */
class Connection {
  constructor(onEvent, onState) {
    this.onEvent = onEvent;
    this.onState = onState;
    this.pending = new Map();
    this.nextId = 1;
    this.retryMs = 250;
    this.open();
  }

  open() {
    const url = new URL(preview.withToken('/inspect'), location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => { this.retryMs = 250; this.onState(true); };
    socket.onmessage = (message) => {
      const data = JSON.parse(message.data);
      if (data.event) return this.onEvent(data.event, data.data);
      const request = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (!request) return;
      if (data.error !== undefined) request.reject(new Error(data.error));
      else request.resolve(data.result);
    };
    socket.onclose = () => {
      for (const r of this.pending.values()) r.reject(new Error('the connection to the app closed'));
      this.pending.clear();
      this.onState(false);
      setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 4000);
    };
  }

  call(method, params = {}) {
    return new Promise((resolve, reject) => {
      if (this.socket.readyState !== WebSocket.OPEN) return reject(new Error('not connected to the app'));
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }
}

// The panel's parts.
const pickButton = el('button', { type: 'button', id: 'inspector-pick', title: 'Click a node on the screen to select it' }, 'Pick');
const flash = el('input', { type: 'checkbox', id: 'inspector-flash' });
const status = el('span', { id: 'inspector-status', role: 'status' }, 'connecting…');
const treeMode = el('select', { id: 'inspector-tree-mode', 'aria-label': 'Tree' },
  el('option', { value: 'nodes' }, 'Nodes + semantics'), el('option', { value: 'components' }, 'Components'));
const graphCanvas = el('canvas', { id: 'inspector-graph', width: 600, height: 180 });
const treeBox = el('div', { id: 'inspector-tree', class: 'tree-columns' });
const detailBox = el('div', { id: 'inspector-detail' }, el('p', { class: 'hint' }, 'Select a node in the tree, or Pick one on the screen.'));
const layersBox = el('div', { id: 'inspector-layers' });
const section = (title, ...children) => el('details', { open: '' }, el('summary', {}, title), ...children);

root.replaceChildren(
  el('div', { class: 'inspector-bar' }, pickButton, el('label', {}, flash, ' Damage flash'), status),
  section('Frames', graphCanvas, el('div', { id: 'inspector-legend', class: 'legend' })),
  section('Tree', treeMode, treeBox),
  section('Selected', detailBox),
  section('Layers', layersBox),
);

const graph = new FrameGraph(graphCanvas, document.getElementById('inspector-legend'));
const highlight = new BoxHighlight(preview.overlay, () => preview.output);
let selected = null;
let refreshTimer = null;

const connection = new Connection(onEvent, (up) => {
  status.textContent = up ? 'connected' : 'disconnected — retrying';
  status.className = up ? '' : 'error';
  if (up) refreshAll();
});

function showError(error) {
  status.textContent = error.message;
  status.className = 'error';
}

async function refreshAll() {
  try {
    const info = await connection.call('info');
    flash.checked = info.damageFlash;
    await Promise.all([refreshTree(), refreshLayers(), refreshSelected()]);
  } catch (error) {
    showError(error);
  }
}

async function refreshTree() {
  if (treeMode.value === 'components') {
    const [components, tree] = await Promise.all([connection.call('componentTree'), connection.call('nodeTree')]);
    treeBox.replaceChildren(renderComponentTree(components, tree, select, selected));
    return;
  }
  const [tree, semantics] = await Promise.all([connection.call('nodeTree'), connection.call('semantics')]);
  treeBox.replaceChildren(
    el('div', { class: 'tree-column' }, el('h4', {}, 'Nodes'), renderNodeTree(tree, select, selected)),
    el('div', { class: 'tree-column' }, el('h4', {}, 'Semantics'), renderSemantics(semantics, select, selected)),
  );
}

async function refreshLayers() {
  layersBox.replaceChildren(renderLayers(await connection.call('layers'), select));
}

async function refreshSelected() {
  if (selected === null) {
    highlight.clear();
    return;
  }
  try {
    const detail = await connection.call('node', { id: selected });
    detailBox.replaceChildren(renderDetail(detail));
    highlight.show(detail.box);
  } catch (error) {
    // The node went away: say so and drop the highlight.
    detailBox.replaceChildren(el('p', { class: 'hint' }, error.message));
    highlight.clear();
    selected = null;
  }
}

async function select(id) {
  selected = id;
  for (const b of treeBox.querySelectorAll('.selected')) b.classList.remove('selected');
  for (const b of treeBox.querySelectorAll(`[data-node="${id}"]`)) b.classList.add('selected');
  await refreshSelected();
}

/**
 * Frames come often: the selected node and the layers are read again at most a few times a
 * second, the tree (whose texts change without a tree-changed event) once a second.
 */
let treeReadAt = 0;
function scheduleRefresh() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    const now = performance.now();
    const tree = now - treeReadAt > 1000 ? ((treeReadAt = now), refreshTree()) : null;
    Promise.all([refreshSelected(), refreshLayers(), tree]).catch(showError);
  }, 300);
}

function onEvent(event, data) {
  if (event === 'frame') {
    graph.add(data);
    scheduleRefresh();
  } else if (event === 'tree-changed') {
    refreshTree().catch(showError);
  }
}

function setPicking(on) {
  pickButton.classList.toggle('active', on);
  pickButton.setAttribute('aria-pressed', String(on));
  preview.pickHandler = on ? async ({ x, y }) => {
    setPicking(false);
    try {
      const id = await connection.call('pick', { x, y });
      if (id === null) return preview.notice('nothing to pick there', 'info');
      await select(id);
      await refreshTree();
    } catch (error) {
      showError(error);
    }
  } : null;
}

pickButton.addEventListener('click', () => setPicking(!preview.pickHandler));
addEventListener('keydown', (e) => { if (e.key === 'Escape' && preview.pickHandler) setPicking(false); });
// Hovering a node in a tree shows its box for a moment; leaving shows the selected one again.
let hovered = null;
treeBox.addEventListener('mouseover', (e) => {
  const id = Number(e.target.closest?.('[data-node]')?.dataset.node);
  if (!id || id === hovered) return;
  hovered = id;
  connection.call('node', { id }).then((d) => { if (hovered === id) highlight.show(d.box); }, () => {});
});
treeBox.addEventListener('mouseleave', () => {
  hovered = null;
  refreshSelected().catch(showError);
});
flash.addEventListener('change', () => connection.call('setDamageFlash', { on: flash.checked }).catch(showError));
treeMode.addEventListener('change', () => refreshTree().catch(showError));
preview.on('resize', () => {
  highlight.follow();
  refreshSelected().catch(showError);
});
