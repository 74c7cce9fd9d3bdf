// Types of vm.mjs (and of prepareVm, which it re-exports from vm-image.mjs).

/** The cached files a VM boots from (see prepareVm). */
export interface VmImage {
  /** Kernel release of the guest, e.g. "6.1.0-56-amd64"; the same as its /lib/modules folder. */
  abi: string;
  /** The uncompressed vmlinux in the cache, or /boot/vmlinuz-<abi> when it could not be extracted. */
  kernel: string;
  /** The busybox initramfs (gzip'd newc cpio) whose /init is guest-init.sh. */
  initrd: string;
  /** vkms.ko built for `abi`, with the writeback fix. The guest sees it at the same path. */
  vkmsKo: string;
  /** ${XDG_CACHE_HOME:-~/.cache}/planar/vkms/<abi> */
  cacheDir: string;
}

export interface PrepareOptions {
  /** Progress messages (installing packages, building, waiting for another build). */
  log?: (message: string) => void;
}

/**
 * Installs missing Debian packages (as root; otherwise throws with the `sudo apt-get install ...`
 * command as its message) and builds vkms.ko, vmlinux and the initramfs once into the cache.
 * Parallel callers build once (a lock file); later calls return at once.
 */
export declare function prepareVm(options?: PrepareOptions): Promise<VmImage>;

export interface RunOptions {
  /** Program and arguments, run by bash (exec) as root in the guest. */
  command: string[];
  /** Working directory of the command (the same path in the guest). Default: process.cwd(). */
  cwd?: string;
  /**
   * Added to (and overriding) the host environment the command gets. DISPLAY, WAYLAND_DISPLAY and
   * XDG_RUNTIME_DIR of the host are never forwarded. The guest also sets PLANAR_VM=1 and
   * PLANAR_VKMS_KO (the path of vkms.ko, to reload it with other parameters).
   */
  env?: Record<string, string>;
  /** Host folders shared read-write at the same path; everything else is read-only with a throw-away overlay. Default: [cwd]. */
  rwDirs?: string[];
  /** vkms module parameters. Default: 'enable_overlay=1 enable_cursor=1 enable_writeback=1'. */
  vkmsParams?: string;
  /** Start systemd-udevd in the guest and settle the input and drm devices before the command (libinput needs it). */
  udev?: boolean;
  /** Extra modules to modprobe before the command (and before udev), e.g. ['uinput']. */
  modules?: string[];
  /** Whole VM run, boot included; qemu is killed after it. Default: 300000. */
  timeoutMs?: number;
  /** Guest RAM. Default: 1024. */
  memoryMb?: number;
  /** Guest vCPUs. Default: 1 (V8 is not reliable on two under multi-threaded TCG; see vm.mjs). */
  cpus?: number;
  /** Kills qemu and rejects with the signal's reason when aborted. */
  signal?: AbortSignal;
}

export interface RunResult {
  /** The command's exit status (125 if the working directory is missing in the guest). */
  status: number;
  stdout: string;
  stderr: string;
  /** The guest's serial console: kernel messages and "planar-vm: <step> <uptime>" lines. */
  console: string;
  /** qemu start to exit, in milliseconds. */
  wallMs: number;
}

export declare const DEFAULT_VKMS_PARAMS: string;

/**
 * Boots a VM with vkms loaded (/dev/dri/card0), runs the command in it and powers it off.
 * Rejects when the guest gives no exit status (the error holds whether it timed out, the qemu
 * output and the guest console) or when aborted.
 */
export declare function runInVm(image: VmImage, options: RunOptions): Promise<RunResult>;
