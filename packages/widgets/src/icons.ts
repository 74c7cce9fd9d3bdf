/**
 * Planar's icon set: the glyphs a control panel needs, drawn on a 24 × 24 grid as SVG path
 * data. Most glyphs are outlines (`stroke`, drawn 2 units wide with round caps and joins, so
 * they read at 16 px and stay crisp at 96 px); solid parts such as dots and play/pause bars
 * are `fill`. Keep new glyphs to the same grid: a 2-unit margin, 2-unit strokes, circles of
 * radius 9 for "in a circle" glyphs. Glyphs that point along the line (back, forward and the
 * side chevrons) are marked `mirrorInRtl`, as Material's and Flutter's are; media controls
 * (play) and glyphs of things (a speaker, a clock) keep their drawing.
 */

/** One glyph: path data on a 24 × 24 grid, outlined (`stroke`), filled (`fill`), or both. */
export interface IconGlyph {
  /** Drawn as lines 2 units wide with round caps and joins. */
  stroke?: string;
  /** Filled (non-zero winding). */
  fill?: string;
  /**
   * The glyph points along the line (back, forward, a chevron to the next screen): it is drawn
   * mirrored in a right-to-left layout, where "back" is to the right.
   */
  mirrorInRtl?: boolean;
}

/** A circle as path data (two half arcs), for the glyphs built from circles. */
function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
}

const RING = circle(12, 12, 9);
const WIFI_ARCS = 'M2.1 10.1a14 14 0 0 1 19.8 0M5.28 13.28a9.5 9.5 0 0 1 13.44 0M8.46 16.46a5 5 0 0 1 7.08 0';
const SPEAKER = 'M3.5 9.5h3.5l4.5-4v13l-4.5-4H3.5z';
const SUN_RAYS = 'M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4';
const LOCK_BODY = 'M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1zM12 15v2';

