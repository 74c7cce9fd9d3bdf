/** Prints how many frames the live (not frozen) demo renders in 2 s with nobody touching it. */
import { createApp } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App, createHomeModel } from '@planar/demo';

const app = await createApp(() => jsx(App, { model: createHomeModel() }), { backend: 'headless', width: 800, height: 480 });
await new Promise((r) => setTimeout(r, 500));
let frames = 0;
app.on('frame', () => frames++);
await new Promise((r) => setTimeout(r, 2000));
await app.close();
console.log(JSON.stringify({ frames }));
process.exit(0);
