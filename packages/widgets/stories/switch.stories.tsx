/** Switch off, on and disabled, and a row read right to left. */
import { View } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { Switch } from '../src/index.js';

export default { title: 'Controls/Switch', sizes: [{ width: 240, height: 64 }] } satisfies StoryMeta;

export const Off: Story = () => <Switch label="Wi-Fi" />;

export const On: Story = () => <Switch label="Wi-Fi" defaultChecked />;

export const Disabled: Story = {
  render: () => (
    <View style={{ gap: 8 }}>
      <Switch label="Locked off" disabled />
      <Switch label="Locked on" disabled defaultChecked />
    </View>
  ),
  sizes: [{ width: 240, height: 112 }],
};

/** In Arabic the thumb of an "on" switch sits at the left and the label comes first from the right. */
export const RightToLeft: Story = { render: () => <Switch label="واي فاي" defaultChecked />, locale: 'ar' };
