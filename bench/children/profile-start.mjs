/**
 * Prints when the demo's first frame was committed (headless, 800x480), ms since the process
 * started, from the toolkit's own start-up trace, in the profile named by `PLANAR_PROFILE`;
 * with the CanvasKit step and the profile CanvasKit was compiled in.
 */
import { createApp, startupTrace } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App, createHomeModel } from '@planar/demo';
import { activeProfile } from './profile-active.mjs';

const app = await createApp(() => jsx(App, { model: createHomeModel() }), { backend: 'headless', width: 800, height: 480 });
const trace = startupTrace();
await app.close();
const canvaskit = trace.steps.find((s) => s.name === 'canvaskit');
if (!canvaskit || !Number.isFinite(trace.firstFrame)) throw new Error(`profile-start: the trace has no canvaskit step or first frame: ${JSON.stringify(trace)}`);
console.log(JSON.stringify({ firstFrame: trace.firstFrame, canvaskit: canvaskit.end - canvaskit.start, profile: await activeProfile() }));
process.exit(0);
