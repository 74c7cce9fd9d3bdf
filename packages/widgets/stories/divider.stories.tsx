/** Divider full width, inset from the start, with spacing, and vertical between panes. */
import { View } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { Divider, ListItem } from '../src/index.js';

export default { title: 'Layout/Divider', sizes: [{ width: 400, height: 200 }] } satisfies StoryMeta;

export const FullInsetAndVertical: Story = () => (
  <View style={{ alignSelf: 'stretch', flexGrow: 1, flexDirection: 'row' }}>
    <View style={{ flexGrow: 1 }}>
      <ListItem icon="wifi" title="Wi-Fi" />
      <Divider inset={56} />
      <ListItem icon="bluetooth" title="Bluetooth" />
      <Divider />
      <ListItem icon="moon" title="Night mode" />
    </View>
    <Divider orientation="vertical" spacing={8} />
    <View style={{ width: 120 }}><ListItem title="Pane" /></View>
  </View>
);

/** In Arabic the inset is on the right, where the rows start. */
export const InsetRightToLeft: Story = {
  render: () => (
    <View style={{ alignSelf: 'stretch' }}>
      <ListItem icon="wifi" title="واي فاي" />
      <Divider inset={56} />
      <ListItem icon="bluetooth" title="بلوتوث" />
    </View>
  ),
  locale: 'ar',
  sizes: [{ width: 400, height: 150 }],
};
