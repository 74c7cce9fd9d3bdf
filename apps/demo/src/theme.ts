/**
 * Colours and the size-dependent layout of the panel. Every length the components use comes
 * from `layoutFor(width, height)`, so the same tree works from 480x272 to 1920x1080 and in
 * portrait: spacing and type scale with the screen, and the grid picks its column count
 * from the room it gets.
 */
import { createContext } from '@planar/toolkit';

export const colors = {
  background: '#0f1218',
  backgroundTop: '#161b24',
  card: '#1a1f29',
  cardBorder: '#262d3a',
  tileOff: '#222834',
  tileOffBorder: '#2c3442',
  iconOff: '#2e3645',
  text: '#eef1f6',
  textDim: '#8b95a7',
  textFaint: '#5d6778',
  track: '#2a313e',
  heat: '#ff8a3d',
  cool: '#4cb1ff',
  ok: '#4cd68a',
  warn: '#ffb020',
  danger: '#ff5d5d',
  chip: '#232a36',
  button: '#262e3b',
  buttonBorder: '#343d4d',
} as const;

/** What each kind of device looks like when it is on. */
export const kindColors = {
  light: { on: '#f5a623', onEnd: '#ffcf5c', text: '#1f1604' },
  plug: { on: '#2fc48d', onEnd: '#66e0ae', text: '#05201a' },
  fan: { on: '#38b6f0', onEnd: '#7dd3fa', text: '#031a26' },
  blinds: { on: '#a78bfa', onEnd: '#c7b6ff', text: '#160d30' },
} as const;

/** The bundled family: renders are the same on every machine. */
export const FONT = 'DejaVu Sans';

export interface Layout {
  width: number;
  height: number;
  /** Lengths scale (1 at 800x480, or 480x800 in portrait). */
  scale: number;
  portrait: boolean;
  pad: number;
  gap: number;
  /** Padding inside cards. */
  cardPad: number;
  radius: number;
  font: { small: number; body: number; title: number; clock: number };
  header: { height: number };
  /** The box the device grid gets and how it is split. */
  grid: { width: number; height: number; columns: number; rows: number; tileWidth: number; tileHeight: number };
  thermostat: { width: number; height: number; gauge: number; button: number };
  /** Rows of the status card: recent events, then the lowest batteries below a divider. */
  status: { width: number; height: number; rowHeight: number; eventRows: number; batteryRows: number };
  icon: number;
  doorbell: DoorbellLayout;
}

/**
 * The doorbell popup: a card about 300x200 at 800x480. `x` and `y` place it when it is open,
 * level with the content below the header and `pad` from the right edge; `preview` is the
 * camera's box in the card.
 */
