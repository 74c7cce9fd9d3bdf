/**
 * What a KMS plane can do, read from its properties into the toolkit's `PlaneInfo`, so the
 * plane allocator plans with the device's real rules:
 *
 *   type     the `type` enum (Primary, Overlay, Cursor)
 *   formats  the plane's formats that Planar draws in and that take the LINEAR modifier (dumb
 *            buffers are linear), from IN_FORMATS where the plane has it
 *   video    the video formats (YUYV, NV12) it scans out from a linear buffer, the same way;
 *            absent when none (external frames from a camera or decoder only)
 *   zpos     absent → null (stack fixed: primary, overlays by id, cursor); immutable → that
 *            position; mutable → its range
 *   alpha    an `alpha` property (plane-wide opacity)
 *   limits   the device's maximum framebuffer size; cursor planes the cursor size cap
 *   crop     every plane: SRC_* is a property of every KMS plane, so each can show part of its
 *            buffer (the atomic core checks the source lies in the framebuffer)
 *
 * Scaling and whether the primary must cover the output are not properties: the display asks
 * the kernel with TEST_ONLY commits once at open and fills them in (display.ts).
 */
import type { FrameFormat, PixelFormat, PlaneInfo, VideoFormat } from '@planar/toolkit/backend';
import { MODIFIER_LINEAR, frameFormatCode, parseInFormats } from './formats.js';
import type { DrmCaps, DrmPlane, DrmProperty, DrmResources } from './native.js';

export function propertyOf(properties: readonly DrmProperty[], name: string): DrmProperty | undefined {
  return properties.find((p) => p.name === name);
}

export function planeType(plane: DrmPlane): PlaneInfo['type'] {
  const type = propertyOf(plane.properties, 'type');
  const name = type?.enums?.find((e) => e.value === type.value)?.name;
  if (name === 'Primary') return 'primary';
  if (name === 'Cursor') return 'cursor';
  return 'overlay';
}

/** Those of `formats` this plane scans out from a linear buffer, in their order. */
function linearFormats<F extends FrameFormat>(plane: DrmPlane, formats: readonly F[]): F[] {
  const listed = new Set(plane.formats);
  const inFormats = propertyOf(plane.properties, 'IN_FORMATS')?.blob;
  const modifiers = inFormats ? parseInFormats(inFormats) : null;
  return formats.filter((f) => {
    const code = frameFormatCode(f);
    if (!listed.has(code)) return false;
    if (!modifiers) return true;
    return modifiers.get(code)?.includes(MODIFIER_LINEAR) ?? false;
  });
}

/** Planar's formats this plane scans out from a linear buffer, best first (no conversion first). */
export function planeFormats(plane: DrmPlane): PixelFormat[] {
  return linearFormats<PixelFormat>(plane, ['ABGR8888', 'XBGR8888', 'ARGB8888', 'XRGB8888']);
}

/** The video formats this plane scans out from a linear buffer (a camera's or decoder's frames). */
export function planeVideoFormats(plane: DrmPlane): VideoFormat[] {
  return linearFormats<VideoFormat>(plane, ['NV12', 'YUYV']);
}

export function planeZpos(plane: DrmPlane): PlaneInfo['zpos'] {
  const zpos = propertyOf(plane.properties, 'zpos');
  if (!zpos) return null;
  if (zpos.immutable) return { min: zpos.value, max: zpos.value, mutable: false };
  return { min: zpos.min ?? zpos.value, max: zpos.max ?? zpos.value, mutable: true };
}

/** The planes that can show on the CRTC with this index, as the allocator sees them. */
export function describePlanes(resources: DrmResources, caps: DrmCaps, crtcIndex: number): PlaneInfo[] {
  const bit = 1 << crtcIndex;
  return resources.planes
    .filter((p) => p.possibleCrtcs & bit)
    .map((plane): PlaneInfo => {
      const type = planeType(plane);
      const cursor = type === 'cursor';
      const videoFormats = planeVideoFormats(plane);
      return {
        id: plane.id,
        type,
        formats: planeFormats(plane),
        ...(videoFormats.length && { videoFormats }),
        zpos: planeZpos(plane),
        alpha: propertyOf(plane.properties, 'alpha') !== undefined,
        scaling: false,
        maxWidth: cursor && caps.cursorWidth ? caps.cursorWidth : resources.maxWidth,
        maxHeight: cursor && caps.cursorHeight ? caps.cursorHeight : resources.maxHeight,
        mustCoverOutput: type === 'primary',
        crop: true,
      };
    })
    .filter((p) => p.formats.length > 0);
}

/** The rotations a plane's `rotation` property offers (rotate-0, rotate-90, reflect-x, ...). */
export function planeRotations(plane: DrmPlane): string[] {
  return propertyOf(plane.properties, 'rotation')?.enums?.map((e) => e.name) ?? [];
}
