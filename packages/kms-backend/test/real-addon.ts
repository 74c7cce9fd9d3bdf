/** The built KMS addon for tests that drive it without a device, or null (with the reason printed) when it is not built. */
import { loadAddon, type Addon } from '../src/native.js';

export function realAddonOrSkip(suite: string): Addon | null {
  try {
    return loadAddon();
  } catch (error) {
    console.warn(`${suite}: skipped: ${(error as Error).message}`);
    return null;
  }
}
