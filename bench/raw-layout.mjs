/**
 * The raw floor's own layout arithmetic: the demo dashboard's lengths for a landscape screen,
 * worked out by hand as a renderer without a layout engine would (the same rules as the
 * demo's `layoutFor` in apps/demo/src/theme.ts, restated here so that the floor loads neither
 * the toolkit nor Yoga). Keep the two in step: the frame bench fails when the raw frame and
 * the demo's differ.
 *
 * `snap` and `snapText` place an unrounded absolute position on the pixel grid the way Yoga
 * does: boxes round half up, text boxes (nodes with a measure function) round down.
 */

export const colors = {
  background: '#0f1218', backgroundTop: '#161b24', card: '#1a1f29', cardBorder: '#262d3a',
  tileOff: '#222834', tileOffBorder: '#2c3442', iconOff: '#2e3645', text: '#eef1f6', textDim: '#8b95a7',
  textFaint: '#5d6778', track: '#2a313e', heat: '#ff8a3d', cool: '#4cb1ff', ok: '#4cd68a', warn: '#ffb020',
  danger: '#ff5d5d', chip: '#232a36', button: '#262e3b', buttonBorder: '#343d4d',
};

export const kindColors = {
  light: { on: '#f5a623', onEnd: '#ffcf5c', text: '#1f1604' },
  plug: { on: '#2fc48d', onEnd: '#66e0ae', text: '#05201a' },
  fan: { on: '#38b6f0', onEnd: '#7dd3fa', text: '#031a26' },
  blinds: { on: '#a78bfa', onEnd: '#c7b6ff', text: '#160d30' },
};

const EPSILON = 1e-4;
export const snap = (v) => Math.floor(v + 0.5 + EPSILON);
export const snapText = (v) => Math.floor(v + EPSILON);

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

function chooseColumns(count, width, height, gap, minTileWidth) {
  let best = 1, bestScore = Infinity;
  for (let columns = 1; columns <= Math.min(count, 6); columns++) {
    const rows = Math.ceil(count / columns);
    const tw = (width - gap * (columns - 1)) / columns, th = (height - gap * (rows - 1)) / rows;
    if (tw <= 0 || th <= 0) continue;
    const score = Math.abs(Math.log(tw / th / 1.25)) + (rows * columns - count) * 0.35 + (tw < minTileWidth ? 10 : 0);
    if (score < bestScore) [best, bestScore] = [columns, score];
  }
  return best;
}

/** The dashboard's lengths at width×height (landscape only) for `tiles` device tiles. */
export function dashboardLayout(width, height, tiles) {
  if (height > width * 1.1) throw new Error(`raw scene: ${width}x${height} is portrait; the raw floor draws landscape layouts only`);
  const scale = clamp(Math.min(width / 800, height / 480), 0.5, 3);
  const px = (n, min = 1) => Math.max(min, Math.round(n * scale));
  const type = (n) => Math.round(n * Math.max(scale, 0.8));
  const pad = px(14, 6), gap = px(10, 5), headerHeight = px(46, 28);
  const mainHeight = height - pad * 2 - headerHeight - gap, mainWidth = width - pad * 2;
  const font = { small: type(11), body: type(13), title: type(18), clock: type(26) };
  const cardPad = Math.max(6, Math.round(pad * 0.85));
  const button = px(34, 24);
  const titleLine = Math.ceil(font.small * 1.4);
  const thermostatFor = (g) => Math.ceil(g + cardPad * 2 + titleLine + gap / 2);
  const side = Math.round(width * 0.34);
  const widest = side - cardPad * 2 - (button + gap) * 2;
  const thermostat = { width: side, height: Math.min(Math.round(mainHeight * 0.55), thermostatFor(widest) + gap) };
  const status = { width: side, height: mainHeight - thermostat.height - gap };
  const grid = { width: mainWidth - gap - side, height: mainHeight };
  const columns = chooseColumns(tiles, grid.width, grid.height, gap, px(84, 72));
  const rows = Math.ceil(tiles / columns);
  const tileWidth = Math.floor((grid.width - gap * (columns - 1)) / columns);
  const tileHeight = Math.floor((grid.height - gap * (rows - 1)) / rows);
  const gauge = Math.max(60, Math.floor(Math.min(thermostat.height - thermostatFor(0), thermostat.width - cardPad * 2 - (button + gap) * 2)));
  const rowHeight = Math.ceil(font.small * 1.8);
  const statusRows = Math.max(2, Math.floor((status.height - cardPad * 2 - titleLine - Math.round(gap / 2) * 3 - 1) / rowHeight));
  const batteryRows = Math.min(3, Math.max(1, Math.floor(statusRows / 3)));
  return {
    width, height, scale, pad, gap, cardPad, font, radius: px(14, 8), headerHeight,
    grid: { ...grid, columns, rows, tileWidth, tileHeight },
    thermostat: { ...thermostat, gauge, button },
    status: { ...status, rowHeight, eventRows: statusRows - batteryRows, batteryRows },
    icon: Math.max(16, Math.min(px(30), Math.round(tileHeight * 0.34))),
  };
}
