/**
 * What a page may send on the stream socket, checked: input in output px with the page's own
 * timestamps (ms, one clock per page, so gesture velocities hold), and the viewer's commands.
 * Anything malformed is dropped with a reason; nothing a page sends can throw in the app.
 *
 *   { type: 'pointer', event: 'down'|'move'|'up'|'cancel', x, y, pointerId, pointerType: 'mouse'|'touch', button?, buttons, timestamp }
 *   { type: 'wheel', x, y, deltaX, deltaY, discreteX, discreteY, timestamp }
 *   { type: 'key', event: 'down'|'up', key, code, shift, ctrl, alt, meta, repeat, timestamp }
 *   { type: 'text', text, timestamp }
 *   { type: 'composition', event: 'start'|'update'|'end', data, timestamp }
 *   { type: 'resize', preset?: 'WxH', width?, height?, scale?, rotation? }
 *   { type: 'planes', preset: 'vkms'|'pi5' }
 *   { type: 'take-control' }
 */
import type { InputEvent } from '@planar/toolkit/backend';

export type Rotation = 0 | 90 | 180 | 270;
export type PlanesPreset = 'vkms' | 'pi5';

/** The size presets the page offers: panels in their unturned orientation, physical px. */
export const SIZE_PRESETS = ['800x480', '1024x600', '1280x800', '1920x1080', '720x1280'] as const;

export type PageCommand =
  | { type: 'input'; event: InputEvent }
  | { type: 'resize'; width: number; height: number; scale: number; rotation: Rotation }
  | { type: 'planes'; preset: PlanesPreset }
  | { type: 'take-control' };

type Fields = Record<string, unknown>;

const num = (v: unknown, min = -1e6, max = 1e6): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : null);
const str = (v: unknown, max = 64): string | null => (typeof v === 'string' && v.length <= max ? v : null);
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | null => (values.includes(v as T) ? (v as T) : null);

/** A page's message as a command, or a string saying what is wrong with it. */
export function parsePageMessage(text: string): PageCommand | string {
  let m: Fields;
  try {
    m = JSON.parse(text) as Fields;
  } catch {
    return 'not JSON';
  }
  if (typeof m !== 'object' || m === null) return 'not an object';
  const timestamp = num(m.timestamp, 0, 1e12) ?? 0;
  switch (m.type) {
    case 'pointer': {
      const type = oneOf(m.event, ['down', 'move', 'up', 'cancel'] as const);
      const pointerType = oneOf(m.pointerType, ['mouse', 'touch'] as const);
      const x = num(m.x), y = num(m.y), pointerId = num(m.pointerId, 0, 1e6), buttons = num(m.buttons, 0, 31);
      if (!type || !pointerType || x === null || y === null || pointerId === null || buttons === null) return 'a pointer message needs event, x, y, pointerId, pointerType and buttons';
      const button = num(m.button, 0, 31);
      return { type: 'input', event: { kind: 'pointer', type, x, y, pointerId, pointerType, buttons, ...(button !== null ? { button } : {}), timestamp } };
    }
    case 'wheel': {
      const [x, y, deltaX, deltaY] = [num(m.x), num(m.y), num(m.deltaX), num(m.deltaY)];
      if (x === null || y === null || deltaX === null || deltaY === null) return 'a wheel message needs x, y, deltaX and deltaY';
      return { type: 'input', event: { kind: 'wheel', x, y, deltaX, deltaY, discreteX: num(m.discreteX, -100, 100) ?? 0, discreteY: num(m.discreteY, -100, 100) ?? 0, timestamp } };
    }
    case 'key': {
      const type = oneOf(m.event, ['down', 'up'] as const);
      const key = str(m.key), code = str(m.code);
      if (!type || !key || code === null) return 'a key message needs event, key and code';
      const flag = (v: unknown) => v === true;
      return { type: 'input', event: { kind: 'key', type, key, code, shift: flag(m.shift), ctrl: flag(m.ctrl), alt: flag(m.alt), meta: flag(m.meta), repeat: flag(m.repeat), timestamp } };
    }
    case 'text': {
      const t = str(m.text, 4096);
      if (!t) return 'a text message needs text';
      return { type: 'input', event: { kind: 'text', text: t, timestamp } };
    }
    case 'composition': {
      const type = oneOf(m.event, ['start', 'update', 'end'] as const);
      const data = str(m.data ?? '', 4096);
      if (!type || data === null) return 'a composition message needs event and data';
      return { type: 'input', event: { kind: 'composition', type, data, timestamp } };
    }
    case 'resize':
      return parseResize(m);
    case 'planes': {
      const preset = oneOf(m.preset, ['vkms', 'pi5'] as const);
      return preset ? { type: 'planes', preset } : 'planes must be "vkms" or "pi5"';
    }
    case 'take-control':
      return { type: 'take-control' };
    default:
      return `unknown message type ${JSON.stringify(m.type)}`;
  }
}

function parseResize(m: Fields): PageCommand | string {
  let width = num(m.width, 64, 8192), height = num(m.height, 64, 8192);
  if (m.preset !== undefined) {
    const match = /^(\d+)x(\d+)$/.exec(str(m.preset) ?? '');
    if (!match || !(SIZE_PRESETS as readonly string[]).includes(m.preset as string)) return `size preset must be one of ${SIZE_PRESETS.join(', ')}`;
    [width, height] = [Number(match[1]), Number(match[2])];
  }
  if (width === null || height === null || !Number.isInteger(width) || !Number.isInteger(height)) return 'resize needs a preset, or whole width and height from 64 to 8192';
  const scale = num(m.scale ?? 1, 0.5, 4);
  const rotation = [0, 90, 180, 270].includes(m.rotation as number) ? (m.rotation as Rotation) : m.rotation === undefined ? 0 : null;
  if (scale === null) return 'scale must be from 0.5 to 4';
  if (rotation === null) return 'rotation must be 0, 90, 180 or 270';
  if (width * scale > 8192 || height * scale > 8192) return `${width}x${height} at scale ${scale} is more than 8192 px a side; choose a smaller size or scale`;
  return { type: 'resize', width, height, scale, rotation };
}
