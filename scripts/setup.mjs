#!/usr/bin/env node
// Brings a checkout to the state `npm run demo` and `npm test` need, using only Node and npm.
// Every root script runs this first, so it is idempotent and prints nothing when all is in place.
//
//   1. Node version: refuse Node older than 20.19 (pure version comparison).
//   2. Debian packages: the groups in SYSTEM_PACKAGES are checked with dpkg-query; only missing
//      packages are installed (as root) or reported with the exact sudo command (otherwise).
//      Installed packages are never touched again. Systems without dpkg get one note.
//   3. npm dependencies: a sha256 of the root package.json, every workspace package.json and
//      package-lock.json is stored in node_modules/.planar-setup-hash after a successful install.
//      An install runs only when node_modules is missing or that hash differs. It is `npm ci`
//      (exactly the committed lock, which is left untouched) whenever the lock declares the same
//      dependencies as every manifest; only when a manifest changed does `npm install` update
//      the lock, and setup says so, since the new lock belongs in the next commit.
//   4. Native addons: every workspace with a binding.gyp is built with node-gyp only when its
//      build/Release/*.node is missing or older than binding.gyp or a file under native/ (or
//      under packages/native-core/include/, for the addons that include those headers).
//      An optional addon ("planar": { "optionalNative": true }) that fails leaves a marker in
//      build/ so it is retried only once its sources change, unless PLANAR_E2E=required.
//
// Flags: --quiet (errors and warnings only), --check (report, change nothing, exit 1 when
// something is missing), --<group> to include an opt-in package group (groups marked optIn).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The emulator and the guest kernel of the KMS test VM follow the machine's architecture: the VM
// runs the host's own kind of CPU (a Pi 5 is arm64), so only these two names change.
const VM_PACKAGES_BY_ARCH = {
  x64: ['qemu-system-x86', 'linux-image-amd64'],
  arm64: ['qemu-system-arm', 'linux-image-arm64'],
};
const VM_PACKAGES = VM_PACKAGES_BY_ARCH[process.arch] ?? [];

// Debian packages by what needs them. One line per group; `optIn` groups need their --flag.
const SYSTEM_PACKAGES = [
  { group: 'toolkit-fonts', packages: ['libfreetype-dev', 'pkg-config'], why: 'FreeType headers for the toolkit\'s system font discovery addon' },
  { group: 'native-build', packages: ['g++', 'make', 'python3'], why: 'the compiler toolchain node-gyp uses to build native addons' },
  { group: 'test-fonts', packages: ['fonts-lohit-deva'], why: 'a system font for a script the bundled fonts lack (Devanagari), for the font fallback tests' },
  { group: 'script-fonts', packages: ['fonts-noto-core'], why: 'Noto Sans Arabic and Noto Sans Hebrew (with Noto faces for most other scripts), the system fonts the toolkit draws Arabic and Hebrew with' },
  { group: 'browser', packages: ['chromium'], why: 'the browser the layout tests in test/ compare against (npm test)' },
  { group: 'wayland-build', packages: ['libwayland-dev', 'wayland-protocols', 'libxkbcommon-dev', 'libgbm-dev', 'libdrm-dev'], why: 'libwayland-client, the protocol files, xkbcommon, and GBM and libdrm\'s headers (DMA-BUF buffers) for the Wayland backend\'s addon' },
  { group: 'kms-build', packages: ['libdrm-dev', 'libinput-dev', 'libudev-dev', 'libseat-dev', 'libxkbcommon-dev', 'pkg-config'], why: 'libdrm, libinput, libudev, libseat and xkbcommon for the KMS backend\'s addon' },
  { group: 'wayland-e2e', packages: ['sway', 'grim', 'weston', 'cage', 'xwayland', 'wl-clipboard', 'gcc'], why: 'headless compositors (cage needs xwayland to start), screenshots, the clipboard\'s command-line ends (wl-copy, wl-paste) and a C compiler for the Wayland end-to-end tests (npm test)', optIn: true },
  { group: 'wayland-e2e', packages: ['openssh-server'], why: 'an ssh server run on 127.0.0.1 with a throwaway key by the end-to-end test of `planar dev --device` (npm test)', optIn: true },
  { group: 'kms-e2e', packages: [...VM_PACKAGES, 'busybox-static', 'cpio', 'xz-utils', 'kmod', 'udev', 'seatd', 'util-linux', 'gcc', 'weston', 'wayland-utils', 'libgl1-mesa-dri', 'libegl1', 'libegl-mesa0', 'libgbm1'], why: 'a VM with the vkms driver, and udevd, seatd and weston with Mesa software GL to run inside it, for the KMS and weston end-to-end tests (npm test)', optIn: true },
];

