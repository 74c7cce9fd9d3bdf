/**
 * The keyboard's own glyphs, on the icon set's 24 × 24 grid (2-unit strokes, 2-unit margin):
 * Shift (outlined off, filled once, filled with a bar when locked), Backspace, the return
 * arrow of Enter, and the globe of the language key.
 */
import type { IconGlyph } from '../icons.js';

const ARROW = 'M12 3.5L4 11.5h4.5V17h7v-5.5H20z';

export const KEY_GLYPHS = {
  shift: { stroke: ARROW },
  shiftOnce: { stroke: ARROW, fill: ARROW },
  capsLock: { stroke: `${ARROW}M8.5 20.5h7`, fill: ARROW },
  backspace: { stroke: 'M9 5h10.5a1.5 1.5 0 0 1 1.5 1.5v11a1.5 1.5 0 0 1-1.5 1.5H9l-6-7zM11.5 9l6 6M17.5 9l-6 6' },
  enter: { stroke: 'M19.5 5v7.5a2 2 0 0 1-2 2H5M9 10.5l-4 4 4 4' },
  language: { stroke: 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0M3 12h18M12 3c-3.5 4.8-3.5 13.2 0 18M12 3c3.5 4.8 3.5 13.2 0 18' },
} satisfies Record<string, IconGlyph>;
