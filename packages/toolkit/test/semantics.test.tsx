/**
 * The semantics tree: roles, names, values and states derived from props, kept current as
 * signals change, hidden and disabled nodes, bounds in output pixels, actions, and the change
 * stream a screen-reader bridge would listen to.
 */
import { describe, expect, it } from 'vitest';
import { Show, Text, View, createApp, signal, type SemanticsChange, type Signal } from '@planar/toolkit';
import { mount } from './mount.js';

/** A hand-made switch: a box with the switch role whose press flips a signal. */
function WifiSwitch(props: { on: Signal<boolean>; label?: string }) {
  return (
    <View
      onPress={() => { props.on.value = !props.on.value; }}
      style={{ width: 60, height: 30, backgroundColor: () => (props.on.value ? 'green' : 'gray') }}
      semantics={{ role: 'switch', label: props.label ?? 'Wi-Fi', checked: props.on }}
    />
  );
}

/** A slider as an assistive technology sees it: a value in a range, stepped by actions. */
function Volume(props: { level: Signal<number> }) {
  const step = (d: number) => { props.level.value = Math.max(0, Math.min(100, props.level.value + d)); };
  return (
    <View
      focusable
      style={{ width: 100, height: 20 }}
      semantics={{
        role: 'slider', label: 'Volume', value: () => ({ now: props.level.value, min: 0, max: 100, text: `${props.level.value} %` }),
        actions: ['increment', 'decrement'], onAction: (a) => step(a === 'increment' ? 10 : -10),
      }}
    />
  );
}

