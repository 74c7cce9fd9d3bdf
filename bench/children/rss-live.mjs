/**
 * The live demo as a panel runs it, for rss.demo: bundled by `planar build` (memory.bench.mjs
 * bundles this file) and started through its launcher, headless at 800x480 on the real clock.
 * After 30 frames (each a clock tick or a tile toggle, as a panel's day goes) it prints the
 * resident memory now and its peak since the process started (VmRSS, VmHWM).
 */
import { readFileSync } from 'node:fs';
import { createApp } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App, createHomeModel } from '@planar/demo';

async function main() {
  const model = createHomeModel();
  const app = await createApp(() => jsx(App, { model }), { backend: 'headless', width: 800, height: 480 });
  let frames = app.stats.frame;
  const next = () => new Promise((resolve) => {
    const off = app.on('frame', () => {
      off();
      resolve();
    });
  });
  while (frames < 30) {
    const shown = next();
    if (frames % 3 === 0) model.toggle(model.devices[frames % model.devices.length].id);
    else model.now.value = new Date(model.now.value.getTime() + 60_000);
    await shown;
    frames = app.stats.frame;
  }
  const status = readFileSync('/proc/self/status', 'utf8');
  const kib = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)[1]) * 1024;
  await app.close();
  console.log(JSON.stringify({ rss: kib('VmRSS'), peak: kib('VmHWM'), frames }));
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
