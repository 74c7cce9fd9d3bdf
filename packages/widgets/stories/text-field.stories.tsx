/** TextField empty, filled, with help, invalid, read-only, disabled and as a password. */
import { View } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { TextField } from '../src/index.js';

export default { title: 'Controls/TextField', sizes: [{ width: 280, height: 120 }] } satisfies StoryMeta;

const field = { width: 240 };

export const Empty: Story = () => <TextField label="Room" placeholder="Living room" style={field} />;

export const Filled: Story = () => <TextField label="Address" defaultValue="192.168.1.20" helperText="Address on the panel" style={field} />;

export const Invalid: Story = () => <TextField label="Code" defaultValue="12" invalid errorMessage="Four digits" style={field} />;

export const Password: Story = () => <TextField label="Password" password defaultValue="secret" style={field} />;

/** A read-only field and a disabled one, which cannot be edited for different reasons. */
export const ReadOnlyAndDisabled: Story = {
  render: () => (
    <View style={{ gap: 12 }}>
      <TextField label="Serial" defaultValue="PX-2044" readOnly style={field} />
      <TextField label="Heating" defaultValue="Off" disabled style={field} />
    </View>
  ),
  sizes: [{ width: 280, height: 200 }],
};
