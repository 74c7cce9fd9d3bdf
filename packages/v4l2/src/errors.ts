/**
 * Device errors as a person can act on them: which device, while doing what, the system's
 * reason, and what to do. `lost` marks the errors that mean the device is gone (unplugged, its
 * driver removed), as opposed to one that refused something.
 */
const ENOENT = 2, EIO = 5, ENXIO = 6, EACCES = 13, EBUSY = 16, ENODEV = 19, EPERM = 1;

export type DeviceError = Error & { errno?: number; lost: boolean };

export function deviceError(device: string, doing: string, cause: Error & { errno?: number }): DeviceError {
  const errno = cause.errno;
  const lost = errno === ENODEV || errno === ENXIO || errno === EIO;
  const hint = errno === ENOENT ? ' — is the camera plugged in? v4l2-ctl --list-devices lists the capture devices'
    : errno === EACCES || errno === EPERM ? ' — add the user to the "video" group (then log in again)'
    : errno === EBUSY ? ' — another program is using it; close that program first'
    : lost ? ' — the device was unplugged or its driver removed; the video shows again once it is back and the source is made again'
    : '';
  return Object.assign(new Error(`V4L2 source ${device}, ${doing}: ${cause.message}${hint}`, { cause }), { errno, lost });
}
