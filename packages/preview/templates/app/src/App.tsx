/**
 * The app's one screen: a title, a counter with a button, and a switch for the dark theme.
 * Change anything here while `npm run dev` runs and the preview shows it on save.
 */
import { View, signal, type Child, type Signal } from '@planar/toolkit';
import { Button, Card, Heading, Label, Switch, ThemeProvider, darkTheme, lightTheme, useTheme } from '@planar/widgets';

export interface AppProps {
  /** Start in the dark theme (the switch changes it later). */
  dark?: boolean;
}

/**
 * The whole app, in its theme.
 * @example await createApp(() => <App />);
 */
export function App(props: AppProps): Child {
  const dark = signal(props.dark ?? false);
  return (
    <ThemeProvider theme={() => (dark.value ? darkTheme : lightTheme)}>
      <Panel dark={dark} />
    </ThemeProvider>
  );
}

function Panel(props: { dark: Signal<boolean> }): Child {
  const theme = useTheme();
  const presses = signal(0);
  const count = () => (presses.value === 1 ? 'Pressed once' : `Pressed ${presses.value} times`);
  return (
    <View style={{ flex: 1, padding: 32, gap: 24, backgroundColor: () => theme.colors.background }}>
      <Heading level={1}>Hello from Planar</Heading>
      <Card style={{ padding: 24, gap: 16, alignItems: 'flex-start' }}>
        <Label>{count}</Label>
        <Button label="Press me" onPress={() => presses.value++} />
      </Card>
      <Switch label="Dark theme" checked={props.dark} />
    </View>
  );
}
