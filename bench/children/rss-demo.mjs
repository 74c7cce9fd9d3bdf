/** Prints the RSS after 30 frames of the demo at 800x480 (each frame a clock tick or a tile toggle). */
import { Dashboard, createHomeModel, FROZEN_TIME } from '@planar/demo';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';

const model = createHomeModel({ frozen: true });
const screen = await render(() => jsx(Dashboard, { model, width: 800, height: 480 }), { width: 800, height: 480, checkDamage: false });
for (let i = 1; i < 30; i++) {
  if (i % 3 === 0) model.toggle(model.devices[i % model.devices.length].id);
  else model.now.value = new Date(FROZEN_TIME.getTime() + i * 60_000);
  await screen.flush();
}
if (screen.stats.frame < 30) throw new Error(`only ${screen.stats.frame} frames rendered`);
console.log(JSON.stringify({ rss: process.memoryUsage().rss, frames: screen.stats.frame }));
