/**
 * Prints the demo's frame.full and frame.label (with their parts) at 800x480 and 1920x1080,
 * measured as the frame bench measures them (its `demoFrames`), in the profile named by
 * `PLANAR_PROFILE`, and the profile CanvasKit was compiled in.
 */
import { demoFrames } from '../frame.bench.mjs';
import { activeProfile } from './profile-active.mjs';

const SIZES = [[800, 480], [1920, 1080]];

/** As the bench runner's: median of `runs` timings after `warmup` untimed calls. */
async function median(fn, { runs = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const values = [];
  for (let i = 0; i < runs; i++) values.push(await fn());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

const sizes = {};
for (const [w, h] of SIZES) {
  const { full, label } = await demoFrames(w, h, { median });
  sizes[`${w}x${h}`] = { full, label };
}
console.log(JSON.stringify({ profile: await activeProfile(), sizes }));
process.exit(0);
