/**
 * The files the KMS test VM boots from, built once per kernel and cached. See vm.mjs for the
 * whole mechanism; this module is its first half:
 *
 *   1. The guest kernel is the newest one in /boot whose modules are in /lib/modules (its ABI,
 *      e.g. 6.1.0-56-amd64, names the cache folder); on arm64 only Debian's `-arm64` flavour
 *      (vm-arch.mjs). The guest reuses the host's modules and tools through the shared root,
 *      so it must be a kernel installed on the host.
 *   2. Missing Debian packages are installed with apt-get when running as root; otherwise the
 *      error's message is the exact `sudo apt-get install ...` command to run.
 *   3. vkms.ko: Debian does not build vkms, so its sources are taken from linux-source-X.Y,
 *      given the writeback fix (see WRITEBACK_FIX) and built out of tree against
 *      linux-headers-<ABI>.
 *   4. vmlinux (x86_64): the uncompressed ELF kernel, cut out of the bzImage, boots through its
 *      PVH entry without the real-mode setup and the in-guest decompression (about 2 s less
 *      under TCG). When that is impossible, and on arm64, /boot/vmlinuz itself is booted.
 *   5. initrd: busybox, the modules needed to reach the shared root (virtio-pci, 9p, overlay, and
 *      what they depend on) and guest-init.sh as /init, in a newc cpio archive written here.
 *
 * Every cached file is named by a hash of what it is made from: the recipe (the source of the
 * functions that build it, the fix, the init script) and the size and modification time of its
 * inputs. An edit or a package upgrade therefore builds a new file; old ones unused for a week
 * are deleted then, and so is the folder of a kernel no longer installed.
 * Builds hold a lock file, so parallel callers build once and the others wait.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, open, readFile, readdir, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { vmArch } from './vm-arch.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const INIT_SCRIPT = path.join(HERE, 'guest-init.sh');

/** Modules the initramfs loads itself; their dependencies are added from modinfo. */
const INITRD_MODULES = ['virtio_pci', '9pnet_virtio', '9p', 'overlay'];

const ARCH = vmArch();
/** Packages the VM always needs (the kernel-specific ones are added by requiredPackages). */
const BASE_PACKAGES = [ARCH.qemuPackage, 'busybox-static', 'xz-utils', 'kmod', 'udev', 'make', 'gcc', 'binutils'];

const APT_LOCK = ['-o', 'DPkg::Lock::Timeout=600'];
const LOCK_WAIT_MS = 30 * 60_000;
/** Cached files under other keys are deleted when a build finds them unused for this long. */
const UNUSED_MS = 7 * 24 * 3600_000;

/**
 * The writeback fix. vkms leaves `possible_clones` of its two encoders (the virtual output's
 * and the writeback connector's) at themselves, and drm_atomic_check_valid_clones() (in Debian's
 * 6.1 since 6.1.19x) then refuses every commit that routes the CRTC to both, which is every
 * writeback capture. Declaring the two encoders clones of each other makes those commits valid.
 */
const WRITEBACK_FIX = {
  file: 'vkms_output.c',
  find: /(\t\twriteback = vkms_enable_writeback_connector\(vkmsdev\);\n)\t\tif \(writeback\)\n(\t\t\tDRM_ERROR\("Failed to init writeback connector\\n"\);\n)/,
  replace: '$1\t\tif (writeback) {\n$2\t\t} else {\n' +
    '\t\t\t/* Both encoders may drive the CRTC together (writeback captures the output). */\n' +
    '\t\t\tencoder->possible_clones = drm_encoder_mask(encoder) |\n' +
    '\t\t\t\tdrm_encoder_mask(&output->wb_connector.encoder);\n' +
    '\t\t\toutput->wb_connector.encoder.possible_clones = encoder->possible_clones;\n' +
    '\t\t}\n',
};

/**
 * @typedef {{ abi: string, kernel: string, initrd: string, vkmsKo: string, cacheDir: string }} VmImage
 * @typedef {(message: string) => void} Log
 */

/**
 * Makes sure the packages, the kernel, vkms.ko and the initramfs exist; builds what is missing.
 * @param {{ log?: Log }} [options]
 * @returns {Promise<VmImage>}
 */