// What is lost when an optional addon cannot be built, by package name.
const OPTIONAL_ADDON_LOSS = {
  '@planar/toolkit': 'system font discovery (fonts installed on the system are not found; the bundled fonts and fonts registered from files still work) and the return of start-up\'s freed memory to the system',
};

const MIN_NODE = [20, 19];
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HASH_FILE = path.join(ROOT, 'node_modules', '.planar-setup-hash');
const FAILED_MARKER = '.planar-setup-failed';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const checkOnly = args.includes('--check');
const e2eRequired = process.env.PLANAR_E2E === 'required';
let missingSomething = false;

const info = (msg) => { if (!quiet) console.log(`setup: ${msg}`); };
const warn = (msg) => console.error(`setup: warning: ${msg}`);
function fail(msg) {
  console.error(`setup: ${msg}`);
  process.exit(1);
}

function parseFlags() {
  const known = new Set(['--quiet', '--check', ...SYSTEM_PACKAGES.filter((g) => g.optIn).map((g) => `--${g.group}`)]);
  for (const arg of args) if (!known.has(arg)) fail(`unknown flag ${arg} (known: ${[...known].join(', ')})`);
}

// Runs a long command with its output streamed (captured under --quiet, shown only on failure).
function run(cmd, cmdArgs, options = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (result.error) return { ok: false, output: `${cmd}: ${result.error.message}\n` };
  const output = quiet ? `${result.stdout ?? ''}${result.stderr ?? ''}` : '';
  return { ok: result.status === 0, output };
}

function checkNodeVersion() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return;
  fail(`Planar needs Node >= ${MIN_NODE.join('.')}, but this is Node ${process.versions.node}. Install Node 20.19+ (or 22+) and try again.`);
}

function findMissingDebianPackages(packages) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...packages], { encoding: 'utf8' });
  if (result.error) return null; // no dpkg on this system
  const installed = new Set(result.stdout.split('\n').filter((line) => line.endsWith(' installed')).map((line) => line.split(' ')[0]));
  return packages.filter((pkg) => !installed.has(pkg));
}

function ensureDebianPackages() {
  const groups = SYSTEM_PACKAGES.filter((g) => !g.optIn || args.includes(`--${g.group}`));
  const missing = findMissingDebianPackages([...new Set(groups.flatMap((g) => g.packages))]);
  if (missing === null) return info('dpkg not found; not a Debian system, so install the equivalents of ' +
    `${groups.flatMap((g) => g.packages).join(', ')} yourself if a native build fails.`);
  if (missing.length === 0) return;
  const reasons = groups.filter((g) => g.packages.some((p) => missing.includes(p))).map((g) => `${g.why} (${g.group})`);
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (checkOnly) {
    missingSomething = true;
    return info(`would install Debian packages: ${missing.join(' ')} — for ${reasons.join('; ')}`);
  }
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    fail(`missing Debian packages: ${missing.join(' ')}\n  These provide ${reasons.join('; ')}.\n  Install them with:\n\n    sudo ${command}\n`);
  }
  info(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = run('apt-get', ['update', ...(quiet ? ['-qq'] : [])], { env });
  if (!update.ok) fail(`apt-get update failed\n${update.output}`);
  const install = run('apt-get', ['install', '-y', '--no-install-recommends', ...(quiet ? ['-qq'] : []), ...missing], { env });
  if (!install.ok) fail(`apt-get install failed; run it yourself to see why:\n    ${command}\n${install.output}`);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

// Workspace folders from the root package.json; supports plain paths and a trailing `/*`.
function listWorkspaceDirs() {
  const declared = readJson(path.join(ROOT, 'package.json')).workspaces;
  const patterns = Array.isArray(declared) ? declared : declared?.packages ?? [];
  const dirs = [];
  for (const pattern of patterns) {
    if (!pattern.endsWith('/*')) { dirs.push(path.join(ROOT, pattern)); continue; }
    const parent = path.join(ROOT, pattern.slice(0, -2));
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) dirs.push(path.join(parent, entry.name));
    }
  }
  return dirs.filter((dir) => existsSync(path.join(dir, 'package.json')));
}

