/** errno numbers from the addon, as names and words a person can read, and what to do about them. */
import { getSystemErrorName } from 'node:util';

const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EBUSY: 'device busy',
  EINVAL: 'invalid argument: the driver does not take this configuration',
  ERANGE: 'a value is out of the range the driver takes',
  ENOSPC: 'no space (too many planes, or bandwidth)',
  ENOMEM: 'out of memory',
  ENOENT: 'an object it names no longer exists',
  ENODEV: 'the device is gone',
};

export function errnoName(errno: number): string {
  try {
    return getSystemErrorName(-Math.abs(errno));
  } catch {
    return `errno ${errno}`;
  }
}

export function describeErrno(errno: number): string {
  const name = errnoName(errno);
  return WORDS[name] ? `${name}, ${WORDS[name]}` : name;
}

export function openFailure(path: string, error: Error & { errno?: number }): string {
  if (error.errno === 13) return `cannot open ${path}: permission denied — add the user to the "video" group (sudo usermod -aG video $USER, then log in again), run as root, or run under a seat manager (seatd or logind)`;
  if (error.errno === 2) return `cannot open ${path}: no such device (set PLANAR_KMS_DEVICE to one of /dev/dri/card*)`;
  return error.message;
}

export function masterFailure(path: string, errno: number): string {
  if (errno === 16) {
    return `${path} is busy: another program is its DRM master (a compositor, a display manager, or another Planar app). Stop it, or start this app on a free virtual terminal`;
  }
  return `cannot become DRM master of ${path} (${describeErrno(errno)}): run as root on a virtual terminal, or under a seat manager (seatd or logind)`;
}

/**
 * Whether a TEST_ONLY commit that failed with `errno` is the kernel's answer "not this
 * configuration" (EINVAL, ERANGE). Any other errno is a failure of the device or of the request,
 * which says nothing about the planes and must be reported.
 */
export function isRefusal(errno: number): boolean {
  const name = errnoName(errno);
  return name === 'EINVAL' || name === 'ERANGE';
}

/** The message for a TEST_ONLY commit that failed with an errno that is not a refusal. */
export function testFailure(path: string, errno: number): string {
  return `a TEST_ONLY commit on ${path} failed with ${describeErrno(errno)}: that is an error, not the driver refusing ` +
    'a plane, so layers are composited in software until a test passes again; see the kernel log (dmesg) for the driver\'s reason, ' +
    'and run with PLANAR_DEBUG=kms to see the commits';
}
