/**
 * What a V4L2 source costs the app's thread per frame, with the device's side taken away: an
 * in-memory device that fills a buffer instantly, the source taking it (dequeue, push into the
 * ExternalSource, the display's release, queue back), at 640x480 and 1920x1080:
 *
 *   video.source_cpu_ms.dmabuf.<size>   RGB frames handed on as DMA-BUFs (what a plane shows)
 *   video.source_cpu_ms.yuyv.<size>     YUYV frames converted to XRGB8888 (the composited path)
 *   video.source_cpu_ms.nv12.<size>     NV12 frames, the same
 *
 * CPU time (user + system) per frame, median of runs of 60 frames. The display's own work (a
 * plane commit, or blending a composited frame) is not in these: the frame benches have it.
 */
import { createV4l2Source, loadAddon } from '@planar/v4l2';

export const name = 'video';

const SIZES = [[640, 480], [1920, 1080]];

/** An instant device: `frame()` fills the oldest queued buffer and wakes the source. */
function instantDevice(fourcc, width, height) {
  const stride = fourcc === 'YUYV' ? width * 2 : fourcc === 'NV12' ? width : width * 4;
  const size = fourcc === 'NV12' ? width * height * 3 / 2 : stride * height;
  const buffers = [];
  const queued = [];
  const done = [];
  let sequence = 0;
  let watcher = null;
  return {
    path: '/dev/bench',
    capability: () => ({ driver: 'bench', card: 'bench', busInfo: '', deviceCaps: 0, capture: true, streaming: true }),
    formats: () => [{ fourcc, description: fourcc, compressed: false, emulated: false }],
    frameSizes: () => [{ kind: 'discrete', width, height }],
    getFormat: () => ({ width, height, fourcc, bytesPerLine: stride, sizeImage: size }),
    setFormat: () => ({ width, height, fourcc, bytesPerLine: stride, sizeImage: size }),
    setFrameRate: (fps) => fps,
    requestBuffers(count) {
      buffers.length = 0;
      for (let i = 0; i < count; i++) buffers.push(new Uint8Array(size).fill(100 + i));
      return count;
    },
    exportBuffer: (index) => 1000 + index,
    readBuffer: (index, target) => target.set(buffers[index].subarray(0, target.length)),
    // The addon's conversion, as a device's convertBuffer runs it on the buffer's mapping.
    convertBuffer: (index, target, layout) => loadAddon().convertYuv(buffers[index], target, layout),
    queue: (index) => queued.push(index),
    dequeue: () => (done.length ? { index: done.shift(), bytesUsed: size, dataOffset: 0, sequence: sequence++, timestampUs: 0, monotonic: false, error: false } : null),
    streamOn() {},
    streamOff() {},
    watch(cb) { watcher = cb; },
    unwatch() { watcher = null; },
    close() { watcher = null; },
    /** One frame: the device wakes the source, the display takes the frame and lets the previous one go. */
    frame() {
      if (queued.length) done.push(queued.shift());
      watcher?.('readable');
    },
  };
}

function cpuPerFrame(fourcc, width, height, frames = 60) {
  let device;
  const video = createV4l2Source({ device: '/dev/bench', width, height, format: fourcc, open: () => (device = instantDevice(fourcc, width, height)) });
  if (video.status.peek().state !== 'streaming') throw new Error(video.status.peek().message);
  // The display holds the current frame and lets it go when the next one comes.
  let held = null;
  const source = video.source;
  const stop = source.watch(() => {
    const now = source.current;
    if (now) source.hold(now);
    if (held) source.released(held);
    held = now;
  });
  const t = process.cpuUsage();
  for (let i = 0; i < frames; i++) device.frame();
  const used = process.cpuUsage(t);
  stop();
  video.close();
  if (video.stats().frames !== frames) throw new Error(`video bench: ${video.stats().frames} of ${frames} frames shown`);
  return (used.user + used.system) / 1000 / frames;
}

export async function run({ median }) {
  const figures = {};
  for (const [w, h] of SIZES) {
    for (const [path, fourcc] of [['dmabuf', 'XR24'], ['yuyv', 'YUYV'], ['nv12', 'NV12']]) {
      figures[`video.source_cpu_ms.${path}.${w}x${h}`] = { value: await median(() => cpuPerFrame(fourcc, w, h), { runs: 7, warmup: 2 }), unit: 'ms' };
    }
  }
  return figures;
}
