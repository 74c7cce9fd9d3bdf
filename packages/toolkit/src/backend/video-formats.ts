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
