/**
 * Input for the tests, through inject.c: `buildInjector()` compiles it once (wayland-scanner for
 * the two protocol files in protocols/, then gcc with pkg-config's flags for wayland-client and
 * xkbcommon) into a cache folder, named by a hash of its sources and flags so that an edit
 * rebuilds it; `startInjector(env)` runs it against a compositor and awaits each command's
 * "ok", so that when a call resolves the compositor has handled the input (the app still has
 * to read it: tests wait for what it causes).
 *
 * Keys are evdev codes (linux/input-event-codes.h). `type()` knows a-z, A-Z (with Shift),
 * 0-9, space and newline (Enter): enough for tests, which compare keys and text, not codes.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { launch, describeExit, type Launched } from './processes.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.join(here, 'inject.c');
const PROTOCOLS = ['virtual-keyboard-unstable-v1.xml', 'wlr-virtual-pointer-unstable-v1.xml'].map((f) => path.join(here, 'protocols', f));

/** evdev codes of the keys tests press by name. */
export const KEY = {
  Escape: 1, Backspace: 14, Tab: 15, Enter: 28, Quote: 40, ControlLeft: 29, ShiftLeft: 42, AltLeft: 56, Space: 57,
  ArrowUp: 103, ArrowLeft: 105, ArrowRight: 106, ArrowDown: 108, Delete: 111, MetaLeft: 125,
} as const;

const LETTERS = 'qwertyuiop|asdfghjkl|zxcvbnm';
const LETTER_ROW_START = [16, 30, 44];

/** The evdev code of a character on a US keyboard, and whether it needs Shift; null when `type` cannot type it. */
export function keyOfChar(ch: string): { code: number; shift: boolean } | null {
  if (ch === ' ') return { code: KEY.Space, shift: false };
  if (ch === '\n') return { code: KEY.Enter, shift: false };
  if (/^[0-9]$/.test(ch)) return { code: ch === '0' ? 11 : 1 + Number(ch), shift: false };
  const lower = ch.toLowerCase();
  if (!/^[a-z]$/.test(lower)) return null;
  const rows = LETTERS.split('|');
  const row = rows.findIndex((r) => r.includes(lower));
  return { code: LETTER_ROW_START[row]! + rows[row]!.indexOf(lower), shift: ch !== lower };
}

export type Modifier = 'shift' | 'ctrl' | 'alt' | 'logo';
const MODIFIER_KEYS: Record<Modifier, number> = { shift: KEY.ShiftLeft, ctrl: KEY.ControlLeft, alt: KEY.AltLeft, logo: KEY.MetaLeft };

function cacheDir(): string {
  const inPackage = path.join(here, '..', 'node_modules', '.cache', 'planar-e2e');
  try {
    mkdirSync(inPackage, { recursive: true });
    accessSync(inPackage, constants.W_OK);
    return inPackage;
  } catch {
    const fallback = path.join(os.tmpdir(), 'planar-e2e-cache');
    mkdirSync(fallback, { recursive: true });
    return fallback;
  }
}

async function tool(command: string, args: string[]): Promise<string> {
  try {
    return (await run(command, args, { encoding: 'utf8' })).stdout;
  } catch (error) {
    const e = error as { code?: string | number; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error(`building the input injector needs ${command}, which is not installed (apt-get install gcc pkg-config libwayland-dev libxkbcommon-dev)`);
    throw new Error(`building the input injector failed: ${command} ${args.join(' ')}:\n${(e.stderr || e.message).trim()}`);
  }
}

let built: Promise<string> | null = null;

/** The path of the built injector, building it first when its sources or flags changed. */
export function buildInjector(): Promise<string> {
  built ??= (async () => {
    const flags = (await tool('pkg-config', ['--cflags', '--libs', 'wayland-client', 'xkbcommon'])).trim().split(/\s+/).filter(Boolean);
    const hash = createHash('sha256');
    for (const file of [SOURCE, ...PROTOCOLS]) hash.update(readFileSync(file));
    hash.update(flags.join(' '));
    const id = hash.digest('hex').slice(0, 16);
    const dir = cacheDir();
    const binary = path.join(dir, `planar-inject-${id}`);
    if (existsSync(binary)) return binary;
    const gen = path.join(dir, `gen-${id}`);
    mkdirSync(gen, { recursive: true });
    const sources: string[] = [];
    for (const xml of PROTOCOLS) {
      const name = path.basename(xml, '.xml');
      await tool('wayland-scanner', ['client-header', xml, path.join(gen, `${name}-client-protocol.h`)]);
      await tool('wayland-scanner', ['private-code', xml, path.join(gen, `${name}-protocol.c`)]);
      sources.push(path.join(gen, `${name}-protocol.c`));
    }
    // Built under a private name, then renamed: test files building at once never see half a binary.
    const partial = `${binary}.${process.pid}.partial`;
    await tool('gcc', ['-O2', '-Wall', '-Wno-unused-parameter', `-I${gen}`, '-o', partial, SOURCE, ...sources, ...flags]);
    renameSync(partial, binary);
    return binary;
  })();
  return built;
}

export interface WaylandEnv { WAYLAND_DISPLAY: string; XDG_RUNTIME_DIR: string }

/** What a compositor offers a client: its outputs (with their current modes) and its globals. */
export async function probeCompositor(env: WaylandEnv): Promise<{ outputs: { width: number; height: number; scale: number }[]; globals: string[] }> {
  const binary = await buildInjector();
  const { stdout } = await run(binary, ['--probe'], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 5000 });
  const outputs: { width: number; height: number; scale: number }[] = [];
  const globals: string[] = [];
  for (const line of stdout.split('\n')) {
    const o = /^output (\d+)x(\d+) scale (\d+)$/.exec(line);
    if (o) outputs.push({ width: Number(o[1]), height: Number(o[2]), scale: Number(o[3]) });
    const g = /^global (\S+) \d+$/.exec(line);
    if (g) globals.push(g[1]!);
  }
  return { outputs, globals };
}

