/**
 * A settings page drawn from theme tokens, to sit behind overlays in their state sheets.
 */
import { For, Text, View } from '@planar/toolkit';
import { useTheme } from '../src/index.js';

const ROWS = ['Brightness', 'Dark theme', 'Rotation', 'Temperature unit'];

export function Page() {
  const theme = useTheme();
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 8, backgroundColor: () => theme.colors.surface }}>
      <Text style={{ ...theme.typography('titleLarge'), color: () => theme.colors.onSurface }}>Settings</Text>
      <For each={ROWS}>{(row) => (
        <View style={{ height: 48, paddingHorizontal: 16, justifyContent: 'center', borderRadius: () => theme.radii.md, backgroundColor: () => theme.colors.surfaceContainer }}>
          <Text style={{ ...theme.typography('bodyLarge'), color: () => theme.colors.onSurface }}>{row}</Text>
        </View>
      )}</For>
    </View>
  );
}
