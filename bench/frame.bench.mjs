/**
 * What a user waits for, per frame, on the demo dashboard (headless, frozen model):
 *
 *   frame.label.<size>   the clock's minute changes: from the signal write to the moment the
 *                        commit has been handed to the display — signal propagation, layout
 *                        (the clock's paragraph is rebuilt and shaped there), paint, copy and
 *                        the commit call. Waiting for the display's next frame slot is not
 *                        work and is not counted (the testing clock renders at once).
 *   frame.label.layout|paint|copy.<size>   the parts, as the frame's stats report them.
 *   frame.full.<size>    every pixel repainted (the whole output damaged, nothing re-laid out),
 *                        from the request to the commit handed over; parts as above.
 *   raw.full.<size>      the same scene drawn by hand with CanvasKit and no toolkit, plus the
 *                        copy out of the wasm heap (the floor, see raw-scene.mjs);
 *   ratio.full.<size>    frame.full / raw.full.
 *   raw.diff.<size>      pixels where the raw frame and the demo's differ (pixelmatch, default
 *                        threshold). The bench fails at 2 % of the output or more: the floor
 *                        must draw the same scene. Both frames and the difference are written
 *                        to bench/out/ as PNGs for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { Dashboard, createHomeModel, FROZEN_TIME } from '@planar/demo';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { directSurface, fontProvider, loadCanvasKit, prepareScene } from './raw-scene.mjs';

export const name = 'frame';
const SIZES = [[800, 480], [1024, 600], [1920, 1080]];
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const MAX_DIFF = 0.02;
const PARTS = ['layout', 'paint', 'copy'];

/**
 * Medians of `runs` timed frames: `change()` starts a frame; the time runs to the moment the
 * display's commit() call has returned. Fails when the change rendered no frame, or (for
 * `full`) repainted less than the whole output.
 */
async function frames(screen, change, { runs, full, median }) {
  const { width, height } = screen.display.info;
  const display = screen.display;
  const commit = display.commit;
  let handedAt = NaN;
  display.commit = function (state) {
    const presented = commit.call(this, state);
    handedAt = performance.now();
    return presented;
  };
  const samples = { total: [], layout: [], paint: [], copy: [] };
  try {
    const one = async () => {
      const before = screen.stats.frame;
      handedAt = NaN;
      const t = performance.now();
      await change();
      const s = screen.stats;
      if (s.frame === before || Number.isNaN(handedAt)) throw new Error(`bench: the change rendered no frame at ${width}x${height}`);
      if (full && s.damagedPx !== width * height) throw new Error(`bench: a full repaint damaged ${s.damagedPx} px, not ${width * height}`);
      samples.total.push(handedAt - t);
      samples.layout.push(s.layoutMs);
      samples.paint.push(s.paintMs);
      samples.copy.push(s.copyMs);
      return handedAt - t;
    };
    await median(one, { runs, warmup: 3 });
  } finally {
    display.commit = commit;
  }
  const mid = (values) => {
    const v = values.slice(-runs).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)];
  };
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, mid(v)]));
}

/** Writes RGBA bytes as a PNG in bench/out/. */
function writePng(file, width, height, pixels) {
  const png = new PNG({ width, height });
  png.data = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  writeFileSync(OUT + file, PNG.sync.write(png));
}

/**
 * The demo's frame.full and frame.label at w×h, each with its parts (`{ total, layout, paint,
 * copy }`, ms), and its first frame's pixels. The profile bench runs it in each profile.
 */
export async function demoFrames(w, h, { median }) {
  const model = createHomeModel({ frozen: true });
  const screen = await render(() => jsx(Dashboard, { model, width: w, height: h }), { width: w, height: h, checkDamage: false });
  const pixels = screen.pixels().pixels;

  const full = await frames(screen, () => screen.invalidate(), { runs: 21, full: true, median });
  let minute = 0;
  const label = await frames(screen, async () => {
    model.now.value = new Date(FROZEN_TIME.getTime() + (++minute % 50) * 60_000);
    await screen.flush();
  }, { runs: 31, full: false, median });
  await screen.dispose();
  return { full, label, pixels };
}

export async function run({ median }) {
  const figures = {};
  const ck = await loadCanvasKit();
  const provider = fontProvider(ck);
  mkdirSync(OUT, { recursive: true });
  for (const [w, h] of SIZES) {
    const size = `${w}x${h}`;
    const { full, label, pixels: demoPixels } = await demoFrames(w, h, { median });
    for (const [kind, m] of [['full', full], ['label', label]]) {
      figures[`frame.${kind}.${size}`] = { unit: 'ms', value: m.total };
      for (const part of PARTS) figures[`frame.${kind}.${part}.${size}`] = { unit: 'ms', value: m[part] };
    }

    const target = directSurface(ck, w, h);
    const scene = prepareScene(ck, provider, w, h);
    const out = new Uint8Array(w * h * 4);
    const canvas = target.surface.getCanvas();
    figures[`raw.full.${size}`] = {
      unit: 'ms',
      value: await median(() => {
        // No clear: the scene's background is opaque and covers every pixel.
        const t = performance.now();
        scene.draw(canvas);
        target.surface.flush();
        out.set(target.memory.toTypedArray());
        return performance.now() - t;
      }, { runs: 21 }),
    };
    scene.dispose();
    target.dispose();
    figures[`ratio.full.${size}`] = { unit: 'ratio', value: figures[`frame.full.${size}`].value / figures[`raw.full.${size}`].value };

    const diff = new Uint8Array(w * h * 4);
    const differing = pixelmatch(demoPixels, out, diff, w, h);
    writePng(`demo-${size}.png`, w, h, demoPixels);
    writePng(`raw-${size}.png`, w, h, out);
    writePng(`diff-${size}.png`, w, h, diff);
    figures[`raw.diff.${size}`] = { unit: 'px', value: differing };
    if (differing >= MAX_DIFF * w * h) {
      throw new Error(`bench: at ${size} the raw floor differs from the demo in ${differing} px (${((100 * differing) / (w * h)).toFixed(1)} %, limit ${MAX_DIFF * 100} %): `
        + `it no longer draws the same scene. Look at ${OUT}demo-${size}.png, raw-${size}.png and diff-${size}.png, then bring bench/raw-scene.mjs (or raw-layout.mjs, raw-icons.mjs) in step with apps/demo/src`);
    }
  }
  return figures;
}
