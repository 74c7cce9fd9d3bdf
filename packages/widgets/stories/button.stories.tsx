/** Button in each variant, with an icon, and disabled. */
import { View } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { Button, type ButtonVariant } from '../src/index.js';

export default { title: 'Controls/Button', sizes: [{ width: 360, height: 96 }] } satisfies StoryMeta;

export const Filled: Story = () => <Button label="Save" />;

export const WithIcon: Story = () => <Button variant="tonal" label="Heat" icon="thermometer" />;

export const Disabled: Story = () => <Button label="Save" disabled />;

const VARIANTS: ButtonVariant[] = ['filled', 'tonal', 'outline', 'text'];

/** Every variant side by side, and the icon-only button, which names itself for assistive technology. */
export const Variants: Story = {
  render: () => (
    <View style={{ flexDirection: 'row', gap: 12, alignItems: 'center' }}>
      {VARIANTS.map((variant) => <Button variant={variant} label={variant} />)}
      <Button variant="icon" label="Settings" icon="settings" />
    </View>
  ),
  sizes: [{ width: 560, height: 80 }],
};