export interface Injector {
  /** Moves the pointer to an output pixel. */
  move(x: number, y: number): Promise<void>;
  /** Left button press / release where the pointer is. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Move, press, release: a click (a tap, for the app). */
  tap(x: number, y: number): Promise<void>;
  keyDown(code: number): Promise<void>;
  keyUp(code: number): Promise<void>;
  /** Presses and releases a key. */
  key(code: number): Promise<void>;
  /** Holds modifier keys (pressed, and sent as the modifier state) while `during` runs. */
  withModifiers(mods: readonly Modifier[], during: () => Promise<void>): Promise<void>;
  /** Types text key by key (see `keyOfChar` for what it can type). */
  type(text: string): Promise<void>;
  /** Ends the injector (its devices go away) and waits for it to exit. */
  stop(): Promise<void>;
  readonly process: Launched;
}

/** Reads the injector's answers: `next(what)` resolves with the next line, or fails when it exits or is silent for 5 s. */
function lineReader(p: Launched): (what: string) => Promise<string> {
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: p.child.stdout! }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  return (what) => new Promise<string>((resolve, reject) => {
    if (lines.length) return resolve(lines.shift()!);
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(take), 1);
      reject(new Error(`the injector did not answer ${what} within 5 s`));
    }, 5000);
    const take = (line: string) => {
      clearTimeout(timer);
      resolve(line);
    };
    waiting.push(take);
    void p.exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`the injector exited before answering ${what}: ${describeExit(p, exit)}`));
    });
  });
}

/**
 * Starts the injector against the compositor in `env`; resolves once its devices exist. Its
 * keyboard has the "us" layout, or the layout and variant given (`{ layout: 'us', variant:
 * 'intl' }` has dead keys: the apostrophe key is dead_acute).
 */
export async function startInjector(env: WaylandEnv, keymap: { layout: string; variant?: string } = { layout: 'us' }): Promise<Injector> {
  const binary = await buildInjector();
  const args = ['--layout', keymap.layout, ...(keymap.variant ? ['--variant', keymap.variant] : [])];
  const p = launch('planar-inject', binary, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const next = lineReader(p);
  // A write to an injector that died fails with EPIPE; its exit is what gets reported.
  p.child.stdin!.on('error', () => undefined);

  let masks: Record<Modifier, number>;
  try {
    const ready = await next('that its devices are ready');
    const m = /^ready shift=(\d+) ctrl=(\d+) alt=(\d+) logo=(\d+)$/.exec(ready);
    if (!m) throw new Error(`the injector started with an unexpected line: "${ready}"`);
    masks = { shift: Number(m[1]), ctrl: Number(m[2]), alt: Number(m[3]), logo: Number(m[4]) };
  } catch (error) {
    await p.stop();
    throw error;
  }

  let queue: Promise<unknown> = Promise.resolve();
  const send = (command: string): Promise<void> => {
    const result = queue.then(async () => {
      if (p.done) throw new Error(`the injector is gone, so "${command}" was not sent: ${describeExit(p, await p.exited)}`);
      p.child.stdin!.write(`${command}\n`);
      const answer = await next(`"${command}"`);
      if (answer !== 'ok') throw new Error(`the injector refused "${command}": ${answer}`);
    });
    queue = result.catch(() => undefined);
    return result;
  };

  let held = 0;
  const injector: Injector = {
    process: p,
    move: (x, y) => send(`move ${Math.round(x)} ${Math.round(y)}`),
    down: () => send('down'),
    up: () => send('up'),
    async tap(x, y) {
      await injector.move(x, y);
      await injector.down();
      await injector.up();
    },
    keyDown: (code) => send(`key ${code} down`),
    keyUp: (code) => send(`key ${code} up`),
    async key(code) {
      await injector.keyDown(code);
      await injector.keyUp(code);
    },
    async withModifiers(mods, during) {
      const before = held;
      for (const m of mods) await injector.keyDown(MODIFIER_KEYS[m]);
      held = mods.reduce((mask, m) => mask | masks[m], before);
      await send(`mods ${held}`);
      try {
        await during();
      } finally {
        held = before;
        await send(`mods ${held}`);
        for (const m of [...mods].reverse()) await injector.keyUp(MODIFIER_KEYS[m]);
      }
    },
    async type(text) {
      for (const ch of text) {
        const k = keyOfChar(ch);
        if (!k) throw new Error(`type: cannot type ${JSON.stringify(ch)} (only a-z, A-Z, 0-9, space and newline)`);
        if (k.shift) await injector.withModifiers(['shift'], () => injector.key(k.code));
        else await injector.key(k.code);
      }
    },
    async stop() {
      p.child.stdin?.end();
      const graceful = new Promise<'late'>((r) => setTimeout(() => r('late'), 1000).unref());
      if ((await Promise.race([p.exited, graceful])) === 'late') await p.stop();
    },
  };
  return injector;
}
