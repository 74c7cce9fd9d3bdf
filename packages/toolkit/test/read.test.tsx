/** `read`: one way for a component to take a prop that may be a value, a signal or a getter. */
import { describe, expect, it } from 'vitest';
import { Text, View, read, signal, type Reactive } from '@planar/toolkit';
import { mount } from './mount.js';

function Badge(props: { testId: string; count: Reactive<number> }) {
  return <Text testId={props.testId}>{() => `${read(props.count)} new`}</Text>;
}

describe('read', () => {
  it('shows a plain value, a signal and a getter alike, and follows the signals they read', async () => {
    const mail = signal(2);
    const screen = await mount(() => (
      <View>
        <Badge testId="plain" count={7} />
        <Badge testId="signal" count={mail} />
        <Badge testId="getter" count={() => mail.value * 10} />
      </View>
    ));
    expect([screen.text({ testId: 'plain' }), screen.text({ testId: 'signal' }), screen.text({ testId: 'getter' })])
      .toEqual(['7 new', '2 new', '20 new']);
    mail.value = 3;
    await screen.flush();
    expect([screen.text({ testId: 'plain' }), screen.text({ testId: 'signal' }), screen.text({ testId: 'getter' })])
      .toEqual(['7 new', '3 new', '30 new']);
  });
});
