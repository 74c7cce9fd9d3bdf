/**
 * frame.full.<size>: a full repaint of the demo dashboard (paint + copy, caches warm);
 * frame.label.<size>: the frame after one label's text changed (the clock: paint + copy);
 * raw.full.<size>: the same scene drawn by hand with CanvasKit and no toolkit, plus the copy
 * (the floor, see raw-scene.mjs); ratio.full.<size> = frame.full / raw.full.
 */
import { Dashboard, createHomeModel, FROZEN_TIME } from '@planar/demo';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { directSurface, fontProvider, loadCanvasKit, prepareScene } from './raw-scene.mjs';

export const name = 'frame';
const SIZES = [[800, 480], [1024, 600], [1920, 1080]];

export async function run({ median }) {
  const figures = {};
  const ck = await loadCanvasKit();
  const provider = fontProvider(ck);
  for (const [w, h] of SIZES) {
    const size = `${w}x${h}`;
    const model = createHomeModel({ frozen: true });
    const screen = await render(() => jsx(Dashboard, { model, width: w, height: h }), { width: w, height: h, checkDamage: false });
    /** Paint + copy of the frame `change` causes; fails if it caused none or a partial one when a full one was asked. */
    const measure = async (change, full) => {
      const before = screen.stats.frame;
      await change();
      const s = screen.stats;
      if (s.frame === before) throw new Error(`bench: the change rendered no frame at ${size}`);
      if (full && s.damagedPx !== w * h) throw new Error(`bench: a full repaint damaged ${s.damagedPx} px, not ${w * h}`);
      return s.paintMs + s.copyMs;
    };
    figures[`frame.full.${size}`] = { unit: 'ms', value: await median(() => measure(() => screen.invalidate(), true), { runs: 21 }) };
    let minute = 0;
    figures[`frame.label.${size}`] = {
      unit: 'ms',
      value: await median(() => measure(async () => {
        model.now.value = new Date(FROZEN_TIME.getTime() + (++minute % 50) * 60_000);
        await screen.flush();
      }, false), { runs: 31 }),
    };
    await screen.dispose();

    const target = directSurface(ck, w, h);
    const scene = prepareScene(ck, provider, w, h);
    const out = new Uint8Array(w * h * 4);
    const canvas = target.surface.getCanvas();
    figures[`raw.full.${size}`] = {
      unit: 'ms',
      value: await median(() => {
        const t = performance.now();
        canvas.clear(ck.BLACK);
        scene.draw(canvas);
        target.surface.flush();
        out.set(target.memory.toTypedArray());
        return performance.now() - t;
      }, { runs: 21 }),
    };
    scene.dispose();
    target.dispose();
    figures[`ratio.full.${size}`] = { unit: 'ratio', value: figures[`frame.full.${size}`].value / figures[`raw.full.${size}`].value };
  }
  return figures;
}
