/**
 * Testing by what a person perceives: queries by role, text and label; tapping, typing and
 * pressing keys on what they return; the semantics matchers; and what a failed query says.
 */
import { describe, expect, it } from 'vitest';
import { Text, View, signal, type Signal } from '@planar/toolkit';
import { mount } from './mount.js';

/** A hand-made switch: a box with the switch role whose press flips a signal. */
function Switch(props: { label: string; on: Signal<boolean>; disabled?: boolean }) {
  return (
    <View
      onPress={() => { if (!props.disabled) props.on.value = !props.on.value; }}
      style={{ width: 60, height: 30, margin: 4, backgroundColor: () => (props.on.value ? 'green' : 'gray') }}
      semantics={{ role: 'switch', label: props.label, checked: props.on, disabled: props.disabled }}
    />
  );
}

/** A one-line text field: focusable, appends typed text, Backspace deletes. */
function TextField(props: { label: string; text: Signal<string> }) {
  return (
    <View
      focusable
      style={{ width: 150, height: 24, borderWidth: 1, borderColor: 'black' }}
      onTextInput={(e) => { props.text.value += e.text; }}
      onKeyDown={(e) => { if (e.key === 'Backspace') props.text.value = props.text.value.slice(0, -1); }}
      semantics={{ role: 'textbox', label: props.label, value: () => props.text.value }}
    >
      <Text>{props.text}</Text>
    </View>
  );
}

describe('queries', () => {
  it('tapping the Wi-Fi switch found by role and name turns it on, and only it', async () => {
    const wifi = signal(false);
    const bluetooth = signal(false);
    const screen = await mount(() => (
      <View>
        <Switch label="Wi-Fi" on={wifi} />
        <Switch label="Bluetooth" on={bluetooth} />
      </View>
    ));
    const sw = screen.getByRole('switch', { name: 'Wi-Fi' });
    expect(sw).not.toBeChecked();
    await screen.tap(sw);
    expect(sw).toBeChecked();
    expect(screen.getByRole('switch', { name: 'Bluetooth' })).not.toBeChecked();
    expect(screen.getAllByRole('switch', { checked: true })).toEqual([sw]);
  });

  it('names match exactly (white space collapsed) or by RegExp; queryByRole is null when absent', async () => {
    const screen = await mount(() => (
      <View>
        <Switch label="  Wi-Fi   on boot " on={signal(true)} />
        <Switch label="Bluetooth" on={signal(false)} />
      </View>
    ));
    expect(screen.getByRole('switch', { name: 'Wi-Fi on boot' })).toHaveAccessibleName('Wi-Fi on boot');
    expect(screen.getByRole('switch', { name: /^blue/i })).toHaveAccessibleName(/tooth$/);
    expect(screen.queryByRole('switch', { name: 'Wi-Fi' })).toBeNull();
    expect(screen.queryByRole('slider')).toBeNull();
    expect(screen.getAllByRole('switch').map((s) => s.name)).toEqual(['Wi-Fi on boot', 'Bluetooth']);
  });

  it('getByText finds a Text to tap; the press reaches the button around it', async () => {
    let saved = 0;
    const screen = await mount(() => (
      <View onPress={() => saved++} style={{ padding: 10 }} semantics={{ role: 'button' }}>
        <Text>Save</Text>
      </View>
    ));
    await screen.tap(screen.getByText('Save'));
    expect(saved).toBe(1);
    expect(screen.getByRole('button', { name: 'Save' })).toBeVisible();
    expect(screen.text(screen.getByRole('button'))).toBe('Save');
  });

  it('getByLabel finds a node named by its label or labelledBy, not by its content', async () => {
    const screen = await mount(() => (
      <View>
        <Text testId="hour-caption">Night mode from</Text>
        <View semantics={{ role: 'spinbutton', labelledBy: 'hour-caption', value: { now: 22, min: 0, max: 23 } }} />
        <View onPress={() => {}} semantics={{ role: 'button' }}><Text>Restart</Text></View>
      </View>
    ));
    expect(screen.getByLabel('Night mode from')).toHaveValue({ now: 22, max: 23 });
    expect(screen.queryByLabel('Restart')).toBeNull();
  });

  it('find and pointer take a query result: its box in output pixels and its centre', async () => {
    const downs: number[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View
          style={{ position: 'absolute', left: 40, top: 50, width: 20, height: 10 }}
          onPointerDown={(e) => downs.push(e.outputX, e.outputY)}
          semantics={{ role: 'button', label: 'Mute' }}
        />
      </View>
    ));
    const mute = screen.getByRole('button', { name: 'Mute' });
    expect(screen.find(mute)).toEqual({ x: 40, y: 50, width: 20, height: 10 });
    await screen.pointer.down(mute);
    await screen.pointer.up(mute);
    expect(downs).toEqual([50, 55]);
  });

  it('type and key on a textbox found by label focus it first', async () => {
    const ssid = signal('');
    const screen = await mount(() => <TextField label="SSID" text={ssid} />);
    const field = screen.getByRole('textbox', { name: 'SSID' });
    expect(field).not.toHaveFocus();
    await screen.type(field, 'homr');
    expect(field).toHaveFocus();
    await screen.key(field, 'Backspace');
    await screen.type('e');
    expect(field).toHaveValue('home');
    expect(screen.getByText('home')).toBeVisible();
  });

  it('a node that cannot take focus cannot be typed into', async () => {
    const screen = await mount(() => <Switch label="Wi-Fi" on={signal(false)} />);
    await expect(screen.type(screen.getByRole('switch'), 'x')).rejects.toThrow(
      'type: switch "Wi-Fi" [unchecked] cannot take focus: neither it nor an ancestor is focusable (set focusable on it)');
  });
});

