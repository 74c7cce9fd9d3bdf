/**
 * The Wi-Fi page: the networks in range, each with its signal strength (the Wi-Fi icon, fainter
 * with fewer bars), a lock when it is secured, and "Connected" on the one the panel uses. A tap
 * on an open network connects to it; a tap on a secured one opens a password field under it
 * (dots with an eye button, Enter labelled Go), whose submit connects after the model's short
 * delay or, for a wrong password, marks the field invalid with a message until it is edited. On a panel without
 * a physical keyboard the on-screen keyboard comes up for the field; the page keeps clear of
 * it (the viewport's bottom inset) so the field can be scrolled into view above it.
 */
import { Show, Text, View, signal, useI18n, useViewportInsets, type Child, type Signal } from '@planar/toolkit';
import { Icon, ListItem, ScrollView, TextField, useTheme } from '@planar/widgets';
import { SlideInScreen } from './SlideInScreen.js';
import type { Network, Wifi } from './wifi.js';

export interface WifiScreenProps {
  wifi: Wifi;
  /** Back was pressed (or Escape): the app starts the slide out. */
  onBack: () => void;
  /** Whether the screen is in place; turning false slides it out, after which `onClosed` runs. */
  shown: () => boolean;
  onClosed: () => void;
}

const OPACITY_BY_BARS = [0, 0.35, 0.55, 0.8, 1];

/** A network's row, and its password field while it is the one being joined. */
function NetworkRow(props: { wifi: Wifi; network: Network; joining: Signal<string | null> }): Child {
  const { wifi, network } = props;
  const { t } = useI18n();
  const theme = useTheme();
  const wrong = signal(false);
  const connected = () => wifi.connected.value === network.ssid;
  const status = () => {
    if (wifi.connecting.value === network.ssid) return t('wifi.connecting');
    if (connected()) return t('wifi.connected');
    return network.secured ? t('wifi.secured') : t('wifi.open');
  };
  const press = () => {
    if (connected()) return;
    if (!network.secured) void wifi.connect(network.ssid);
    else {
      wrong.value = false;
      props.joining.value = props.joining.peek() === network.ssid ? null : network.ssid;
    }
  };
  const submit = async (password: string) => {
    wrong.value = false;
    const result = await wifi.connect(network.ssid, password);
    if (result === 'wrong-password') wrong.value = true;
    else props.joining.value = null;
  };
  return (
    <View>
      <ListItem
        testId={`network-${network.ssid}`} title={network.ssid} subtitle={status} onPress={press}
        trailing={
          <View style={{ flexDirection: 'row', alignItems: 'center', gap: () => theme.spacing.sm }}>
            {network.secured ? <Icon name="lock" label={() => t('wifi.secured')} /> : null}
            <View style={{ opacity: OPACITY_BY_BARS[network.bars] }}>
              <Icon name="wifi" color={() => (connected() ? 'primary' : 'onSurfaceVariant')} />
            </View>
          </View>
        }
      />
      <Show when={() => props.joining.value === network.ssid}>
        <View style={{ paddingHorizontal: () => theme.spacing.lg, paddingBottom: () => theme.spacing.md }}>
          <TextField
            testId="wifi-password" label={() => t('wifi.password', { ssid: network.ssid })} password
            revealLabel={() => t('wifi.show')} enterKeyHint="go" onSubmit={(text) => void submit(text)} onChange={() => (wrong.value = false)}
            invalid={wrong} errorMessage={() => (wrong.value ? t('wifi.wrongPassword') : undefined)}
          />
        </View>
      </Show>
    </View>
  );
}

/**
 * @example
 * <WifiScreen wifi={model.wifi} shown={() => open.value} onBack={close} onClosed={unmount} />
 */
export function WifiScreen(props: WifiScreenProps): Child {
  const { t } = useI18n();
  const theme = useTheme();
  const insets = useViewportInsets();
  const joining = signal<string | null>(null);
  return (
    <SlideInScreen testId="wifi" title={() => t('wifi.title')} shown={props.shown} onBack={props.onBack} onClosed={props.onClosed}>
      <ScrollView
        testId="wifi-body" label={() => t('wifi.networks')} focusable={false}
        style={{ flexGrow: 1, flexShrink: 1, marginBottom: () => insets.value.bottom }}
        contentStyle={{ paddingTop: () => theme.spacing.sm, paddingBottom: () => theme.spacing.lg }}
      >
        <Text style={{ ...theme.typography('labelLarge'), color: () => theme.colors.onSurfaceVariant, paddingHorizontal: () => theme.spacing.lg }}>
          {() => t('wifi.networks')}
        </Text>
        {props.wifi.networks.map((network) => <NetworkRow wifi={props.wifi} network={network} joining={joining} />)}
      </ScrollView>
    </SlideInScreen>
  );
}
