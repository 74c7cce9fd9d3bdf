/**
 * The KMS test VM's make-up by host architecture (vm-arch.mjs). The arm64 choice cannot be booted
 * on these x86_64 machines, so what it selects is checked here as a table.
 */
import { describe, expect, it } from 'vitest';
import { kernelCmdline, vmArch } from './vm-arch.mjs';

describe('KMS VM by architecture', () => {
  it('x86_64-host: qemu-system-x86_64 -machine pc, ttyS0, any installed kernel, PVH vmlinux, tsc=reliable', () => {
    const vm = vmArch('x64');
    expect(vm).toMatchObject({ qemu: 'qemu-system-x86_64', qemuPackage: 'qemu-system-x86', machine: ['-machine', 'pc', '-cpu', 'max'], console: 'ttyS0', kernelPackage: 'linux-image-amd64', extractVmlinux: true });
    expect(vm.acceptsKernel('6.1.0-56-amd64')).toBe(true);
    expect(vm.acceptsKernel('6.1.0-56-cloud-amd64')).toBe(true);
    expect(kernelCmdline(vm)).toBe('console=ttyS0 quiet loglevel=4 panic=-1 oops=panic tsc=reliable');
  });

  it('arm64-host (a Pi 5): qemu-system-aarch64 -machine virt -cpu max, ttyAMA0, Debian\'s arm64 kernel only', () => {
    const vm = vmArch('arm64');
    expect(vm).toMatchObject({ qemu: 'qemu-system-aarch64', qemuPackage: 'qemu-system-arm', machine: ['-machine', 'virt', '-cpu', 'max'], console: 'ttyAMA0', kernelPackage: 'linux-image-arm64', extractVmlinux: false });
    expect(vm.acceptsKernel('6.1.0-56-arm64')).toBe(true);
    // Raspberry Pi OS's own kernels: no linux-source to build vkms from, and made for the board, not for virt.
    expect(vm.acceptsKernel('6.6.51+rpt-rpi-2712')).toBe(false);
    expect(vm.acceptsKernel('6.6.51+rpt-rpi-v8')).toBe(false);
    expect(kernelCmdline(vm)).toBe('console=ttyAMA0 quiet loglevel=4 panic=-1 oops=panic');
  });

  it('other-host: says which architectures the VM runs on', () => {
    expect(() => vmArch('riscv64')).toThrow('the KMS test VM runs on x86_64 (x64) and arm64 hosts; this one is riscv64');
  });
});
