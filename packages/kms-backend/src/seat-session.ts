/**
 * Whether devices are opened through a seat manager, and the session when they are.
 *
 * Without root, always try (seatd, or logind in a login session; with neither the card is opened
 * directly and file permissions decide). As root, only when seatd runs (root can open the card
 * itself, and libseat's built-in fallback would take over the VT). PLANAR_SEAT_MANAGER=none
 * never uses one; =required fails when none answers. The seat starts disabled: devices may be
 * opened once the manager's first `enable` has arrived.
 */
import { existsSync } from 'node:fs';
import { BackendUnavailableError } from '@planar/toolkit/backend';
import type { Addon, NativeSeat } from './native.js';

const ENABLE_TIMEOUT_MS = 3000;

/** The session, or null when devices are opened directly; later events go to `onEvent`. */
export async function openSeatSession(addon: Addon, env: NodeJS.ProcessEnv, onEvent: (type: 'enable' | 'disable' | 'lost') => void): Promise<NativeSeat | null> {
  const choice = env.PLANAR_SEAT_MANAGER ?? 'auto';
  if (choice === 'none') return null;
  if (choice === 'auto' && process.getuid?.() === 0 && !existsSync('/run/seatd.sock')) return null;
  let enabled = false;
  let firstEnable!: () => void;
  const ready = new Promise<void>((resolve) => { firstEnable = resolve; });
  let seat: NativeSeat;
  try {
    seat = new addon.Seat((type) => {
      if (type === 'enable' && !enabled) {
        enabled = true;
        firstEnable();
      } else {
        onEvent(type);
      }
    });
  } catch (error) {
    if (choice === 'required') throw new BackendUnavailableError('kms', `PLANAR_SEAT_MANAGER=required, but ${(error as Error).message}: start seatd (and add the user to its group) or log in through logind`);
    return null;
  }
  let timer!: NodeJS.Timeout;
  const given = await Promise.race([ready.then(() => true), new Promise<boolean>((r) => { timer = setTimeout(() => r(false), ENABLE_TIMEOUT_MS); })]);
  clearTimeout(timer);
  if (!given) {
    seat.close();
    throw new BackendUnavailableError('kms', `the seat manager did not give this app the seat within ${ENABLE_TIMEOUT_MS / 1000} s (is another session active on it?)`);
  }
  return seat;
}
