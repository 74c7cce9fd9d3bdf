/**
 * What the KMS test VM is made of on this host's architecture. The guest runs the host's own
 * kind of CPU under TCG, boots a Debian kernel installed on the host and reuses that kernel's
 * modules through the shared root; only these differ between architectures:
 *
 *   x64    qemu-system-x86_64 -machine pc (package qemu-system-x86), console ttyS0, any
 *          kernel in /boot with its modules (linux-image-amd64 installs one); the ELF vmlinux is
 *          cut out of the bzImage to boot through its PVH entry; `tsc=reliable` keeps the TSC as
 *          the clock source (TCG makes the vCPUs' TSCs look unsynchronized)
 *   arm64  qemu-system-aarch64 -machine virt (package qemu-system-arm), console ttyAMA0 (the
 *          virt machine's PL011), Debian's arm64 flavour only (`-arm64` ABIs, linux-image-arm64:
 *          a board vendor's kernel, such as a Pi's, has no matching linux-source to build vkms
 *          from and need not boot on virt); qemu boots its gzip'd Image as it is
 *
 * Both use `-cpu max`, the same virtio-9p shares and the same initramfs.
 */

/**
 * @typedef {{
 *   arch: 'x64' | 'arm64', qemu: string, qemuPackage: string, machine: string[], console: string,
 *   kernelPackage: string, cmdline: string[], extractVmlinux: boolean, acceptsKernel: (abi: string) => boolean,
 * }} VmArch
 */

/** @param {string} [arch] Node's name of the host architecture. @returns {VmArch} */
export function vmArch(arch = process.arch) {
  if (arch === 'x64') {
    return {
      arch, qemu: 'qemu-system-x86_64', qemuPackage: 'qemu-system-x86', machine: ['-machine', 'pc', '-cpu', 'max'],
      console: 'ttyS0', kernelPackage: 'linux-image-amd64', cmdline: ['tsc=reliable'], extractVmlinux: true,
      acceptsKernel: () => true,
    };
  }
  if (arch === 'arm64') {
    return {
      arch, qemu: 'qemu-system-aarch64', qemuPackage: 'qemu-system-arm', machine: ['-machine', 'virt', '-cpu', 'max'],
      console: 'ttyAMA0', kernelPackage: 'linux-image-arm64', cmdline: [], extractVmlinux: false,
      acceptsKernel: (abi) => abi.endsWith('-arm64'),
    };
  }
  throw new Error(`the KMS test VM runs on x86_64 (x64) and arm64 hosts; this one is ${arch}`);
}

/**
 * The guest kernel's command line. panic=-1 with qemu's -no-reboot: a guest panic (or an oops,
 * with oops=panic) ends qemu at once.
 * @param {VmArch} vm
 */
export function kernelCmdline(vm) {
  return [`console=${vm.console}`, 'quiet', 'loglevel=4', 'panic=-1', 'oops=panic', ...vm.cmdline].join(' ');
}
