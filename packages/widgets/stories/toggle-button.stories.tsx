/** ToggleButton off and on, icon-only, and disabled. */
import { View } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { ToggleButton } from '../src/index.js';

export default { title: 'Controls/ToggleButton', sizes: [{ width: 400, height: 80 }] } satisfies StoryMeta;

const row = { flexDirection: 'row', gap: 12, alignItems: 'center' } as const;

export const OffAndOn: Story = () => (
  <View style={row}>
    <ToggleButton label="Boost" icon="fan" />
    <ToggleButton label="Boost" icon="fan" defaultChecked />
  </View>
);

export const IconOnly: Story = () => (
  <View style={row}>
    <ToggleButton label="Mute" icon="volume" checkedIcon="mute" iconOnly />
    <ToggleButton label="Mute" icon="volume" checkedIcon="mute" iconOnly defaultChecked />
  </View>
);

export const Disabled: Story = () => (
  <View style={row}>
    <ToggleButton label="Away" disabled />
    <ToggleButton label="Away" disabled defaultChecked />
  </View>
);
