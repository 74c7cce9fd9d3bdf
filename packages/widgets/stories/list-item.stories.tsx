/** ListItem as settings rows: with a switch, a value, a chevron, disabled, and a title cut at its end. */
import { Text, View } from '@planar/toolkit';
import type { Story, StoryMeta } from '@planar/preview/stories';
import { Divider, Icon, ListItem, Switch, useTheme } from '../src/index.js';

export default { title: 'Lists/ListItem', sizes: [{ width: 400, height: 320 }] } satisfies StoryMeta;

function Value(props: { children: string }) {
  const theme = useTheme();
  return <Text style={{ ...theme.typography('bodyMedium'), color: () => theme.colors.onSurfaceVariant }}>{props.children}</Text>;
}

export const SettingsRows: Story = () => (
  <View style={{ alignSelf: 'stretch' }}>
    <ListItem icon="wifi" title="Wi-Fi" subtitle="home-5G · connected" trailing={<Switch label="Wi-Fi" hideLabel defaultChecked />} />
    <Divider inset={56} />
    <ListItem icon="thermometer" title="Temperature unit" trailing={<Value>°C</Value>} />
    <Divider inset={56} />
    <ListItem icon="brightness" title="Display" subtitle="Brightness, rotation, night mode" onPress={() => {}} trailing={<Icon name="chevron-right" />} />
    <Divider inset={56} />
    <ListItem icon="lock" title="Installer settings" subtitle="Needs an installer code" onPress={() => {}} disabled trailing={<Icon name="chevron-right" />} />
  </View>
);

export const LongTitle: Story = {
  render: () => <View style={{ alignSelf: 'stretch' }}><ListItem title="No icon, a long title that does not fit the row and is cut at its end" /></View>,
  sizes: [{ width: 400, height: 96 }],
};
