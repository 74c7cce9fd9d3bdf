/** Loads in flight (images, fonts), so that tests can wait until everything has arrived. */
const pending = new Set<Promise<unknown>>();

/** Tracks an asynchronous load until it settles. */
export function trackLoad<T>(p: Promise<T>): Promise<T> {
  pending.add(p);
  p.finally(() => pending.delete(p)).catch(() => {});
  return p;
}

/** Resolves when no tracked load is in flight (including loads started meanwhile). */
export async function loadsSettled(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}
