/** Slider continuous, stepped, as a range, disabled and vertical. */
import { View, type Child } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { Slider } from '../src/index.js';

export default { title: 'Controls/Slider', sizes: [{ width: 320, height: 96 }] } satisfies StoryMeta;

const Column = (props: { children: Child }) => <View style={{ alignSelf: 'stretch', gap: 12, paddingTop: 12 }}>{props.children}</View>;

export const Continuous: Story = () => <Column><Slider label="Brightness" defaultValue={30} /></Column>;

export const Stepped: Story = () => <Column><Slider label="Volume" defaultValue={60} step={10} /></Column>;

export const Range: Story = () => <Column><Slider label="Comfort band" defaultValue={[20, 70]} /></Column>;

export const Disabled: Story = () => <Column><Slider label="Brightness" defaultValue={50} disabled /></Column>;

export const Vertical: Story = {
  render: () => <Slider label="Fan" orientation="vertical" defaultValue={40} step={20} style={{ height: 200 }} />,
  sizes: [{ width: 120, height: 240 }],
};