export interface DoorbellLayout {
  x: number;
  y: number;
  width: number;
  height: number;
  titleRow: number;
  line: number;
  gap: number;
  button: number;
  preview: { x: number; y: number; width: number; height: number };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Column count for `count` tiles in a box: tiles close to 5:4, few empty cells, not too narrow. */
export function chooseColumns(count: number, width: number, height: number, gap: number, minTileWidth: number): number {
  let best = 1, bestScore = Infinity;
  for (let columns = 1; columns <= Math.min(count, 6); columns++) {
    const rows = Math.ceil(count / columns);
    const tw = (width - gap * (columns - 1)) / columns;
    const th = (height - gap * (rows - 1)) / rows;
    if (tw <= 0 || th <= 0) continue;
    const empty = rows * columns - count;
    const score = Math.abs(Math.log(tw / th / 1.25)) + empty * 0.35 + (tw < minTileWidth ? 10 : 0);
    if (score < bestScore) {
      best = columns;
      bestScore = score;
    }
  }
  return best;
}

/** The layout for a logical screen size and a number of device tiles. */
export function layoutFor(width: number, height: number, tiles = 9): Layout {
  const portrait = height > width * 1.1;
  // 1 at 800x480 (or 480x800 in portrait).
  const scale = clamp(portrait ? Math.min(width / 480, height / 800) : Math.min(width / 800, height / 480), 0.5, 3);
  const px = (n: number, min = 1) => Math.max(min, Math.round(n * scale));
  // Type shrinks less than lengths, to stay legible on 4-inch panels.
  const typeScale = Math.max(scale, 0.8);
  const type = (n: number) => Math.round(n * typeScale);

  const pad = px(14, 6);
  const gap = px(10, 5);
  const headerHeight = px(46, 28);
  const mainHeight = height - pad * 2 - headerHeight - gap;
  const mainWidth = width - pad * 2;

  const font = { small: type(11), body: type(13), title: type(18), clock: type(26) };
  const cardPad = Math.max(6, Math.round(pad * 0.85));
  const button = px(34, 24);
  const titleLine = Math.ceil(font.small * 1.4);
  /** The thermostat card's height around a dial of `gauge` px. */
  const thermostatFor = (gauge: number) => Math.ceil(gauge + cardPad * 2 + titleLine + gap / 2);

  let grid: { width: number; height: number };
  let thermostat: { width: number; height: number };
  let status: { width: number; height: number };
  if (portrait) {
    // Stacked: thermostat, grid, status.
    const thermostatHeight = Math.round(mainHeight * 0.3);
    const statusHeight = Math.round(mainHeight * 0.22);
    thermostat = { width: mainWidth, height: thermostatHeight };
    status = { width: mainWidth, height: statusHeight };
    grid = { width: mainWidth, height: mainHeight - thermostatHeight - statusHeight - gap * 2 };
  } else {
    const side = Math.round(width * 0.34);
    // The dial is as wide as the card allows, and the card no taller than the dial needs:
    // what is left goes to the status card.
    const widest = side - cardPad * 2 - (button + gap) * 2;
    const thermostatHeight = Math.min(Math.round(mainHeight * 0.55), thermostatFor(widest) + gap);
    thermostat = { width: side, height: thermostatHeight };
    status = { width: side, height: mainHeight - thermostatHeight - gap };
    grid = { width: mainWidth - gap - side, height: mainHeight };
  }

  const columns = chooseColumns(tiles, grid.width, grid.height, gap, px(84, 72));
  const rows = Math.ceil(tiles / columns);
  const tileWidth = Math.floor((grid.width - gap * (columns - 1)) / columns);
  const tileHeight = Math.floor((grid.height - gap * (rows - 1)) / rows);

  const gauge = Math.max(60, Math.floor(Math.min(
    thermostat.height - (thermostatFor(0)),
    thermostat.width - cardPad * 2 - (button + gap) * 2,
  )));
  const rowHeight = Math.ceil(font.small * 1.8);
  // The status card stacks title, events, a 1px divider and batteries, half a gap apart.
  const statusRows = Math.max(2, Math.floor((status.height - cardPad * 2 - titleLine - Math.round(gap / 2) * 3 - 1) / rowHeight));
  const batteryRows = Math.min(3, Math.max(1, Math.floor(statusRows / 3)));

  // The doorbell card: the width it would have at 800x480, scaled, and never narrower than its
  // text needs; the camera preview takes the room below the title and the message, at about 9:4.
  const cardWidth = Math.min(width - pad * 2, Math.max(px(300), 220));
  const titleRow = Math.max(px(28, 22), Math.ceil(font.title * 1.3));
  const messageLine = Math.ceil(font.small * 1.4);
  const doorGap = Math.max(3, Math.round(gap * 0.6));
  // Inside the padding and the 1px border.
  const inset = cardPad + 1;
  const above = inset + titleRow + doorGap + messageLine + doorGap;
  // The card's top is level with the content below the header: pad + header + gap.
  const cardTop = pad + headerHeight + gap;
  const previewWidth = cardWidth - inset * 2;
  const previewHeight = Math.max(20, Math.min(Math.round(previewWidth * 0.44), height - pad - cardTop - above - inset));
  const doorbell: DoorbellLayout = {
    x: width - pad - cardWidth,
    y: cardTop,
    width: cardWidth,
    height: above + previewHeight + inset,
    titleRow,
    line: messageLine,
    gap: doorGap,
    button: px(28, 22),
    preview: { x: inset, y: above, width: previewWidth, height: previewHeight },
  };

  return {
    width, height, scale, portrait, pad, gap, cardPad,
    radius: px(14, 8),
    font,
    header: { height: headerHeight },
    grid: { ...grid, columns, rows, tileWidth, tileHeight },
    thermostat: { ...thermostat, gauge, button },
    status: { ...status, rowHeight, eventRows: statusRows - batteryRows, batteryRows },
    icon: Math.max(16, Math.min(px(30), Math.round(tileHeight * 0.34))),
    doorbell,
  };
}

/** The current layout, provided by the dashboard. */
export const LayoutContext = createContext<Layout>(layoutFor(800, 480), 'Layout');
