/** SegmentedControl with text, with icons and a disabled segment, and disabled as a whole. */
import type { Story, StoryMeta } from '@planar/preview/stories';
import { SegmentedControl, type SegmentOption } from '../src/index.js';

export default { title: 'Controls/SegmentedControl', sizes: [{ width: 400, height: 80 }] } satisfies StoryMeta;

const ROTATIONS: SegmentOption<number>[] = [0, 90, 180, 270].map((deg) => ({ value: deg, label: `${deg}°` }));
const MODES: SegmentOption<string>[] = [
  { value: 'heat', label: 'Heat', icon: 'sun' }, { value: 'cool', label: 'Cool', icon: 'fan' }, { value: 'off', label: 'Off', icon: 'power', disabled: true },
];

export const Text: Story = () => <SegmentedControl label="Rotation" options={ROTATIONS} defaultValue={90} />;

export const IconsAndADisabledSegment: Story = () => <SegmentedControl label="Mode" options={MODES} defaultValue="heat" />;

export const Disabled: Story = () => <SegmentedControl label="Rotation" options={ROTATIONS} defaultValue={180} disabled />;
