/**
 * Video formats beside the RGB ones: which a frame has, and which a plane scans out. The plane
 * rules and the backends read these, so they live with the contract, not in the compositor.
 */
import type { FrameFormat, PlaneInfo, VideoFormat } from './contract.js';

/** Whether a frame's format is a video (YUV) one, which only planes listing it scan out. */
export function isVideoFormat(format: FrameFormat): format is VideoFormat {
  return format === 'YUYV' || format === 'NV12';
}

/** Whether a plane scans out buffers of this format. */
export function planeTakes(plane: PlaneInfo, format: FrameFormat): boolean {
  return isVideoFormat(format) ? !!plane.videoFormats?.includes(format) : plane.formats.includes(format);
}

/**
 * How a video frame's YCbCr maps to RGB when it does not say (`DmaBufFrame.colorEncoding`), as
 * V4L2 and DRM default it: BT.601 for standard definition (up to 576 lines), BT.709 above.
 */
export function defaultColorEncoding(height: number): 'bt601' | 'bt709' {
  return height <= 576 ? 'bt601' : 'bt709';
}