export async function prepareVm({ log = () => {} } = {}) {
  const root = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'planar', 'vkms');
  let plan = await planImage(root);
  if (plan.missingPackages.length > 0 && !isRoot()) throw new Error(aptCommand(plan.missingPackages, true));
  if (plan.ready) return touch(plan.image);
  await mkdir(root, { recursive: true });
  return withLock(path.join(root, '.lock'), log, async () => {
    plan = await planImage(root); // another caller may have done it while we waited
    for (let round = 0; plan.missingPackages.length > 0; round++) {
      // A first install can bring the kernel, whose ABI then names more packages.
      if (round === 2) throw new Error(`apt-get did not install ${plan.missingPackages.join(' ')}`);
      await installPackages(plan.missingPackages, log);
      plan = await planImage(root);
    }
    const { image, keys } = plan;
    await mkdir(image.cacheDir, { recursive: true });
    if (!(await exists(image.vkmsKo))) await buildCached(image.vkmsKo, keys.vkmsKo, log, 'vkms.ko', (out) => buildVkms(image.abi, out, log));
    if (!(await exists(image.initrd))) await buildCached(image.initrd, keys.initrd, log, 'the initramfs', (out) => buildInitrd(image.abi, out));
    if (ARCH.extractVmlinux && !(await exists(plan.vmlinux)) && !(await exists(`${plan.vmlinux}.unavailable`))) {
      const ok = await buildCached(plan.vmlinux, keys.kernel, log, 'vmlinux', (out) => extractVmlinux(`/boot/vmlinuz-${image.abi}`, out));
      if (!ok) await writeFile(`${plan.vmlinux}.unavailable`, 'no uncompressed ELF kernel with a PVH entry in the bzImage; booting the bzImage\n');
    }
    image.kernel = (await exists(plan.vmlinux)) ? plan.vmlinux : `/boot/vmlinuz-${image.abi}`;
    for (const name of await readdir(root)) { // kernels removed from the host
      if (!name.startsWith('.') && name !== image.abi && !(await exists(`/lib/modules/${name}`))) await rm(path.join(root, name), { recursive: true, force: true });
    }
    log(`ready: kernel ${image.abi}, cache ${image.cacheDir}`);
    return touch(image);
  });
}

// ---------------------------------------------------------------------------------------------
// Planning: which kernel, which packages, which cache files.

/**
 * @param {string} root
 * @returns {Promise<{ missingPackages: string[], ready: boolean, image: VmImage, vmlinux: string,
 *   keys: Record<'vkmsKo' | 'initrd' | 'kernel', string> }>}
 */
async function planImage(root) {
  const abi = (await pickKernel()) ?? (await candidateAbi());
  const missingPackages = await findMissingPackages(requiredPackages(abi));
  const cacheDir = path.join(root, abi ?? 'unknown');
  /** @type {VmImage} */
  const image = { abi: abi ?? '', kernel: '', initrd: '', vkmsKo: '', cacheDir };
  const keys = { vkmsKo: '', initrd: '', kernel: '' };
  if (missingPackages.length > 0 || abi === null || !(await exists(`/lib/modules/${abi}`))) {
    return { missingPackages: missingPackages.length > 0 ? missingPackages : [ARCH.kernelPackage], ready: false, image, vmlinux: '', keys };
  }
  const mm = majorMinor(abi);
  keys.vkmsKo = await recipeKey(buildVkms, patchSource, WRITEBACK_FIX.find.source, WRITEBACK_FIX.replace,
    await fileStamp(`/usr/src/linux-source-${mm}.tar.xz`), await fileStamp(`/usr/src/linux-headers-${abi}/Module.symvers`));
  // modules.dep is rewritten (depmod) whenever the kernel's modules change.
  keys.initrd = await recipeKey(buildInitrd, moduleClosure, newcArchive, INITRD_MODULES, await readFile(INIT_SCRIPT, 'utf8'),
    await fileStamp('/bin/busybox'), await fileStamp(`/lib/modules/${abi}/modules.dep`));
  keys.kernel = await recipeKey(extractVmlinux, hasPvhEntry, await fileStamp(`/boot/vmlinuz-${abi}`));
  image.vkmsKo = path.join(cacheDir, `vkms-${keys.vkmsKo}.ko`);
  image.initrd = path.join(cacheDir, `initrd-${keys.initrd}.cpio.gz`);
  const vmlinux = path.join(cacheDir, `vmlinux-${keys.kernel}`);
  const haveVmlinux = await exists(vmlinux);
  image.kernel = haveVmlinux ? vmlinux : `/boot/vmlinuz-${abi}`;
  const ready = (haveVmlinux || !ARCH.extractVmlinux || (await exists(`${vmlinux}.unavailable`))) && (await exists(image.vkmsKo)) && (await exists(image.initrd));
  return { missingPackages, ready, image, vmlinux, keys };
}

