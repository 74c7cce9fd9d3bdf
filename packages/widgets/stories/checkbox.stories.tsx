/** Checkbox unchecked, checked and mixed, enabled and disabled. */
import { View } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { Checkbox } from '../src/index.js';

export default { title: 'Controls/Checkbox', sizes: [{ width: 260, height: 160 }] } satisfies StoryMeta;

export const States: Story = () => (
  <View style={{ gap: 4 }}>
    <Checkbox label="Unchecked" />
    <Checkbox label="Checked" defaultChecked />
    <Checkbox label="Mixed" defaultChecked="mixed" />
  </View>
);

export const Disabled: Story = () => (
  <View style={{ gap: 4 }}>
    <Checkbox label="Disabled" disabled />
    <Checkbox label="Disabled checked" disabled defaultChecked />
    <Checkbox label="Disabled mixed" disabled defaultChecked="mixed" />
  </View>
);
