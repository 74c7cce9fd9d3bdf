/**
 * @planar/v4l2 — frames from a V4L2 capture device (a camera, a decoder) for `<ExternalLayer>`,
 * handed to the display as DMA-BUFs.
 *
 * @example
 * import { createV4l2Source, scanoutFormats } from '@planar/v4l2';
 * const camera = createV4l2Source({ device: '/dev/video0', width: 640, height: 480, prefer: scanoutFormats(app.display) });
 * <ExternalLayer source={camera.source} plane="prefer" />
 */
import type { FrameFormat, PlaneInfo } from '@planar/toolkit/backend';

export { createV4l2Source, type V4l2Source, type V4l2SourceOptions, type V4l2Status, type V4l2FrameEvent } from './source.js';
export { chooseFormat, chooseSize, rankFormats, type FormatChoice } from './negotiate.js';
export { RGB_FORMATS, YUV_FORMATS, directFormat, displayFormatOf } from './formats.js';
export { loadAddon, type V4l2Kernel, type V4l2Capability, type V4l2FormatDesc, type V4l2FrameSize, type V4l2Format, type V4l2Dequeued } from './native.js';

/**
 * The formats the display's overlay planes scan out, most common first (RGB before video at
 * equal counts): what a video source should prefer, so that its frames go to a plane without a
 * copy.
 * @example createV4l2Source({ device: '/dev/video0', width: 640, height: 480, prefer: scanoutFormats(app.display) })
 */
export function scanoutFormats(display: { planes: readonly PlaneInfo[] }): FrameFormat[] {
  const count = new Map<FrameFormat, number>();
  for (const plane of display.planes) {
    if (plane.type !== 'overlay') continue;
    for (const f of [...plane.formats, ...(plane.videoFormats ?? [])]) count.set(f, (count.get(f) ?? 0) + 1);
  }
  return [...count].sort((a, b) => b[1] - a[1]).map(([f]) => f);
}
