/**
 * rss-demo.mjs (the demo's RSS after 30 frames at 800x480, printed as its own line) in the
 * profile named by `PLANAR_PROFILE`, then one more line: the peak RSS of the whole run, start-up
 * included (VmHWM), and the profile CanvasKit was compiled in.
 */
import { readFileSync } from 'node:fs';
import { activeProfile } from './profile-active.mjs';

await import('./rss-demo.mjs');
const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
if (!hwm) throw new Error('profile-rss-demo: no VmHWM in /proc/self/status');
console.log(JSON.stringify({ peak: Number(hwm[1]) * 1024, profile: await activeProfile() }));
process.exit(0);
