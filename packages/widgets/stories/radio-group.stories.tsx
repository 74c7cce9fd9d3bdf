/** RadioGroup across and down, with a disabled option, and disabled as a whole. */
import type { Story, StoryMeta } from '@planar/preview/stories';
import { RadioGroup, type RadioOption } from '../src/index.js';

const ROTATIONS: RadioOption<number>[] = [0, 90, 180, 270].map((deg) => ({ value: deg, label: `${deg}°` }));
const MODES: RadioOption<string>[] = [
  { value: 'auto', label: 'Automatic' }, { value: 'eco', label: 'Eco' }, { value: 'boost', label: 'Boost (installer only)', disabled: true },
];

export default { title: 'Controls/RadioGroup', sizes: [{ width: 420, height: 100 }] } satisfies StoryMeta;

export const Horizontal: Story = () => <RadioGroup label="Rotation" orientation="horizontal" options={ROTATIONS} defaultValue={90} />;

export const Vertical: Story = {
  render: () => <RadioGroup label="Mode" options={MODES} defaultValue="eco" />,
  sizes: [{ width: 320, height: 200 }],
};

export const Disabled: Story = () => <RadioGroup label="Rotation" orientation="horizontal" options={ROTATIONS} defaultValue={180} disabled />;
