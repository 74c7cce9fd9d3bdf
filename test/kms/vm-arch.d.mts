// Types of vm-arch.mjs.

/** What the KMS test VM is made of on one host architecture. */
export interface VmArch {
  /** Node's name of the architecture. */
  arch: 'x64' | 'arm64';
  /** The emulator binary, e.g. qemu-system-aarch64. */
  qemu: string;
  /** The Debian package that has it. */
  qemuPackage: string;
  /** -machine and -cpu arguments. */
  machine: string[];
  /** The guest's serial console device. */
  console: string;
  /** The Debian package that installs a kernel the VM can boot. */
  kernelPackage: string;
  /** Architecture-specific kernel parameters. */
  cmdline: string[];
  /** Whether the ELF vmlinux is cut out of the bzImage (x86 PVH boot). */
  extractVmlinux: boolean;
  /** Whether an installed kernel (its ABI, e.g. 6.1.0-56-arm64) may be the guest's. */
  acceptsKernel: (abi: string) => boolean;
}

/** The VM's make-up for an architecture (default: this host's); throws for one it does not support. */
export declare function vmArch(arch?: string): VmArch;

/** The guest kernel's command line for that make-up. */
export declare function kernelCmdline(vm: VmArch): string;
