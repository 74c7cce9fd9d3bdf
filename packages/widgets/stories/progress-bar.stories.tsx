/** ProgressBar empty, part way, full, without a label, and disabled. */
import { View, type Child } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { ProgressBar } from '../src/index.js';

export default { title: 'Indicators/ProgressBar', sizes: [{ width: 320, height: 200 }] } satisfies StoryMeta;

const Column = (props: { children: Child }) => <View style={{ alignSelf: 'stretch', gap: 14 }}>{props.children}</View>;

export const Values: Story = () => (
  <Column>
    <ProgressBar label="Download" value={0} showValue />
    <ProgressBar label="Download" value={40} showValue />
    <ProgressBar label="Download" value={100} showValue />
  </Column>
);

export const UnlabelledAndDisabled: Story = {
  render: () => (
    <Column>
      <ProgressBar value={65} />
      <ProgressBar label="Download" value={40} showValue disabled />
    </Column>
  ),
  sizes: [{ width: 320, height: 120 }],
};
