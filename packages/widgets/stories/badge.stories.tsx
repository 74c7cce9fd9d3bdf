/** Badge counts (with their caps) and a named dot, each tone, and badges on icons. */
import { View } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { Badge, Icon, type BadgeTone } from '../src/index.js';

export default { title: 'Indicators/Badge', sizes: [{ width: 360, height: 72 }] } satisfies StoryMeta;

const row = { flexDirection: 'row', gap: 16, alignItems: 'center' } as const;
const TONES: BadgeTone[] = ['error', 'primary', 'tertiary', 'success', 'warning'];

export const Counts: Story = () => (
  <View style={row}>
    <Badge count={1} />
    <Badge count={12} />
    <Badge count={150} />
    <Badge count={1500} max={999} />
    <Badge label="Update ready" />
  </View>
);

export const Tones: Story = () => <View style={row}>{TONES.map((tone) => <Badge count={3} tone={tone} />)}</View>;

/** A count over a bell, and a dot (no count) over the settings icon. */
export const OnAnIcon: Story = () => (
  <View style={{ ...row, gap: 40, paddingTop: 8 }}>
    <View style={{ width: 32, height: 32, justifyContent: 'center', alignItems: 'center' }}>
      <Icon name="bell" />
      <View style={{ position: 'absolute', top: -2, left: 18, width: 40 }}><Badge count={4} /></View>
    </View>
    <View style={{ width: 32, height: 32, justifyContent: 'center', alignItems: 'center' }}>
      <Icon name="settings" />
      <View style={{ position: 'absolute', top: 4, left: 22, width: 40 }}><Badge /></View>
    </View>
  </View>
);
