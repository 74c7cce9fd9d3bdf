/**
 * The inspector panel's views: plain DOM built from the inspector's JSON (trees, the selected
 * node's detail and box model, the layers). Nothing here talks to the socket; a click on a node
 * calls `select(id)`.
 */

/** A DOM element: `el('li', { class: 'x' }, child, 'text')`. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined && v !== null) node.setAttribute(k, v);
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

const nodeLabel = (n) => {
  const parts = [n.kind === 'textpiece' ? JSON.stringify(n.text ?? '') : `<${n.component}>`];
  if (n.testId) parts.push(`#${n.testId}`);
  if (n.hidden) parts.push('(hidden)');
  return parts.join(' ');
};

function nodeButton(id, text, select, selected, title) {
  const b = el('button', { type: 'button', class: `node${id === selected ? ' selected' : ''}`, 'data-node': id, title }, text);
  b.addEventListener('click', () => select(id));
  return b;
}

/** The node tree; slots are shown faintly, since they have no box. */
export function renderNodeTree(tree, select, selected) {
  const item = (n) => el('li', { class: n.box ? '' : 'boxless' },
    nodeButton(n.id, nodeLabel(n), select, selected, n.owner ? `written by ${n.owner}` : undefined),
    n.children.length ? el('ul', {}, n.children.map(item)) : null);
  return el('ul', { class: 'tree', id: 'inspector-nodes' }, item(tree));
}

/** The semantics tree; each entry selects the node it describes. */
export function renderSemantics(list, select, selected) {
  if (!list.length) return el('p', { class: 'hint' }, 'No node has a role or text.');
  const item = (s) => el('li', {},
    nodeButton(s.nodeId, `${s.role}${s.name ? ` "${s.name}"` : ''}`, select, selected),
    s.children.length ? el('ul', {}, s.children.map(item)) : null);
  return el('ul', { class: 'tree', id: 'inspector-semantics' }, list.map(item));
}

/** The component tree: each component with the nodes it wrote. */
export function renderComponentTree(components, tree, select, selected) {
  const labels = new Map();
  (function index(n) { labels.set(n.id, nodeLabel(n)); n.children.forEach(index); })(tree);
  const item = (c) => el('li', {}, el('span', { class: 'component' }, c.name),
    el('ul', {}, c.nodes.map((id) => el('li', {}, nodeButton(id, labels.get(id) ?? `node ${id}`, select, selected))), c.children.map(item)));
  return el('ul', { class: 'tree', id: 'inspector-components' }, components.map(item));
}

const show = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

function table(entries, cls) {
  if (!entries.length) return el('p', { class: 'hint' }, 'none');
  return el('table', { class: cls }, entries.map(([k, v, note]) => el('tr', {}, el('th', {}, k), el('td', {}, show(v)), note ? el('td', { class: 'note' }, note) : null)));
}

const round = (n) => Math.round(n * 100) / 100;
const edgeText = ([t, r, b, l]) => (t === r && r === b && b === l ? `${round(t)}` : `${round(t)} ${round(r)} ${round(b)} ${round(l)}`);

/** The box model as nested boxes, devtools-style: margin, border, padding, content. */
function boxModel(box) {
  if (!box) return el('p', { class: 'hint' }, 'no box (a slot, span or text piece)');
  const { margin, border, padding } = box.edges;
  return el('div', { class: 'box-model margin' }, el('span', { class: 'edge' }, `margin ${edgeText(margin)}`),
    el('div', { class: 'border' }, el('span', { class: 'edge' }, `border ${edgeText(border)}`),
      el('div', { class: 'padding' }, el('span', { class: 'edge' }, `padding ${edgeText(padding)}`),
        el('div', { class: 'content' }, `${round(box.content.width)} × ${round(box.content.height)}`))),
    el('p', { class: 'hint' }, `border box on the output: ${round(box.border.x)}, ${round(box.border.y)}, ${round(box.border.width)} × ${round(box.border.height)} px`));
}

/** Everything about the selected node. */
export function renderDetail(d) {
  const states = Object.entries(d.paint).filter(([, v]) => v !== false && v !== 1).map(([k, v]) => (v === true ? k : `${k} ${v}`));
  return el('div', {},
    el('h3', {}, `<${d.component}>`, d.testId ? ` #${d.testId}` : '', el('small', {}, ` node ${d.id}`)),
    el('p', { class: 'path' }, d.ownerPath || '(no component)', ` · layer ${d.layer}`, states.length ? ` · ${states.join(', ')}` : ''),
    el('h4', {}, 'Signals it reads'),
    table(d.reactive.map((r) => [r.prop, r.value, r.via]), 'reactive'),
    el('h4', {}, 'Box'), boxModel(d.box),
    el('h4', {}, 'Props'), table(Object.entries(d.props), 'props'),
    d.handlers.length ? el('p', { class: 'path' }, `handlers: ${d.handlers.join(', ')}`) : null,
    el('h4', {}, 'Style'), table(Object.entries(d.style), 'style'),
    el('h4', {}, 'Semantics'),
    d.semantics ? table([['role', d.semantics.role], ['name', d.semantics.name], ['value', d.semantics.value ?? ''], ['states', d.semantics.states], ['actions', d.semantics.actions.join(', ')]], 'semantics')
      : el('p', { class: 'hint' }, 'not in the semantics tree (role none, or hidden)'),
  );
}

const bufferText = (b) => `${b.busy ? 'held' : 'free'}${b.missed === 'all' ? ', whole' : b.missed ? `, ${b.missed} rects behind` : ', current'}`;

/** The layers, bottom to top: where each shows, and why it has no plane when it has none. */
export function renderLayers(info, select) {
  const rows = info.layers.map((l) => {
    const where = !l.visible ? 'not shown' : l.plane !== null ? `plane ${l.plane}` : `composited: ${l.reason}`;
    const row = el('tr', { class: l.plane !== null ? 'on-plane' : 'composited', 'data-layer': l.id },
      el('td', {}, nodeButton(l.nodeId, l.name, select, null)),
      el('td', { class: 'where' }, where),
      el('td', {}, `${l.rect.width}×${l.rect.height} at ${l.rect.x},${l.rect.y}`),
      el('td', { title: 'display buffers: held by the display or free, and how far behind' }, l.buffers.map(bufferText).join('; ') || '—'));
    return row;
  });
  return el('div', {},
    el('table', { class: 'layers' }, el('tr', {}, el('th', {}, 'Layer'), el('th', {}, 'Where'), el('th', {}, 'Rect'), el('th', {}, 'Buffers')), rows),
    el('p', { class: 'hint' }, info.compositionPlane !== null ? `composition layer on plane ${info.compositionPlane}` : 'no composition layer in use'),
    el('p', { class: 'hint' }, `planes: ${info.planes.map((p) => `${p.id} ${p.type}`).join(', ')}`));
}
