/**
 * `planar dev --device user@host <entry>`: the app runs on a panel, rebuilt here on every save.
 *
 * 1. The project is built here, file by file (./loader.ts without hot wrapping), with a small
 *    runner next to it: it imports the entry and calls createApp(default export, { backend }).
 * 2. The build folder is sent with `tar c | ssh host 'mkdir -p DIR/.planar-dev && tar x …'`.
 *    DIR (--remote-dir, default planar-dev/<package name> in the login's home) is where the
 *    app's dependencies are installed on the device: a bare import in the build
 *    (`@planar/toolkit`) resolves from DIR/node_modules, built there for the device's CPU.
 *    The copy counts only when both tar here and ssh exit 0.
 * 3. A second ssh runs the app: it stops the previous run (its pid is kept in DIR, and is
 *    signalled only while it is still the app's: see ./remote.ts), waits for it to let go of
 *    the display, and execs node. That ssh's stdout and stderr are the app's, printed here line by line with a
 *    `[device]` prefix.
 * 4. Each save repeats 1–3 (a syntax error is reported and the running app is left alone);
 *    closing stops the app on the device.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { HotLoader } from './loader.js';
import { findProject, isAssetFile, outputPath, type Project } from './project.js';
import { remoteDirWord, RUNNER, startCommand, stopCommand, unpackCommand } from './remote.js';
import { explainSshFailure, sshArgs, sshRun, type SshTarget } from './ssh.js';
import { watchProject } from './watch.js';

export interface DeviceOptions {
  entry: string;
  cwd?: string;
  target: SshTarget;
  /** The app's folder on the device, where its node_modules are (default planar-dev/<package name>). */
  remoteDir?: string;
  /** The backend the app opens there (default 'auto'). */
  backend?: string;
  /** Status lines (default: stderr). */
  log?: (line: string) => void;
  /** The app's output lines, already prefixed (default: stdout). */
  output?: (line: string) => void;
}

export interface DeviceRun {
  readonly project: Project;
  /** Stops watching and stops the app on the device. */
  close(): Promise<void>;
}

function runnerSource(project: Project): string {
  const entry = `./${path.relative(project.outDir, outputPath(project, project.entry)).split(path.sep).join('/')}`;
  return `// Written by planar dev: runs the entry's default export on the backend named by argv[2]
// (argv[3] is the marker that tells planar dev this process is the app's).
import { createApp } from '@planar/toolkit';
const entry = await import(${JSON.stringify(entry)});
if (typeof entry.default !== 'function') {
  console.error(${JSON.stringify(`planar dev: ${entry} has no default export to run: export the root component, e.g. export default () => <App />`)});
  process.exit(2);
}
const app = await createApp(entry.default, { ...(entry.appOptions ?? {}), backend: process.argv[2] || 'auto', onError: (e) => console.error(e.stack ?? e.message) });
console.log(\`planar dev: the app runs on the \${app.backend} backend (\${app.width}x\${app.height})\`);
const stop = () => app.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
`;
}

function defaultRemoteDir(project: Project): string {
  let name = path.basename(project.root);
  try {
    name = String(JSON.parse(readFileSync(path.join(project.root, 'package.json'), 'utf8')).name ?? name);
  } catch {
    // No package.json: the folder's name.
  }
  return `planar-dev/${name.replace(/^@/, '').replace(/[^\w.-]+/g, '-')}`;
}

/**
 * Builds the app, sends it to the device, runs it there and does it again on every save.
 * @example const run = await runDevice({ entry: 'src/main.tsx', target: { destination: 'pi@panel.local' }, backend: 'kms' });
 */
