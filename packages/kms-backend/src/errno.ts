/** errno numbers from the addon, as names and words a person can read. */
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