function hashDependencyManifests() {
  const files = [path.join(ROOT, 'package.json'), ...listWorkspaceDirs().map((d) => path.join(d, 'package.json')), path.join(ROOT, 'package-lock.json')];
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${path.relative(ROOT, file)}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : '<missing>');
    hash.update('\0');
  }
  return hash.digest('hex');
}

// The dependency fields a manifest and its entry in the lock must agree on for `npm ci`.
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

// Says why the lock does not match the manifests (null when it does): a workspace the lock does
// not know, or a dependency field that differs. npm ci refuses exactly these cases.
function lockMismatch() {
  const lockFile = path.join(ROOT, 'package-lock.json');
  if (!existsSync(lockFile)) return 'there is no package-lock.json';
  const locked = readJson(lockFile).packages ?? {};
  for (const dir of [ROOT, ...listWorkspaceDirs()]) {
    const key = path.relative(ROOT, dir).split(path.sep).join('/');
    const entry = locked[key];
    if (!entry) return `the lock has no entry for ${key || 'the root package'}`;
    const manifest = readJson(path.join(dir, 'package.json'));
    for (const field of DEPENDENCY_FIELDS) {
      const want = manifest[field] ?? {}, have = entry[field] ?? {};
      const names = new Set([...Object.keys(want), ...Object.keys(have)]);
      for (const name of names) {
        if (want[name] !== have[name]) return `${key || 'the root package'}: ${field}.${name} is ${want[name] ?? 'absent'} in package.json but ${have[name] ?? 'absent'} in the lock`;
      }
    }
  }
  return null;
}

