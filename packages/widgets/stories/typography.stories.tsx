/** The type scale: headings, labels and captions, in colour, and cut to one line. */
import { View } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { Caption, Heading, Label } from '../src/index.js';

export default { title: 'Text/Typography', sizes: [{ width: 320, height: 220 }] } satisfies StoryMeta;

export const Scale: Story = () => (
  <View style={{ gap: 8 }}>
    <Heading level={1}>Settings</Heading>
    <Heading level={2}>Display</Heading>
    <Heading level={3}>Night mode</Heading>
    <Label>Brightness</Label>
    <Caption>Updated 2 min ago</Caption>
  </View>
);

export const ColoursAndTruncation: Story = {
  render: () => (
    <View style={{ gap: 8 }}>
      <Label color="primary">Primary label</Label>
      <Caption color="error">Sensor offline</Caption>
      <View style={{ width: 160 }}><Caption maxLines={1}>A caption too long for its box is cut</Caption></View>
    </View>
  ),
  sizes: [{ width: 320, height: 120 }],
};
