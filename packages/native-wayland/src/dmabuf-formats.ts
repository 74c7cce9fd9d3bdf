/**
 * Which DMA-BUF format and modifier to allocate for each of the toolkit's pixel formats, from
 * what the compositor says it imports (version 3 `modifier` events, or version 4's format table).
 *
 * The CPU writes these buffers row by row, so only a linear layout will do: the LINEAR modifier
 * where the compositor lists it. Where it lists only the implicit modifier
 * (DRM_FORMAT_MOD_INVALID) for a format — weston 10 on software GL does — LINEAR is still asked
 * first and the implicit modifier is the fallback: every buffer Planar allocates (a dumb buffer, a
 * LINEAR GBM buffer, a udmabuf) is linear, and saying so lets the compositor scan it out
 * (weston 10 puts no implicit-modifier buffer on a plane; the same buffer sent as LINEAR goes
 * straight to the primary plane on vkms). A refused LINEAR is a `failed` event of the probe,
 * after which the implicit modifier is asked. RGBA-ordered formats come first: the renderer's
 * rows go in without a red/blue swap.
 */
import type { PixelFormat } from '@planar/toolkit/backend';

const fourcc = (s: string) => (s.charCodeAt(0) | (s.charCodeAt(1) << 8) | (s.charCodeAt(2) << 16) | (s.charCodeAt(3) << 24)) >>> 0;

/** DRM fourccs of the toolkit's formats. */
export const DRM_FORMATS: Record<PixelFormat, number> = {
  ABGR8888: fourcc('AB24'),
  XBGR8888: fourcc('XB24'),
  ARGB8888: fourcc('AR24'),
  XRGB8888: fourcc('XR24'),
};

export const MOD_LINEAR = 0n;
/** DRM_FORMAT_MOD_INVALID: "the implicit modifier", the layout the driver picks without saying. */
export const MOD_INVALID = 0x00ffffffffffffffn;

/** A format/modifier pair as the compositor lists it. */
export interface FormatModifier {
  format: number;
  modifier: bigint;
}

/** The format and modifier a DMA-BUF of one toolkit format is allocated with. */
export interface DmabufFormat {
  format: PixelFormat;
  fourcc: number;
  modifier: bigint;
}

const ORDER: PixelFormat[] = ['ABGR8888', 'XBGR8888', 'ARGB8888', 'XRGB8888'];

/**
 * The toolkit formats the compositor imports linearly, RGBA-ordered first, as candidates in the
 * order to ask for them: a format may appear twice (LINEAR, then implicit), and the first of its
 * candidates the compositor imports is the one used. `forcedModifier`
 * (PLANAR_WAYLAND_DMABUF_MODIFIER) replaces the modifier sent with every buffer, whatever the
 * compositor listed: a way to have it refuse an import on purpose.
 */
export function chooseDmabufFormats(listed: readonly FormatModifier[], forcedModifier?: bigint): DmabufFormat[] {
  const chosen: DmabufFormat[] = [];
  for (const format of ORDER) {
    const code = DRM_FORMATS[format];
    const modifiers = listed.filter((l) => l.format === code).map((l) => l.modifier);
    const candidates = modifiers.includes(MOD_LINEAR) ? [MOD_LINEAR] : modifiers.includes(MOD_INVALID) ? [MOD_LINEAR, MOD_INVALID] : [];
    if (!candidates.length) continue;
    for (const modifier of forcedModifier === undefined ? candidates : [forcedModifier]) chosen.push({ format, fourcc: code, modifier });
  }
  return chosen;
}

/** "LINEAR", "implicit" or "0x…", for logs and reasons. */
export function modifierName(modifier: bigint): string {
  if (modifier === MOD_LINEAR) return 'LINEAR';
  if (modifier === MOD_INVALID) return 'implicit';
  return `0x${modifier.toString(16)}`;
}

/** A modifier from an environment variable ("0x…", decimal, "linear", "implicit"), or undefined. */
export function parseModifier(text: string | undefined): bigint | undefined {
  if (!text) return undefined;
  const t = text.trim().toLowerCase();
  if (t === 'linear') return MOD_LINEAR;
  if (t === 'implicit' || t === 'invalid') return MOD_INVALID;
  try {
    return BigInt(t);
  } catch {
    throw new Error(`PLANAR_WAYLAND_DMABUF_MODIFIER=${text} is not a modifier: give a number (0x…), 'linear' or 'implicit'`);
  }
}
