/**
 * The start-up trace (`PLANAR_DEBUG=startup`) and the run-time profile's bad names.
 *
 * The trace is process-wide (it counts from the process's start), so each case runs a small
 * app in a fresh Node process on the built package, as a user would, and reads its stderr.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createApp, View } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';

const PACKAGE = new URL('..', import.meta.url).pathname;

/** A small app: mounts (saying so on stderr), shows its first frame, then changes colour twice, each a frame of its own. */
const APP = `
  import { createApp, signal, View } from '@planar/toolkit';
  import { jsx } from '@planar/toolkit/jsx-runtime';
  const colour = signal('white');
  const app = await createApp(() => {
    process.stderr.write('app: mounting\\n');
    return jsx(View, { style: () => ({ flex: 1, backgroundColor: colour.value }) });
  }, { backend: 'headless', width: 200, height: 100 });
  process.stderr.write('app: first frame presented\\n');
  for (const next of ['navy', 'teal']) {
    const frame = new Promise((resolve) => { const off = app.on('frame', () => { off(); resolve(); }); });
    colour.value = next;
    await frame;
  }
  process.stderr.write('app: frames ' + app.stats.frame + '\\n');
  await app.close();
`;

function runApp(env: Record<string, string>) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', APP], {
    cwd: PACKAGE, encoding: 'utf8', timeout: 30_000, env: { ...process.env, PLANAR_DEBUG: '', PLANAR_PROFILE: '', ...env },
  });
  if (run.status !== 0) throw new Error(`the app exited with ${run.status}: ${run.stderr}${run.error ?? ''}`);
  return run.stderr.split('\n');
}

const HEADER = /^planar: start-up, ms since the process started \(and resident memory at each step's end\); first frame committed at (-?\d+\.\d) ms$/;
const STEP = /^ {2}(\S+(?: \S+)*?) +(-?\d+\.\d) → +(-?\d+\.\d) +(-?\d+\.\d) ms(?: +(\d+\.\d) MiB)?/;

describe('PLANAR_DEBUG=startup', () => {
  it('prints where the time went once, when the first frame is committed', () => {
    const lines = runApp({ PLANAR_DEBUG: 'startup' });
    expect(lines).toContain('app: frames 3');
    const headers = lines.filter((l) => HEADER.test(l));
    expect(headers, lines.join('\n')).toHaveLength(1);
    const at = lines.findIndex((l) => HEADER.test(l));
    // After the tree was mounted, before createApp resolved.
    expect(lines.indexOf('app: mounting')).toBeLessThan(at);
    expect(lines.indexOf('app: first frame presented')).toBeGreaterThan(at);

    const steps: { name: string; start: number; end: number; ms: number; mib: number }[] = [];
    for (const line of lines.slice(at + 1)) {
      const m = STEP.exec(line);
      if (!m) break;
      steps.push({ name: m[1]!, start: Number(m[2]), end: Number(m[3]), ms: Number(m[4]), mib: m[5] === undefined ? NaN : Number(m[5]) });
    }
    expect(steps.map((s) => s.name)).toEqual(['node', 'modules', 'canvaskit', 'yoga', 'display', 'fonts', 'mount', 'layout', 'paint', 'copy', 'first frame']);
    for (const s of steps) {
      expect(s.end, `${s.name} ends after it starts`).toBeGreaterThanOrEqual(s.start);
      expect(s.ms).toBeCloseTo(s.end - s.start, 0);
    }
    const step = (name: string) => steps.find((s) => s.name === name)!;
    // Resident memory is noted where a step ends in this process (not for Node's own start or the frame's parts).
    for (const name of ['modules', 'canvaskit', 'yoga', 'display', 'fonts', 'mount', 'first frame']) {
      expect(step(name).mib, `${name} notes the memory`).toBeGreaterThan(10);
    }
    const committed = Number(HEADER.exec(headers[0]!)![1]);
    expect(step('first frame').end).toBe(committed);
    expect(step('first frame').start).toBeGreaterThanOrEqual(step('mount').end);
    expect(committed).toBeGreaterThanOrEqual(step('mount').end);
    // The fonts are set up once CanvasKit is there; nothing is mounted before the fonts are.
    expect(step('fonts').start).toBeGreaterThanOrEqual(step('canvaskit').end);
    expect(step('mount').start).toBeGreaterThanOrEqual(step('fonts').end);
  });

  it('prints nothing without the switch', () => {
    const lines = runApp({});
    expect(lines).toContain('app: frames 3');
    expect(lines.filter((l) => l.startsWith('planar: start-up'))).toEqual([]);
  });
});

describe('the profile', () => {
  it('rejects an unknown name in createApp, naming the allowed ones', async () => {
    await expect(createApp(() => jsx(View, {}), { backend: 'headless', profile: 'bogus' as never }))
      .rejects.toThrow(/createApp: profile must be 'default' or 'lean', got "bogus"/);
  });

  it('rejects an unknown PLANAR_PROFILE, naming the allowed ones', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', APP], {
      cwd: PACKAGE, encoding: 'utf8', timeout: 30_000, env: { ...process.env, PLANAR_DEBUG: '', PLANAR_PROFILE: 'bogus' },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("PLANAR_PROFILE must be 'default' or 'lean', got 'bogus'");
    expect(run.stderr).not.toContain('app: first frame presented');
  });
});