describe('the tree', () => {
  it('a settings panel prints as an indented tree of roles, names, states and values', async () => {
    const on = signal(true);
    const level = signal(30);
    const screen = await mount(() => (
      <View>
        <Text semantics={{ role: 'heading' }}>Settings</Text>
        <View semantics={{ role: 'group', label: 'Network' }}>
          <WifiSwitch on={on} />
          <View style={{ flexDirection: 'row' }}>
            <Text>Signal strong</Text>
          </View>
        </View>
        <Volume level={level} />
        <View onPress={() => {}} semantics={{ role: 'button' }}><Text>Save</Text></View>
      </View>
    ), { width: 300, height: 300 });
    expect(screen.tree()).toBe([
      'heading "Settings"',
      'group "Network"',
      '  switch "Wi-Fi" [checked]',
      '  text "Signal strong"',
      'slider "Volume" value=30 (0..100) text="30 %"',
      'button "Save"',
      '  text "Save"',
    ].join('\n'));
  });

  it('names: label first, then the text of the labelledBy node, then the content for roles named by it', async () => {
    const screen = await mount(() => (
      <View>
        <Text testId="caption">Night mode from</Text>
        <View semantics={{ role: 'spinbutton', labelledBy: 'caption', value: 22 }} />
        <View semantics={{ role: 'checkbox', label: 'Explicit', checked: false }}><Text>Ignored content</Text></View>
        <View semantics={{ role: 'radio', checked: 'mixed' }}><Text>Celsius</Text><Text semantics={{ hidden: true }}>(hidden)</Text></View>
        <View semantics={{ role: 'dialog' }}><Text>Content does not name a dialog</Text></View>
      </View>
    ));
    expect(screen.getByRole('spinbutton').name).toBe('Night mode from');
    expect(screen.getByRole('checkbox').name).toBe('Explicit');
    expect(screen.getByRole('radio').name).toBe('Celsius');
    expect(screen.getByRole('radio').states.checked).toBe('mixed');
    expect(screen.getByRole('dialog').name).toBe('');
  });

  it('signals behind label, value and checked: the tree reads them as they are now', async () => {
    const label = signal('Wi-Fi');
    const on = signal(false);
    const level = signal(30);
    const screen = await mount(() => (
      <View>
        <View semantics={() => ({ role: 'switch', label: label.value, checked: on.value })} />
        <Volume level={level} />
      </View>
    ));
    const wifi = screen.getByRole('switch', { name: 'Wi-Fi' });
    label.value = 'Wireless';
    on.value = true;
    level.value = 55;
    await screen.flush();
    expect(wifi.name).toBe('Wireless');
    expect(wifi).toBeChecked();
    expect(screen.getByRole('slider')).toHaveValue({ now: 55, text: '55 %' });
    expect(screen.queryByRole('switch', { name: 'Wi-Fi' })).toBeNull();
  });

  it('a subtree behind display: none leaves the tree and comes back when shown', async () => {
    const shown = signal(true);
    const screen = await mount(() => (
      <View>
        <View style={{ display: () => (shown.value ? 'flex' : 'none') }}>
          <WifiSwitch on={signal(false)} />
        </View>
        <Text>Always here</Text>
      </View>
    ));
    expect(screen.tree()).toBe('switch "Wi-Fi" [unchecked]\ntext "Always here"');
    shown.value = false;
    await screen.flush();
    expect(screen.tree()).toBe('text "Always here"');
    expect(screen.tree({ hidden: true })).toBe('switch "Wi-Fi" [unchecked] (hidden)\ntext "Always here"');
    shown.value = true;
    await screen.flush();
    expect(screen.getByRole('switch')).toBeVisible();
  });

  it('disabled: its own semantics, or inherited from a disabled group', async () => {
    const groupOff = signal(false);
    const screen = await mount(() => (
      <View>
        <View semantics={{ role: 'button', label: 'Reboot', disabled: true }} />
        <View semantics={{ role: 'radiogroup', label: 'Rotation', disabled: groupOff }}>
          <View semantics={{ role: 'radio', label: '0°', checked: true }} />
        </View>
      </View>
    ));
    expect(screen.getByRole('button', { name: 'Reboot' })).toBeDisabled();
    const radio = screen.getByRole('radio', { name: '0°' });
    expect(radio).not.toBeDisabled();
    groupOff.value = true;
    expect(radio).toBeDisabled();
    expect(screen.tree()).toContain('  radio "0°" [checked, disabled]');
  });

  it('the disabled prop of a box: its switch reads disabled, a tap and a press action change nothing', async () => {
    const locked = signal(true);
    const on = signal(false);
    const screen = await mount(() => (
      <View disabled={locked}>
        <WifiSwitch on={on} />
      </View>
    ));
    const wifi = screen.getByRole('switch', { name: 'Wi-Fi', disabled: true });
    await screen.tap(wifi);
    expect(wifi).not.toBeChecked();
    await expect(screen.act('press', wifi)).rejects.toThrow('it is disabled');
    locked.value = false;
    await screen.flush();
    expect(wifi).not.toBeDisabled();
    await screen.tap(wifi);
    expect(wifi).toBeChecked();
  });

  it('bounds are the border box in output pixels, through scale', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View style={{ position: 'absolute', left: 10, top: 20, width: 50, height: 30 }} semantics={{ role: 'img', label: 'Logo' }} />
      </View>
    ), { width: 200, height: 100, scale: 2 });
    expect(screen.getByRole('img', { name: 'Logo' }).bounds).toEqual({ x: 20, y: 40, width: 100, height: 60 });
  });
});

describe('actions', () => {
  it('increment and decrement run the slider\'s onAction; the value follows', async () => {
    const level = signal(30);
    const screen = await mount(() => <Volume level={level} />);
    const volume = screen.getByRole('slider', { name: 'Volume' });
    expect(volume.actions).toEqual(['increment', 'decrement', 'focus']);
    await screen.act('increment', volume);
    await screen.act('increment', volume);
    expect(volume).toHaveValue(50);
    await screen.act('decrement', volume);
    expect(volume).toHaveValue(40);
    await screen.act('focus', volume);
    expect(volume).toHaveFocus();
  });

  it('press runs onPress as a tap would', async () => {
    const on = signal(false);
    const screen = await mount(() => <WifiSwitch on={on} />);
    const wifi = screen.getByRole('switch', { name: 'Wi-Fi' });
    await screen.act('press', wifi);
    expect(wifi).toBeChecked();
    expect(on.value).toBe(true);
  });

  it('an action the node does not offer, or on a disabled node, fails naming what it offers', async () => {
    const screen = await mount(() => (
      <View>
        <WifiSwitch on={signal(false)} />
        <View onPress={() => {}} semantics={{ role: 'button', label: 'Reboot', disabled: true }} />
      </View>
    ));
    await expect(screen.act('increment', screen.getByRole('switch'))).rejects.toThrow(
      `cannot increment switch "Wi-Fi" [unchecked]: it offers press — list 'increment' in semantics.actions and handle it in semantics.onAction`);
    await expect(screen.act('press', screen.getByRole('button'))).rejects.toThrow('cannot press button "Reboot" [disabled]: it is disabled');
  });
});

