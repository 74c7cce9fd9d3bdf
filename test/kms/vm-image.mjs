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
 *      what they depend on) and guest-init.sh as /init, in a newc cpio archive.
 *
 * The builders of steps 3 to 5 are in vm-build.mjs.
 *
 * Every cached file is named by a hash of what it is made from: the recipe (the source of the
 * functions that build it, the fix, the init script) and the size and modification time of its
 * inputs. An edit or a package upgrade therefore builds a new file; old ones unused for a week
 * are deleted then, and so is the folder of a kernel no longer installed.
 * Builds hold a lock file, so parallel callers build once and the others wait.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { vmArch } from './vm-arch.mjs';
import {
  INITRD_MODULES, INIT_SCRIPT, WRITEBACK_FIX, buildInitrd, buildVkms, extractVmlinux, hasPvhEntry, majorMinor, moduleClosure,
  newcArchive, patchSource, run,
} from './vm-build.mjs';

export { run };

const ARCH = vmArch();
/** Packages the VM always needs (the kernel-specific ones are added by requiredPackages). */
const BASE_PACKAGES = [ARCH.qemuPackage, 'busybox-static', 'xz-utils', 'kmod', 'udev', 'make', 'gcc', 'binutils'];

const APT_LOCK = ['-o', 'DPkg::Lock::Timeout=600'];
const LOCK_WAIT_MS = 30 * 60_000;
/** Cached files under other keys are deleted when a build finds them unused for this long. */
const UNUSED_MS = 7 * 24 * 3600_000;


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
// Caching. The builders (vm-build.mjs) write to the path they are given; buildCached moves it into place.

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

// ---------------------------------------------------------------------------------------------
// Helpers.


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


/** @param {string} a @param {string} b */
function compareVersions(a, b) {
  return a.localeCompare(b, 'en', { numeric: true });
}


function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
