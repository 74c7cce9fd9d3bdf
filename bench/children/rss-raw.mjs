/** Prints the RSS of the hand-written CanvasKit scene after drawing it 30 times at 800x480. */
import { directSurface, fontProvider, loadCanvasKit, prepareScene } from '../raw-scene.mjs';

const ck = await loadCanvasKit();
const target = directSurface(ck, 800, 480);
const scene = prepareScene(ck, fontProvider(ck), 800, 480);
const out = new Uint8Array(800 * 480 * 4);
for (let i = 0; i < 30; i++) {
  const c = target.surface.getCanvas();
  c.clear(ck.BLACK);
  scene.draw(c);
  target.surface.flush();
  out.set(target.memory.toTypedArray());
}
console.log(JSON.stringify({ rss: process.memoryUsage().rss, frames: 30 }));