describe('the change stream', () => {
  it('a subscriber hears the whole tree, then the fields a tap changed, then a removal', async () => {
    const on = signal(false);
    const shown = signal(true);
    const screen = await mount(() => (
      <View>
        <Show when={shown}><WifiSwitch on={on} /></Show>
        <Text>Network</Text>
      </View>
    ));
    const heard: SemanticsChange[][] = [];
    const stop = screen.semantics.subscribe((changes) => heard.push(changes));
    await screen.flush();
    expect(heard).toHaveLength(1);
    expect(heard[0]!.map((c) => (c.type === 'added' ? `${c.node.role} ${c.node.name}` : c.type))).toEqual(['switch Wi-Fi', 'text Network']);
    const wifiId = screen.getByRole('switch').id;

    heard.length = 0;
    await screen.tap(screen.getByRole('switch'));
    expect(heard.flat()).toEqual([expect.objectContaining({ type: 'changed', fields: ['states'], node: expect.objectContaining({ id: wifiId, states: { checked: true, disabled: false, focused: false } }) })]);

    heard.length = 0;
    shown.value = false;
    await screen.flush();
    // The switch goes, and the text below it moves up into its place.
    expect(heard.flat()).toEqual([
      { type: 'removed', id: wifiId },
      expect.objectContaining({ type: 'changed', fields: ['bounds'], node: expect.objectContaining({ name: 'Network', bounds: { x: 0, y: 0, width: 200, height: 16 } }) }),
    ]);

    // After unsubscribing nothing more is heard.
    stop();
    heard.length = 0;
    shown.value = true;
    await screen.flush();
    expect(heard).toEqual([]);
  });

  it('a change seen by semantics alone (a label signal nothing paints) is heard too', async () => {
    const label = signal('Wi-Fi');
    const screen = await mount(() => <View semantics={{ role: 'switch', label, checked: false }} />);
    const heard: SemanticsChange[] = [];
    screen.semantics.subscribe((changes) => heard.push(...changes));
    await screen.flush();
    heard.length = 0;
    label.value = 'Wireless';
    await Promise.resolve();
    expect(heard).toEqual([expect.objectContaining({ type: 'changed', fields: ['name'] })]);
  });
});

describe('a running app', () => {
  it('app.semantics is the tree a screen-reader bridge would follow, outside the testing API too', async () => {
    const on = signal(false);
    const app = await createApp(() => <View><WifiSwitch on={on} /></View>, { backend: 'headless', width: 200, height: 100 });
    try {
      const heard: SemanticsChange[][] = [];
      const stop = app.semantics.subscribe((changes) => heard.push(changes));
      expect(app.semantics.print()).toContain('switch "Wi-Fi"');
      const frame = () => new Promise((resolve) => { const off = app.on('frame', () => { off(); resolve(null); }); });
      on.value = true;
      await frame();
      await Promise.resolve();
      expect(heard.flat().map((c) => [c.type, c.type === 'removed' ? null : c.node.states.checked])).toContainEqual(['added', true]);
      heard.length = 0;
      on.value = false;
      await frame();
      await Promise.resolve();
      expect(heard.flat()).toEqual([expect.objectContaining({ type: 'changed', fields: ['states'], node: expect.objectContaining({ role: 'switch', states: expect.objectContaining({ checked: false }) }) })]);
      stop();
    } finally {
      await app.close();
    }
  });
});
