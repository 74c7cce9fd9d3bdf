/** Card in each variant, pressable, and disabled. */
import { View } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { Caption, Card, Heading, type CardVariant } from '../src/index.js';

export default { title: 'Surfaces/Card', sizes: [{ width: 600, height: 160 }] } satisfies StoryMeta;

const VARIANTS: CardVariant[] = ['elevated', 'filled', 'outlined'];

function Body(props: { title: string; detail: string }) {
  return (
    <View style={{ gap: 4 }}>
      <Heading level={3}>{props.title}</Heading>
      <Caption>{props.detail}</Caption>
    </View>
  );
}

export const Variants: Story = () => (
  <View style={{ flexDirection: 'row', gap: 16 }}>
    {VARIANTS.map((variant) => <Card variant={variant} style={{ width: 170 }}><Body title={variant} detail="21.5 °C · heating" /></Card>)}
  </View>
);

export const PressableAndDisabled: Story = () => (
  <View style={{ flexDirection: 'row', gap: 16 }}>
    <Card style={{ width: 200 }} onPress={() => {}}><Body title="Living room" detail="Tap to open" /></Card>
    <Card style={{ width: 200 }} onPress={() => {}} disabled><Body title="Garage" detail="Sensor offline" /></Card>
  </View>
);