function ensureNpmDependencies() {
  const hasNodeModules = existsSync(path.join(ROOT, 'node_modules'));
  const recorded = existsSync(HASH_FILE) ? readFileSync(HASH_FILE, 'utf8').trim() : null;
  if (hasNodeModules && recorded === hashDependencyManifests()) return;
  const mismatch = lockMismatch();
  const command = mismatch === null ? 'ci' : 'install';
  if (mismatch !== null) info(`package-lock.json does not match the manifests (${mismatch}); npm install will update it: commit the new lock`);
  const reason = !hasNodeModules ? 'node_modules is missing'
    : recorded === null ? 'no install recorded by setup yet' : 'package.json or package-lock.json changed';
  if (checkOnly) {
    missingSomething = true;
    return info(`would run npm ${command} (${reason})`);
  }
  info(`running npm ${command} (${reason})`);
  const npmArgs = quiet ? ['--loglevel=error', '--no-progress'] : [];
  const result = run('npm', [command, '--no-audit', '--no-fund', ...npmArgs]);
  if (!result.ok) fail(`npm ${command} failed\n${result.output}`);
  writeFileSync(HASH_FILE, `${hashDependencyManifests()}\n`); // after the install: npm may rewrite the lock
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try { stat = statSync(p); } catch { return; }
    if (stat.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function oldestBuiltAddonMtime(releaseDir) {
  if (!existsSync(releaseDir)) return null;
  const addons = readdirSync(releaseDir).filter((name) => name.endsWith('.node'));
  if (addons.length === 0) return null;
  return Math.min(...addons.map((name) => statSync(path.join(releaseDir, name)).mtimeMs));
}

function findNodeHeadersDir() {
  const candidates = [path.dirname(path.dirname(process.execPath)), '/usr'];
  return candidates.find((dir) => existsSync(path.join(dir, 'include', 'node', 'node_api.h'))) ?? null;
}

function findNodeGyp(pkgDir) {
  return [pkgDir, ROOT].map((dir) => path.join(dir, 'node_modules', '.bin', 'node-gyp')).find((bin) => existsSync(bin)) ?? null;
}

function buildNativeAddon(pkgDir, pkg) {
  const name = pkg.name ?? path.relative(ROOT, pkgDir);
  const optional = pkg.planar?.optionalNative === true;
  const buildDir = path.join(pkgDir, 'build');
  const markerFile = path.join(buildDir, FAILED_MARKER);
  // An addon whose binding.gyp includes the native core's headers is rebuilt when they change too.
  const usesCore = readFileSync(path.join(pkgDir, 'binding.gyp'), 'utf8').includes('native-core/include');
  const sourcesMtime = newestMtime([path.join(pkgDir, 'binding.gyp'), path.join(pkgDir, 'native'), ...(usesCore ? [path.join(ROOT, 'packages/native-core/include')] : [])]);
  const builtMtime = oldestBuiltAddonMtime(path.join(buildDir, 'Release'));
  if (builtMtime !== null && builtMtime >= sourcesMtime) return;
  const failedBefore = existsSync(markerFile) && readFileSync(markerFile, 'utf8').trim() === String(sourcesMtime);
  if (optional && failedBefore && !e2eRequired) {
    return info(`${name}: optional native addon unavailable (its last build failed; edit its sources or delete ${path.relative(ROOT, buildDir)}/ to retry)`);
  }
  if (checkOnly) {
    missingSomething = true;
    return info(`would build the native addon of ${name} with node-gyp`);
  }
  info(`building the native addon of ${name}`);
  const nodeGyp = findNodeGyp(pkgDir);
  const nodeDir = findNodeHeadersDir();
  const result = nodeGyp
    ? run(process.execPath, [nodeGyp, 'rebuild', '--jobs=max', ...(nodeDir ? [`--nodedir=${nodeDir}`] : []), quiet ? '--silent' : '--loglevel=warn'], { cwd: pkgDir })
    : { ok: false, output: 'node-gyp is not installed (expected node_modules/.bin/node-gyp)\n' };
  if (result.ok) return rmSync(markerFile, { force: true });
  if (!optional || e2eRequired) {
    const why = optional ? ' (optional, but PLANAR_E2E=required)' : '';
    fail(`building the native addon of ${name} failed${why}\n${result.output}`);
  }
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(markerFile, `${sourcesMtime}\n`);
  const loss = OPTIONAL_ADDON_LOSS[name] ?? 'the features backed by this addon; the rest of the package still works';
  warn(`the optional native addon of ${name} failed to build${quiet ? '' : ' (node-gyp output above)'}. ` +
    `Planar runs without it, minus ${loss}. Fix the cause and run \`npm run setup\` ` +
    'again (it retries once the addon\'s sources change, or after deleting its build/ folder); ' +
    'with PLANAR_E2E=required this failure is an error.');
}

function ensureNativeAddons() {
  for (const dir of listWorkspaceDirs()) {
    if (existsSync(path.join(dir, 'binding.gyp'))) buildNativeAddon(dir, readJson(path.join(dir, 'package.json')));
  }
}

parseFlags();
checkNodeVersion();
ensureDebianPackages();
ensureNpmDependencies();
ensureNativeAddons();
if (checkOnly && missingSomething) process.exit(1);