describe('hidden and disabled nodes', () => {
  it('a hidden node is not found, and the failure says it is hidden; hidden: true finds it', async () => {
    const shown = signal(false);
    const screen = await mount(() => (
      <View style={{ display: () => (shown.value ? 'flex' : 'none') }}>
        <Switch label="Wi-Fi" on={signal(false)} />
      </View>
    ));
    expect(() => screen.getByRole('switch', { name: 'Wi-Fi' })).toThrow(
      'getByRole: no switch named "Wi-Fi" (1 hidden: switch "Wi-Fi" [unchecked] — pass { hidden: true } to find it)');
    const hidden = screen.getByRole('switch', { name: 'Wi-Fi', hidden: true });
    expect(hidden).not.toBeVisible();
    shown.value = true;
    await screen.flush();
    expect(hidden).toBeVisible();
  });

  it('a transparent subtree is in the tree but not visible', async () => {
    const screen = await mount(() => (
      <View style={{ opacity: 0 }}><Text>Ghost</Text></View>
    ));
    expect(screen.getByText('Ghost')).not.toBeVisible();
  });

  it('a disabled switch is found, reads disabled, and a tap leaves it off', async () => {
    const on = signal(false);
    const screen = await mount(() => <Switch label="Airplane mode" on={on} disabled />);
    const sw = screen.getByRole('switch', { name: 'Airplane mode', disabled: true });
    expect(sw).toBeDisabled();
    await screen.tap(sw);
    expect(sw).not.toBeChecked();
    expect(screen.queryByRole('switch', { disabled: false })).toBeNull();
  });
});

describe('failure messages', () => {
  it('no match: says what was asked for and prints the tree', async () => {
    const screen = await mount(() => (
      <View>
        <Switch label="Bluetooth" on={signal(true)} />
        <Text>Network</Text>
      </View>
    ));
    expect(() => screen.getByRole('switch', { name: 'Wi-Fi' })).toThrow(
      'getByRole: no switch named "Wi-Fi"\nthe tree is:\nswitch "Bluetooth" [checked]\ntext "Network"');
    expect(() => screen.getByText(/wifi/i)).toThrow('getByText: no text /wifi/i\n');
    expect(() => screen.getByRole('swich' as 'switch')).toThrow('getByRole: unknown role "swich"; roles are button, checkbox, switch');
  });

  it('several matches: lists them and suggests narrowing the query', async () => {
    const screen = await mount(() => (
      <View>
        <Switch label="Wi-Fi" on={signal(true)} />
        <Switch label="Bluetooth" on={signal(false)} />
      </View>
    ));
    expect(() => screen.getByRole('switch')).toThrow(
      'getByRole: 2 nodes are switch: switch "Wi-Fi" [checked]; switch "Bluetooth" [unchecked] — narrow the query (name, states) or use getAllByRole');
  });

  it('a failed matcher names the node and its state', async () => {
    const screen = await mount(() => (
      <View>
        <Switch label="Wi-Fi" on={signal(false)} />
        <View semantics={{ role: 'slider', label: 'Volume', value: 30 }} />
        <Text>Plain</Text>
      </View>
    ));
    expect(() => expect(screen.getByRole('switch')).toBeChecked()).toThrow('expected switch "Wi-Fi" [unchecked] to be checked');
    expect(() => expect(screen.getByRole('slider')).toHaveValue(40)).toThrow('expected slider "Volume" value=30 to have value {"now":40}, it has {"now":30}');
    expect(() => expect(screen.getByText('Plain')).toBeChecked()).toThrow('toBeChecked: text "Plain" cannot be checked');
    expect(() => expect({ testId: 'x' }).toBeDisabled()).toThrow('toBeDisabled expects a node from a query such as screen.getByRole()');
  });

  it('a node gone from the screen says so when used', async () => {
    const shown = signal(true);
    const screen = await mount(() => (
      <View>{() => (shown.value ? <Switch label="Wi-Fi" on={signal(false)} /> : <Text>Off</Text>)}</View>
    ));
    const sw = screen.getByRole('switch');
    shown.value = false;
    await screen.flush();
    expect(sw).not.toBeVisible();
    await expect(screen.tap(sw)).rejects.toThrow('find: switch "Wi-Fi" [unchecked] is no longer on screen; query it again after the change');
  });
});