export async function runDevice(options: DeviceOptions): Promise<DeviceRun> {
  const log = options.log ?? ((line: string) => console.error(line));
  const output = options.output ?? ((line: string) => console.log(line));
  const project = findProject(options.entry, options.cwd);
  const target = options.target;
  const dir = remoteDirWord(options.remoteDir ?? defaultRemoteDir(project));
  const backend = options.backend ?? 'auto';

  const check = await sshRun(target, 'node --version');
  if (check.code === 255) throw new Error(`planar dev: ${explainSshFailure(target, check.stderr)}`);
  if (check.code !== 0) throw new Error(`planar dev: ${target.destination} has no node on the PATH of a non-interactive ssh shell: install Node 20 or newer there (it said: ${check.stderr.trim() || `exit ${check.code}`})`);
  log(`planar dev: ${target.destination} runs node ${check.stdout.trim()}; the app goes to ${dir}`);

  const loader = new HotLoader(project);
  let running: ChildProcess | null = null;
  let hinted = false;

  // The build goes over as `tar c | ssh … tar x`: good only when both ends exit 0 (a tar that
  // fails midway still ends the stream, and the remote tar then unpacks a part and exits 0).
  const sync = () => new Promise<void>((resolve, reject) => {
    const ssh = spawn('ssh', sshArgs(target, unpackCommand(dir)), { stdio: ['pipe', 'inherit', 'pipe'] });
    const tar = spawn('tar', ['-c', '-C', project.outDir, '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const said = { ssh: '', tar: '' };
    ssh.stderr!.on('data', (c: Buffer) => { said.ssh += c.toString(); });
    tar.stderr!.on('data', (c: Buffer) => { said.tar += c.toString(); });
    ssh.stdin!.on('error', () => { /* ssh ended early; its exit says why */ });
    tar.stdout!.pipe(ssh.stdin!);
    let failed = false;
    const fail = (message: string) => {
      if (failed) return;
      failed = true;
      tar.kill();
      ssh.kill();
      reject(new Error(message));
    };
    tar.on('error', (error) => fail(`cannot run tar to pack the build: ${error.message} (install tar)`));
    ssh.on('error', (error) => fail(`cannot run ssh: ${error.message} (install the OpenSSH client)`));
    const exits: { tar?: number | null; ssh?: number | null } = {};
    const settle = () => {
      if (failed || !('tar' in exits) || !('ssh' in exits)) return;
      if (exits.tar !== 0) fail(`packing the build in ${project.outDir} failed (tar exit ${exits.tar ?? 'by a signal'}), so the app on the device was left as it was: ${said.tar.trim() || 'tar printed nothing'}`);
      else if (exits.ssh === 255) fail(explainSshFailure(target, said.ssh));
      else if (exits.ssh !== 0) fail(`copying the build to ${dir} on the device failed (exit ${exits.ssh ?? 'by a signal'}): ${said.ssh.trim() || 'the device printed nothing'}`);
      else resolve();
    };
    tar.on('close', (code) => { exits.tar = code; settle(); });
    ssh.on('close', (code) => { exits.ssh = code; settle(); });
  });

  const start = () => {
    const previous = running;
    const child = spawn('ssh', sshArgs(target, startCommand(dir, backend)), { stdio: ['ignore', 'pipe', 'pipe'] });
    running = child;
    if (previous) previous.removeAllListeners('close');
    let stderr = '';
    createInterface({ input: child.stdout! }).on('line', (line) => output(`[device] ${line}`));
    createInterface({ input: child.stderr! }).on('line', (line) => {
      stderr += `${line}\n`;
      output(`[device] ${line}`);
      if (!hinted && /Cannot find (package|module) '@planar\//.test(line)) {
        hinted = true;
        log(`planar dev: the device has no Planar packages in ${dir}: install the app's dependencies there once (cd ${dir} && npm install @planar/toolkit and the backend you use), or give --remote-dir a copy of the project that has them`);
      }
    });
    child.on('error', (error) => {
      if (running !== child) return;
      running = null;
      log(`planar dev: cannot run ssh to start the app: ${error.message} (install the OpenSSH client)`);
    });
    child.on('close', (code, signal) => {
      if (running !== child) return;
      running = null;
      if (code === 255) log(`planar dev: ${explainSshFailure(target, stderr)}`);
      else if (code === 97) log(`planar dev: there is no folder ${dir} on the device`);
      else log(`planar dev: the app on the device stopped (${signal ?? `exit code ${code}`}); it starts again on the next save`);
    });
  };

  const deploy = async () => {
    writeFileSync(path.join(project.outDir, RUNNER), runnerSource(project));
    await sync();
    start();
  };

  try {
    await loader.buildAll();
    await deploy();
  } catch (error) {
    log(`planar dev: ${error instanceof Error ? error.message : String(error)}`);
  }

  const watcher = watchProject(project, async (files) => {
    for (const file of files.filter(isAssetFile)) loader.copyAsset(file);
    try {
      await loader.update(files);
      log(`planar dev: sending ${files.map((f) => path.relative(project.root, f)).join(', ')} and restarting`);
      await deploy();
    } catch (error) {
      log(`planar dev: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await watcher.ready;

  let closed = false;
  return {
    project,
    async close() {
      if (closed) return;
      closed = true;
      await watcher.close();
      const child = running;
      running = null;
      await sshRun(target, stopCommand(dir));
      if (child && child.exitCode === null) child.kill();
    },
  };
}