/** The newest kernel in /boot that the VM may boot (vm-arch.mjs) and has its modules installed, or null. */
async function pickKernel() {
  const names = await readdir('/boot').catch(() => /** @type {string[]} */ ([]));
  const abis = names.filter((n) => n.startsWith('vmlinuz-')).map((n) => n.slice('vmlinuz-'.length)).filter(ARCH.acceptsKernel);
  abis.sort(compareVersions).reverse();
  for (const abi of abis) if (await exists(`/lib/modules/${abi}/modules.dep`)) return abi;
  return null;
}

/** With no kernel installed: the ABI that linux-image-<arch> would install, or null. */
async function candidateAbi() {
  const result = await run('apt-cache', ['depends', '--important', ARCH.kernelPackage], { check: false });
  return /Depends: linux-image-(\d\S*)/.exec(result.stdout)?.[1] ?? null;
}

/** @param {string | null} abi */
function requiredPackages(abi) {
  if (abi === null) return [...BASE_PACKAGES, ARCH.kernelPackage];
  return [...BASE_PACKAGES, `linux-headers-${abi}`, `linux-source-${majorMinor(abi)}`];
}

/** @param {string[]} packages @returns {Promise<string[]>} the ones not installed */
async function findMissingPackages(packages) {
  const result = await run('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], { check: false }).catch(() => null);
  if (result === null) return []; // no dpkg: not Debian; missing tools fail later with their own errors
  const installed = new Set(result.stdout.split('\n').filter((l) => l.endsWith(' installed')).map((l) => l.split(' ')[0]));
  return packages.filter((p) => !installed.has(p));
}

/** @param {string[]} packages @param {boolean} sudo */
function aptCommand(packages, sudo) {
  return `${sudo ? 'sudo ' : ''}apt-get install --no-install-recommends ${packages.join(' ')}`;
}

/** @param {string[]} packages @param {Log} log */
async function installPackages(packages, log) {
  if (!isRoot()) throw new Error(aptCommand(packages, true));
  log(`installing ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', [...APT_LOCK, 'update', '-qq'], { env });
  await run('apt-get', [...APT_LOCK, 'install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
}

// ---------------------------------------------------------------------------------------------
// Builders. Each writes its output to the path it is given; buildCached moves it into place.

/**
 * @param {string} target @param {string} key @param {Log} log @param {string} what
 * @param {(out: string) => Promise<boolean | void>} build
 * @returns {Promise<boolean>} false when the builder declined (no file)
 */
async function buildCached(target, key, log, what, build) {
  log(`building ${what} (${path.basename(target)})`);
  const started = Date.now();
  const partial = `${target}.partial-${process.pid}`;
  try {
    if ((await build(partial)) === false) return false;
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  // Builds of the same file under other keys that nobody used for a while (another checkout may
  // still boot a recent one; prepareVm touches the files it returns).
  const prefix = path.basename(target).split(key)[0];
  for (const name of await readdir(path.dirname(target))) {
    const other = path.join(path.dirname(target), name);
    if (!name.startsWith(prefix) || name.includes(key)) continue;
    if (Date.now() - (await stat(other).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs > UNUSED_MS) await rm(other, { force: true });
  }
  log(`built ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** @param {string} abi @param {string} out @param {Log} log */
async function buildVkms(abi, out, log) {
  const mm = majorMinor(abi);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'planar-vkms-build-'));
  try {
    log(`unpacking drivers/gpu/drm/vkms from linux-source-${mm}.tar.xz`);
    await run('tar', ['-xJf', `/usr/src/linux-source-${mm}.tar.xz`, '-C', dir, '--strip-components=5',
      `linux-source-${mm}/drivers/gpu/drm/vkms`]);
    await patchSource(path.join(dir, WRITEBACK_FIX.file));
    await run('make', ['-s', '-C', `/usr/src/linux-headers-${abi}`, `M=${dir}`, 'CONFIG_DRM_VKMS=m', 'modules', `-j${os.availableParallelism()}`]);
    await run('strip', ['--strip-debug', path.join(dir, 'vkms.ko')]);
    await copyFile(path.join(dir, 'vkms.ko'), out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Applies WRITEBACK_FIX to `file`, failing when the source is not the one it was written for. */
async function patchSource(/** @type {string} */ file) {
  const source = await readFile(file, 'utf8');
  const patched = source.replace(WRITEBACK_FIX.find, WRITEBACK_FIX.replace);
  if (patched === source || (patched.match(/possible_clones =/g) ?? []).length !== 2) {
    throw new Error(`the writeback fix did not apply to ${WRITEBACK_FIX.file} (the vkms sources differ from the ones ` +
      'it was written for); update WRITEBACK_FIX in test/kms/vm-image.mjs');
  }
  await writeFile(file, patched);
}

/**
 * Cuts the compressed payload out of the bzImage (its setup header says where), decompresses it
 * and keeps it when it is an ELF kernel with a PVH entry note.
 * @param {string} bzImage @param {string} out @returns {Promise<boolean>}
 */
async function extractVmlinux(bzImage, out) {
  const image = await readFile(bzImage);
  if (image.toString('latin1', 0x202, 0x206) !== 'HdrS' || image.readUInt16LE(0x206) < 0x208) return false;
  const setupSectors = image[0x1f1] || 4;
  const start = (setupSectors + 1) * 512 + image.readUInt32LE(0x248);
  const payload = image.subarray(start, start + image.readUInt32LE(0x24c));
  if (payload.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) {
    const result = await run('xz', ['--decompress', '--stdout', '--single-stream'], { input: payload, stdoutFile: out, check: false });
    if (result.code !== 0) return false;
  } else if (payload[0] === 0x1f && payload[1] === 0x8b) {
    await writeFile(out, await promisify(gunzip)(payload));
  } else {
    return false; // zstd, lz4, ...: boot the bzImage
  }
  return hasPvhEntry(out);
}

/** Whether an ELF64 file has the Xen PHYS32_ENTRY note qemu needs to boot it directly. */
async function hasPvhEntry(/** @type {string} */ file) {
  const handle = await open(file, 'r');
  try {
    const read = async (/** @type {number} */ at, /** @type {number} */ length) => {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, at);
      return buffer.subarray(0, bytesRead);
    };
    const header = await read(0, 64);
    if (header.length < 64 || header.readUInt32BE(0) !== 0x7f454c46 || header[4] !== 2) return false;
    const phoff = Number(header.readBigUInt64LE(0x20));
    const phentsize = header.readUInt16LE(0x36);
    for (let i = 0; i < header.readUInt16LE(0x38); i++) {
      const ph = await read(phoff + i * phentsize, phentsize);
      if (ph.readUInt32LE(0) !== 4) continue; // PT_NOTE
      const notes = await read(Number(ph.readBigUInt64LE(8)), Number(ph.readBigUInt64LE(0x20)));
      for (let at = 0; at + 12 <= notes.length;) {
        const nameSize = notes.readUInt32LE(at), descSize = notes.readUInt32LE(at + 4), type = notes.readUInt32LE(at + 8);
        const name = notes.toString('latin1', at + 12, at + 12 + nameSize);
        if (name === 'Xen\0' && type === 18) return true; // XEN_ELFNOTE_PHYS32_ENTRY
        at += 12 + align4(nameSize) + align4(descSize);
      }
    }
    return false;
  } finally {
    await handle.close();
  }
}

/** @param {string} abi @param {string} out */
async function buildInitrd(abi, out) {
  const applets = (await run('/bin/busybox', ['--list'])).stdout.split('\n').filter((a) => a && a !== 'busybox');
  const modules = await moduleClosure(abi);
  /** @type {NewcEntry[]} */
  const entries = [
    ...['bin', 'dev', 'proc', 'sys', 'share', 'host', 'rw', 'newroot', 'lib', 'lib/modules'].map((name) => ({ name, mode: 0o40755 })),
    { name: 'dev/console', mode: 0o20600, rdev: [5, 1] },
    { name: 'bin/busybox', mode: 0o100755, data: await readFile('/bin/busybox') },
    ...applets.map((a) => ({ name: `bin/${a}`, mode: 0o120777, data: Buffer.from('busybox') })),
    { name: 'init', mode: 0o100755, data: await readFile(INIT_SCRIPT) },
    { name: 'lib/modules/order', mode: 0o100644, data: Buffer.from(modules.map((m) => `${path.basename(m.file)}\n`).join('')) },
  ];
  for (const m of modules) entries.push({ name: `lib/modules/${path.basename(m.file)}`, mode: 0o100644, data: await readFile(m.file) });
  await writeFile(out, await promisify(gzip)(newcArchive(entries), { level: 1 }));
}

/**
 * INITRD_MODULES and everything they depend on, dependencies first (modinfo -k ABI).
 * @param {string} abi @returns {Promise<{ name: string, file: string }[]>}
 */
async function moduleClosure(abi) {
  /** @type {{ name: string, file: string }[]} */
  const order = [];
  const seen = new Set();
  const visit = async (/** @type {string} */ name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const file = (await run('modinfo', ['-k', abi, '-n', name])).stdout.trim();
    if (file === '(builtin)' || file === '') return;
    const depends = (await run('modinfo', ['-k', abi, '-F', 'depends', name])).stdout.trim();
    for (const dep of depends.split(',').filter(Boolean)) await visit(dep);
    if (file.endsWith('.ko')) order.push({ name, file });
    else throw new Error(`module ${name} is ${file}; only uncompressed .ko files are supported`);
  };
  for (const name of INITRD_MODULES) await visit(name);
  return order;
}

/**
 * @typedef {{ name: string, mode: number, data?: Buffer, rdev?: [number, number] }} NewcEntry
 * @param {NewcEntry[]} entries @returns {Buffer} a "newc" (SVR4, no CRC) cpio archive
 */
function newcArchive(entries) {
  /** @type {Buffer[]} */
  const parts = [];
  const pad = (/** @type {number} */ n) => { if (n % 4) parts.push(Buffer.alloc(4 - (n % 4))); };
  [...entries, { name: 'TRAILER!!!', mode: 0 }].forEach((entry, index) => {
    const data = entry.data ?? Buffer.alloc(0);
    const name = Buffer.from(`${entry.name}\0`);
    const fields = [index + 1, entry.mode, 0, 0, entry.mode & 0o40000 ? 2 : 1, 0, data.length, 0, 0,
      entry.rdev?.[0] ?? 0, entry.rdev?.[1] ?? 0, name.length, 0];
    const header = Buffer.from(`070701${fields.map((f) => f.toString(16).padStart(8, '0')).join('')}`);
    parts.push(header, name);
    pad(header.length + name.length);
    parts.push(data);
    pad(data.length);
  });
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/**
 * Runs a command without blocking; rejects on a non-zero exit unless `check` is false.
 * @param {string} cmd @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, input?: Buffer, stdoutFile?: string, check?: boolean }} [options]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export async function run(cmd, args, { env, input, stdoutFile, check = true } = {}) {
  const out = stdoutFile ? await open(stdoutFile, 'w') : null;
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(cmd, args, { env, stdio: [input ? 'pipe' : 'ignore', out ? out.fd : 'pipe', 'pipe'] });
      let stdout = '', stderr = '';
      child.stdout?.setEncoding('utf8').on('data', (d) => { stdout += d; });
      child.stderr?.setEncoding('utf8').on('data', (d) => { stderr = (stderr + d).slice(-16384); });
      child.stdin?.on('error', () => {}).end(input);
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0 || !check) return resolve({ code, stdout, stderr });
        reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code})\n${stderr}`.trimEnd()));
      });
    });
  } finally {
    await out?.close();
  }
}

/**
 * Runs `body` holding an exclusive lock file. A lock left by a process that no longer runs is
 * taken over.
 * @template T @param {string} file @param {Log} log @param {() => Promise<T>} body @returns {Promise<T>}
 */
async function withLock(file, log, body) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let announced = false; ;) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (holder > 0 && !isAlive(holder)) {
      await unlink(file).catch(() => {});
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file} (held by PID ${holder})`);
    if (!announced) log(`waiting for another build to finish (${file}, PID ${holder})`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    return await body();
  } finally {
    await unlink(file).catch(() => {});
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** A short hash of the recipe: function sources, strings and file stamps. @param {...unknown} parts */
async function recipeKey(...parts) {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${typeof part === 'function' ? part.toString() : String(part)}\0`);
  return hash.digest('hex').slice(0, 12);
}

/** "path size mtime" of a file, so an upgraded package changes the keys. @param {string} file */
async function fileStamp(file) {
  const s = await stat(file);
  return `${file} ${s.size} ${Math.round(s.mtimeMs)}`;
}

/** Marks the image's cached files as used now (see buildCached). @param {VmImage} image */
async function touch(image) {
  const now = new Date();
  for (const file of [image.vkmsKo, image.initrd, image.kernel]) if (file.startsWith(image.cacheDir)) await utimes(file, now, now).catch(() => {});
  return image;
}

/** @param {string} file */
async function exists(file) {
  return stat(file).then(() => true, () => false);
}

/** @param {string} abi e.g. 6.1.0-56-amd64 → 6.1 */
function majorMinor(abi) {
  return abi.split('.').slice(0, 2).join('.');
}

/** @param {string} a @param {string} b */
function compareVersions(a, b) {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** @param {number} n */
function align4(n) {
  return (n + 3) & ~3;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