/** The icon set, by name. */
export const icons = {
  check: { stroke: 'M4.5 12.5l5 5L19.5 7' },
  close: { stroke: 'M6 6l12 12M18 6L6 18' },
  'chevron-left': { stroke: 'M15 5l-7 7 7 7', mirrorInRtl: true },
  'chevron-right': { stroke: 'M9 5l7 7-7 7', mirrorInRtl: true },
  'chevron-up': { stroke: 'M5 15l7-7 7 7' },
  'chevron-down': { stroke: 'M5 9l7 7 7-7' },
  plus: { stroke: 'M12 5v14M5 12h14' },
  minus: { stroke: 'M5 12h14' },
  menu: { stroke: 'M4 6.5h16M4 12h16M4 17.5h16' },
  settings: {
    stroke: 'M10.03 4.66L10.35 2.14H13.65L13.97 4.66A7.6 7.6 0 0 1 15.8 5.42L17.81 3.86L20.14 6.19L18.58 8.2' +
      'A7.6 7.6 0 0 1 19.34 10.03L21.86 10.35V13.65L19.34 13.97A7.6 7.6 0 0 1 18.58 15.8L20.14 17.81L17.81 20.14' +
      'L15.8 18.58A7.6 7.6 0 0 1 13.97 19.34L13.65 21.86H10.35L10.03 19.34A7.6 7.6 0 0 1 8.2 18.58L6.19 20.14' +
      'L3.86 17.81L5.42 15.8A7.6 7.6 0 0 1 4.66 13.97L2.14 13.65V10.35L4.66 10.03A7.6 7.6 0 0 1 5.42 8.2L3.86 6.19' +
      'L6.19 3.86L8.2 5.42A7.6 7.6 0 0 1 10.03 4.66z' + circle(12, 12, 3),
  },
  home: { stroke: 'M3.5 11.5L12 4l8.5 7.5M6 9.5V20h4.5v-5.5h3V20H18V9.5' },
  wifi: { stroke: WIFI_ARCS, fill: circle(12, 19.6, 1.6) },
  'wifi-off': { stroke: `${WIFI_ARCS}M3.5 3.5l17 17`, fill: circle(12, 19.6, 1.6) },
  bluetooth: { stroke: 'M6.5 7.5l11 9L12 21.5v-19l5.5 5-11 9' },
  battery: { stroke: 'M4 7h13a1.5 1.5 0 0 1 1.5 1.5v7A1.5 1.5 0 0 1 17 17H4a1.5 1.5 0 0 1-1.5-1.5v-7A1.5 1.5 0 0 1 4 7zM21.5 10.5v3', fill: 'M5 9.5h7.5v5H5z' },
  brightness: { stroke: `${circle(12, 12, 4.5)}${SUN_RAYS}`, fill: 'M12 7.5a4.5 4.5 0 0 1 0 9z' },
  sun: { stroke: `${circle(12, 12, 4)}${SUN_RAYS}` },
  moon: { stroke: 'M20 14.5A8.5 8.5 0 1 1 9.5 4a7 7 0 0 0 10.5 10.5z' },
  thermometer: { stroke: 'M10 14.2V5a2 2 0 0 1 4 0v9.2a4 4 0 1 1-4 0zM12 17V9.5', fill: circle(12, 17.2, 1.8) },
  power: { stroke: 'M12 3v8.5M7.1 6.3A8 8 0 1 0 16.9 6.3' },
  lock: { stroke: `${LOCK_BODY}M8 11V7.5a4 4 0 0 1 8 0V11` },
  unlock: { stroke: `${LOCK_BODY}M8 11V7.5a4 4 0 0 1 7.7-1.5` },
  bell: { stroke: 'M4.5 17.5h15l-1.5-2.2V11a6 6 0 0 0-12 0v4.3zM10 20.5a2 2 0 0 0 4 0' },
  volume: { stroke: `${SPEAKER}M15 9a4 4 0 0 1 0 6M17.8 6.3a8 8 0 0 1 0 11.4` },
  mute: { stroke: `${SPEAKER}M15.5 9.5l5 5M20.5 9.5l-5 5` },
  search: { stroke: `${circle(10.5, 10.5, 6.5)}M15.3 15.3L20.5 20.5` },
  edit: { stroke: 'M4.5 19.5l1-4.2L15.8 5a1.8 1.8 0 0 1 2.5 0l.7.7a1.8 1.8 0 0 1 0 2.5L8.7 18.5zM14 6.8l3.2 3.2' },
  delete: { stroke: 'M4 7h16M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13M10 11v5.5M14 11v5.5' },
  info: { stroke: `${RING}M12 11v5.5`, fill: circle(12, 7.8, 1.3) },
  warning: { stroke: 'M12 3.5l9.5 16.5h-19zM12 10v4.5', fill: circle(12, 17.3, 1.2) },
  error: { stroke: 'M8.1 2.6h7.8l5.5 5.5v7.8l-5.5 5.5H8.1l-5.5-5.5V8.1zM12 7.5v5.5', fill: circle(12, 16.3, 1.3) },
  refresh: { stroke: 'M19.5 12a7.5 7.5 0 1 1-2.2-5.3M18.8 3.2v4h-4' },
  clock: { stroke: `${RING}M12 7v5l3.5 2.2` },
  calendar: { stroke: 'M5 5.5h14a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6.5a1 1 0 0 1 1-1zM4 10h16M8 3v4.5M16 3v4.5', fill: 'M7 13h3v3H7z' },
  user: { stroke: `${circle(12, 8, 4)}M4.5 20.5a7.5 7.5 0 0 1 15 0` },
  back: { stroke: 'M20 12H4.5M10.5 6l-6 6 6 6', mirrorInRtl: true },
  forward: { stroke: 'M4 12h15.5M13.5 6l6 6-6 6', mirrorInRtl: true },
  more: { fill: `${circle(5.5, 12, 1.8)}${circle(12, 12, 1.8)}${circle(18.5, 12, 1.8)}` },
  'more-vertical': { fill: `${circle(12, 5.5, 1.8)}${circle(12, 12, 1.8)}${circle(12, 18.5, 1.8)}` },
  play: { stroke: 'M8 5.5v13l10-6.5z', fill: 'M8 5.5v13l10-6.5z' },
  pause: { fill: 'M6.5 5h4v14h-4zM13.5 5h4v14h-4z' },
  stop: { fill: 'M6 6h12v12H6z' },
  light: { stroke: 'M9 18h6M10 21h4M8.7 15a6 6 0 1 1 6.6 0c-.5.4-.8 1-.8 1.6V18h-5v-1.4c0-.6-.3-1.2-.8-1.6z' },
  fan: {
    stroke: 'M10.6 10.2C8.2 7.5 8.6 3 12.2 3C15.6 3 16 6.6 13.6 10.2zM14.26 11.69C17.8 10.96 21.49 13.56 19.69 16.67' +
      'C17.99 19.62 14.68 18.16 12.76 14.29zM11.14 14.11C10 17.54 5.91 19.44 4.11 16.33C2.41 13.38 5.32 11.24 9.64 11.51z',
    fill: circle(12, 12, 1.6),
  },
  door: { stroke: 'M6 21V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v17M3.5 21h17', fill: circle(14.8, 12.5, 1.2) },
  humidity: { stroke: 'M12 3.5c3 4 6 7.2 6 10.5a6 6 0 0 1-12 0c0-3.3 3-6.5 6-10.5z' },
} as const satisfies Record<string, IconGlyph>;

/** The name of a glyph in the icon set. */
export type IconName = keyof typeof icons;

/** Every glyph name, in the set's order. */
export const ICON_NAMES = Object.keys(icons) as IconName[];
