/**
 * The device tiles, in as many columns as the layout chose for the room the grid has.
 */
import { For, View, useContext } from '@planar/toolkit';
import { DeviceTile } from './DeviceTile.js';
import type { HomeModel } from './model.js';
import { LayoutContext } from './theme.js';

export function DeviceGrid(props: { model: HomeModel }) {
  const layout = useContext(LayoutContext);
  return (
    <View
      testId="device-grid"
      style={{
        width: layout.grid.width,
        height: layout.grid.height,
        flexDirection: 'row',
        flexWrap: 'wrap',
        alignContent: 'flex-start',
        gap: layout.gap,
      }}
    >
      <For each={props.model.devices} key={(d) => d.id}>
        {(device) => <DeviceTile device={device} onToggle={(id) => props.model.toggle(id)} />}
      </For>
    </View>
  );
}
