/**
 * The panel's Wi-Fi, simulated: a few networks in range with their signal strength, which of
 * them are secured, and the one the panel is connected to. Connecting takes a moment (on the
 * app's clock) and fails for a wrong password; the Wi-Fi page (WifiScreen.tsx) shows it all.
 */
import { signal, timeout, type ReadonlySignal } from '@planar/toolkit';

export interface Network {
  readonly ssid: string;
  /** 1 (weak) .. 4 (strong) bars. */
  readonly bars: 1 | 2 | 3 | 4;
  readonly secured: boolean;
}

export type ConnectResult = 'connected' | 'wrong-password';

export interface Wifi {
  readonly networks: readonly Network[];
  /** The ssid the panel is connected to, or null. */
  readonly connected: ReadonlySignal<string | null>;
  /** The ssid being connected to, or null. */
  readonly connecting: ReadonlySignal<string | null>;
  /**
   * Connects to `ssid` after CONNECT_DELAY_MS; a secured network needs its password ("wrong"
   * and anything shorter than eight characters are refused).
   */
  connect(ssid: string, password?: string): Promise<ConnectResult>;
}

/** How long a simulated connection takes, ms. */
export const CONNECT_DELAY_MS = 800;

const NETWORKS: readonly Network[] = [
  { ssid: 'Maple House', bars: 4, secured: true },
  { ssid: 'Maple Guest', bars: 3, secured: false },
  { ssid: 'Neighbour 5G', bars: 2, secured: true },
  { ssid: 'Cafe Corner', bars: 1, secured: false },
];

export function createWifi(): Wifi {
  const connected = signal<string | null>('Maple Guest');
  const connecting = signal<string | null>(null);
  const find = (ssid: string) => {
    const network = NETWORKS.find((n) => n.ssid === ssid);
    if (!network) throw new Error(`wifi.connect: no network "${ssid}" in range; networks: ${NETWORKS.map((n) => n.ssid).join(', ')}`);
    return network;
  };
  return {
    networks: NETWORKS,
    connected,
    connecting,
    connect(ssid, password = '') {
      const network = find(ssid);
      connecting.value = ssid;
      return new Promise((resolve) => {
        timeout(CONNECT_DELAY_MS, () => {
          connecting.value = null;
          if (network.secured && (password === 'wrong' || password.length < 8)) return resolve('wrong-password');
          connected.value = ssid;
          resolve('connected');
        });
      });
    },
  };
}
