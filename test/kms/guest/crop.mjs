/**
 * Plane cropping (KMS SRC_*) at the level of the backend contract, shared by the VM and the
 * host: one tall buffer, drawn once, on an overlay plane, shown through windows of it (the
 * layer's `source`) at different SRC_Y, as a scrolled list is, then as a layer partly off the
 * output is: from 90 px into the buffer at the left edge, and its top 168 rows at the bottom
 * edge.
 *
 * `showCropSteps(display, shot)` commits the steps one by one on any Display and hands each
 * capture to `shot`: in the VM the kms backend on vkms, read back through the writeback
 * connector (scenario.mjs); under weston and sway the wayland backend, a subsurface with a
 * viewport source (test/wayland/crop.test.ts); on the host the headless display, which composes
 * the same states in software. The tests compare them pixel for pixel.
 *
 * The buffer's rows all differ (red and green count the row, blue the column band), so a
 * source off by one row or column shows as a difference along the whole window.
 */

export const CROP_OUTPUT = { width: 1024, height: 768 };
export const CROP_BUFFER = { width: 320, height: 1200 };

/** Each step: the part of the tall buffer shown, and where on the output (unscaled). */
export const CROP_STEPS = [
  { name: 'top', source: { x: 0, y: 0, width: 320, height: 240 }, x: 200, y: 120 },
  { name: 'scrolled', source: { x: 0, y: 517, width: 320, height: 240 }, x: 200, y: 120 },
  { name: 'bottom', source: { x: 0, y: 960, width: 320, height: 240 }, x: 200, y: 120 },
  { name: 'left-edge', source: { x: 90, y: 301, width: 230, height: 240 }, x: 0, y: 400 },
  { name: 'bottom-edge', source: { x: 0, y: 0, width: 320, height: 168 }, x: 600, y: 600 },
];

/** The tall buffer's pixels, RGBA: every row its own red/green pair, the blue a band per 40 columns. */
export function tallPixels(width, height) {
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set([(y * 7) & 0xff, ((y >> 5) * 37) & 0xff, 60 + Math.floor(x / 40) * 24, 255], (y * width + x) * 4);
  }
  return pixels;
}

/** The primary plane's backdrop, RGBA: a 16 px checkerboard, so the overlay's edges show exactly. */
export function backdropPixels(width, height) {
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dark = ((x >> 4) ^ (y >> 4)) & 1;
      pixels.set(dark ? [30, 40, 50, 255] : [200, 190, 170, 255], (y * width + x) * 4);
    }
  }
  return pixels;
}

const whole = (b) => ({ x: 0, y: 0, width: b.width, height: b.height });

/**
 * Allocates the backdrop and the tall buffer on `display`, writes them once, then for each of
 * CROP_STEPS tests and commits a state with the tall buffer's window on an overlay plane and
 * awaits `shot(step, capture)`. Throws when the display refuses a step. Returns the buffers,
 * to destroy after the display is closed.
 */
export async function showCropSteps(display, shot) {
  const { width, height } = display.info;
  if (width !== CROP_OUTPUT.width || height !== CROP_OUTPUT.height) throw new Error(`the crop steps need a ${CROP_OUTPUT.width}x${CROP_OUTPUT.height} output, not ${width}x${height}`);
  const primary = display.planes.find((p) => p.type === 'primary' && p.formats.includes('XRGB8888'));
  const overlay = display.planes.find((p) => p.type === 'overlay' && p.formats.includes('XRGB8888'));
  if (!primary || !overlay) throw new Error(`the display has no XRGB8888 primary and overlay planes: ${JSON.stringify(display.planes)}`);
  const root = display.allocate(CROP_OUTPUT.width, CROP_OUTPUT.height, 'XRGB8888');
  const tall = display.allocate(CROP_BUFFER.width, CROP_BUFFER.height, 'XRGB8888');
  root.write(backdropPixels(root.width, root.height), root.width * 4, [whole(root)]);
  tall.write(tallPixels(tall.width, tall.height), tall.width * 4, [whole(tall)]);
  const layer = (id, plane, zpos, buffer, o) => ({
    id, planeId: plane.id, zpos, buffer, bufferWidth: buffer.width, bufferHeight: buffer.height, format: 'XRGB8888',
    x: 0, y: 0, width: buffer.width, height: buffer.height, opacity: 1, damage: [], ...o,
  });
  for (const step of CROP_STEPS) {
    const { source, x, y } = step;
    const state = { layers: [layer(0, primary, 0, root), layer(1, overlay, 1, tall, { source, x, y, width: source.width, height: source.height })] };
    const verdict = display.test(state);
    if (!verdict.ok) throw new Error(`the display refused the ${step.name} step: ${verdict.reason}`);
    await display.commit(state);
    await shot(step, await display.capture());
  }
  return [root, tall];
}
