/**
 * The stories gallery's sidebar: lists every story by title (one button per story), and the
 * theme, size and locale of the one shown. It talks to the server over the `/stories` socket
 * (see the server's stories/gallery.ts for the messages): the server sends the stories and the
 * selection, the page asks to select. The app itself is drawn by the stream client (app.js).
 */
const preview = window.planarPreview ?? {
  withToken(path) {
    const token = new URLSearchParams(location.search).get('token');
    return token ? `${path}?token=${encodeURIComponent(token)}` : path;
  },
  notice(text) {
    if (text) console.warn(text);
  },
};
const sidebar = /** @type {HTMLElement} */ (document.getElementById('sidebar'));

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

let socket = /** @type {WebSocket | null} */ (null);
let stories = [];
let problems = [];
let selection = null;
let retryMs = 250;

const themeSelect = el('select', { id: 'stories-theme' });
const sizeSelect = el('select', { id: 'stories-size' });
const localeInput = el('input', { id: 'stories-locale', type: 'text', size: 6, spellcheck: false });
const controls = el('div', { className: 'stories-controls' },
  el('label', {}, 'Theme ', themeSelect), el('label', {}, 'Size ', sizeSelect), el('label', {}, 'Locale ', localeInput));
const problemList = el('ul', { className: 'stories-problems', role: 'alert' });
const list = el('nav', { className: 'stories-list', ariaLabel: 'Stories' });
sidebar.append(el('h2', { className: 'stories-heading' }, 'Stories'), controls, problemList, list);

function send(message) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function select(id, params = {}) {
  send({ type: 'select', id, ...params });
}

function options(selectBox, values, chosen) {
  selectBox.replaceChildren(...values.map((v) => el('option', { value: v, textContent: v, selected: v === chosen })));
}

/** The switches and the highlighted button follow the selection. */
function showSelection() {
  const story = stories.find((s) => s.id === selection?.id);
  controls.hidden = !story;
  if (story) {
    options(themeSelect, story.themes, selection.theme);
    options(sizeSelect, story.sizes, selection.size);
    if (document.activeElement !== localeInput) localeInput.value = selection.locale;
  }
  for (const button of list.querySelectorAll('button[data-story]')) {
    const current = button.dataset.story === selection?.id;
    button.classList.toggle('selected', current);
    if (current) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

function storyButton(story) {
  const button = el('button', { type: 'button', textContent: story.name, title: `${story.id} — ${story.file}`, onclick: () => select(story.id) });
  button.dataset.story = story.id;
  return button;
}

/** One group per title, in the order the server sent them. */
function showStories() {
  const groups = new Map();
  for (const story of stories) {
    if (!groups.has(story.title)) groups.set(story.title, []);
    groups.get(story.title).push(story);
  }
  list.replaceChildren(...[...groups].map(([title, members]) => el('section', { className: 'stories-group' },
    el('h3', { textContent: title }),
    el('ul', {}, ...members.map((story) => el('li', {}, storyButton(story)))))));
  problemList.replaceChildren(...problems.map((p) => el('li', { textContent: p.message })));
  problemList.hidden = problems.length === 0;
  if (stories.length === 0) list.append(el('p', { className: 'stories-empty', textContent: 'No stories found.' }));
  showSelection();
}

themeSelect.addEventListener('change', () => selection && select(selection.id, { theme: themeSelect.value }));
sizeSelect.addEventListener('change', () => selection && select(selection.id, { size: sizeSelect.value }));
localeInput.addEventListener('change', () => selection && select(selection.id, { locale: localeInput.value.trim() }));

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}${preview.withToken('/stories')}`);
  socket.onopen = () => {
    retryMs = 250;
  };
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'stories') {
      ({ stories, problems, selection } = message);
      showStories();
    } else if (message.type === 'selection') {
      selection = message.selection;
      showSelection();
    } else if (message.type === 'error') {
      preview.notice(`stories: ${message.message}`, 'error');
    }
  };
  socket.onclose = () => {
    socket = null;
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 4000);
  };
}

connect();
