/**
 * The builders of the KMS test VM's cached files (vm-image.mjs decides what to build, names it by
 * a hash of these functions' sources and inputs, and moves the result into the cache):
 *
 *   buildVkms       vkms.ko, out of tree from linux-source-X.Y with the writeback fix, against
 *                   linux-headers-<ABI>
 *   extractVmlinux  (x86_64) the ELF kernel cut out of the bzImage, kept when it has a PVH entry
 *   buildInitrd     busybox, the modules that reach the shared root, guest-init.sh as /init,
 *                   in a newc cpio archive written here
 *
 * Each writes its output to the path it is given.
 */
/** @typedef {(message: string) => void} Log */
import { copyFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const INIT_SCRIPT = path.join(HERE, 'guest-init.sh');

/** Modules the initramfs loads itself; their dependencies are added from modinfo. */
export const INITRD_MODULES = ['virtio_pci', '9pnet_virtio', '9p', 'overlay'];

/**
 * The writeback fix. vkms leaves `possible_clones` of its two encoders (the virtual output's
 * and the writeback connector's) at themselves, and drm_atomic_check_valid_clones() (in Debian's
 * 6.1 since 6.1.19x) then refuses every commit that routes the CRTC to both, which is every
 * writeback capture. Declaring the two encoders clones of each other makes those commits valid.
 */
export const WRITEBACK_FIX = {
  file: 'vkms_output.c',
  find: /(\t\twriteback = vkms_enable_writeback_connector\(vkmsdev\);\n)\t\tif \(writeback\)\n(\t\t\tDRM_ERROR\("Failed to init writeback connector\\n"\);\n)/,
  replace: '$1\t\tif (writeback) {\n$2\t\t} else {\n' +
    '\t\t\t/* Both encoders may drive the CRTC together (writeback captures the output). */\n' +
    '\t\t\tencoder->possible_clones = drm_encoder_mask(encoder) |\n' +
    '\t\t\t\tdrm_encoder_mask(&output->wb_connector.encoder);\n' +
    '\t\t\toutput->wb_connector.encoder.possible_clones = encoder->possible_clones;\n' +
    '\t\t}\n',
};

/** @param {string} abi @param {string} out @param {Log} log */
export async function buildVkms(abi, out, log) {
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
export async function patchSource(/** @type {string} */ file) {
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
export async function extractVmlinux(bzImage, out) {
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
export async function hasPvhEntry(/** @type {string} */ file) {
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
export async function buildInitrd(abi, out) {
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
export async function moduleClosure(abi) {
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
export function newcArchive(entries) {
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

/** @param {string} abi e.g. 6.1.0-56-amd64 → 6.1 */
export function majorMinor(abi) {
  return abi.split('.').slice(0, 2).join('.');
}

/** @param {number} n */
function align4(n) {
  return (n + 3) & ~3;
}
