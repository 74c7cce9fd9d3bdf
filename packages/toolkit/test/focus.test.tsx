/**
 * Focus navigation: Tab in reading order, trapped scopes, arrows in 2-D, an encoder's navigate
 * and edit modes, the focus ring after keys only, and presses that keep focus where it is.
 */
import { describe, expect, it } from 'vitest';
import { FocusScope, Show, Text, View, signal, useInteraction, type NodeHandle } from '@planar/toolkit';
import { mount } from './mount.js';

const abs = (left: number, top: number, width: number, height: number) =>
  ({ position: 'absolute', left, top, width, height }) as const;

/** A focusable box that logs when it takes focus, by name. */
function Item(props: { name: string; log: string[]; left: number; top: number; width?: number; height?: number; disabled?: boolean; hidden?: boolean; editable?: boolean; onKeyDown?: (e: { key: string; preventDefault(): void }) => void; onPress?: () => void }) {
  return (
    <View testId={props.name} focusable disabled={props.disabled} editable={props.editable} onKeyDown={props.onKeyDown} onPress={props.onPress}
      style={{ ...abs(props.left, props.top, props.width ?? 40, props.height ?? 30), display: props.hidden ? 'none' : 'flex' }}
      onFocus={() => props.log.push(props.name)} />
  );
}

describe('Tab', () => {
  it('tab-order-follows-reading-order', async () => {
    const log: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        {/* Placed right to left, written left to right: the order is the written one. */}
        <Item name="first" log={log} left={150} top={10} />
        <View style={abs(0, 50, 200, 100)}>
          <Item name="second" log={log} left={100} top={0} />
          <Item name="off" log={log} left={0} top={0} disabled />
          <Item name="gone" log={log} left={0} top={40} hidden />
        </View>
        <Item name="third" log={log} left={10} top={10} />
      </View>
    ));
    for (let i = 0; i < 4; i++) await screen.key('Tab');
    expect(log).toEqual(['first', 'second', 'third', 'first']);
    log.length = 0;
    await screen.key('Tab', { shift: true });
    await screen.key('Tab', { shift: true });
    expect(log).toEqual(['third', 'second']);
  });

  it('trapped-scope-cycles', async () => {
    const log: string[] = [];
    const open = signal(false);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Item name="open dialog" log={log} left={10} top={10} onPress={() => { open.value = true; }} />
        <Item name="behind" log={log} left={60} top={10} />
        <Show when={open}>
          <FocusScope trapped autoFocus style={abs(20, 60, 160, 100)}>
            <Text style={{ fontSize: 12 }}>Restart the panel?</Text>
            <Item name="restart" log={log} left={10} top={50} />
            <Item name="cancel" log={log} left={60} top={50} onPress={() => { open.value = false; }} />
          </FocusScope>
        </Show>
      </View>
    ));
    await screen.tap({ testId: 'open dialog' });
    expect(log).toEqual(['open dialog', 'restart']);
    await screen.key('Tab');
    await screen.key('Tab');
    await screen.key('Tab', { shift: true });
    await screen.key('Tab', { shift: true });
    expect(log.slice(2)).toEqual(['cancel', 'restart', 'cancel', 'restart']);
    // Closed: focus goes back to the button that opened it.
    await screen.tap({ testId: 'cancel' });
    await screen.flush();
    expect(log.slice(6)).toEqual(['cancel', 'open dialog']);
  });

  it('with-focus-outside-an-open-trapped-scope-tab-enters-it', async () => {
    const log: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Item name="behind" log={log} left={10} top={10} />
        <FocusScope trapped style={abs(20, 60, 160, 100)}>
          <Item name="inside" log={log} left={10} top={10} />
        </FocusScope>
      </View>
    ));
    await screen.tap({ testId: 'behind' });
    await screen.key('Tab');
    await screen.key('Tab');
    expect(log).toEqual(['behind', 'inside']);
  });
});

describe('arrows', () => {
  it('arrows-move-to-the-nearest-focusable-in-that-direction', async () => {
    const log: string[] = [];
    // a b
    // c  d      (d a little lower, under b's right half)
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Item name="a" log={log} left={10} top={10} />
        <Item name="b" log={log} left={70} top={10} />
        <Item name="c" log={log} left={10} top={60} />
        <Item name="d" log={log} left={100} top={70} />
      </View>
    ));
    await screen.key('ArrowDown'); // nothing focused: the first
    await screen.key('ArrowRight');
    await screen.key('ArrowDown');
    await screen.key('ArrowLeft');
    await screen.key('ArrowUp');
    await screen.key('ArrowUp'); // nothing above a: stays
    expect(log).toEqual(['a', 'b', 'd', 'c', 'a']);
  });

  it('arrows-follow-the-glass-on-a-rotated-output', async () => {
    const log: string[] = [];
    // Laid out side by side; on an output turned 90°, "left" of the layout is the top of the glass.
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Item name="left" log={log} left={10} top={10} />
        <Item name="right" log={log} left={100} top={10} />
      </View>
    ), { width: 200, height: 100, rotation: 90 });
    await screen.tap({ testId: 'left' });
    const [l, r] = [screen.find({ testId: 'left' }), screen.find({ testId: 'right' })];
    const down = r.y > l.y ? 'ArrowDown' : 'ArrowUp';
    expect(r.x).toBe(l.x); // one above the other on the glass
    await screen.key('ArrowRight');
    await screen.key(down);
    expect(log).toEqual(['left', 'right']);
  });

  it('a-handler-that-prevents-default-keeps-focus-and-uses-the-arrow', async () => {
    const log: string[] = [];
    const value = signal(5);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Item name="slider" log={log} left={10} top={10} width={100}
          onKeyDown={(e) => { if (e.key === 'ArrowRight') { value.value++; e.preventDefault(); } }} />
        <Item name="next" log={log} left={140} top={10} />
      </View>
    ));
    await screen.key('Tab');
    await screen.key('ArrowRight');
    expect(value.value).toBe(6);
    expect(log).toEqual(['slider']);
  });
});

describe('encoder', () => {
  it('encoder-turn-moves-focus-press-edits', async () => {
    const log: string[] = [];
    const level = signal(3);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Item name="back" log={log} left={10} top={10} />
        <Item name="brightness" log={log} left={60} top={10} editable
          onKeyDown={(e) => { if (e.key === 'EncoderCW') level.value++; if (e.key === 'EncoderCCW') level.value--; }} />
        <Item name="save" log={log} left={110} top={10} />
        <Text testId="level" style={abs(10, 100, 100, 20)}>{() => `level ${level.value}`}</Text>
      </View>
    ));
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    await screen.key('EncoderCCW');
    await screen.key('EncoderCW');
    expect(log).toEqual(['back', 'brightness', 'back', 'brightness']);
    // Navigating, the brightness heard none of the turns; the push enters edit mode: turns
    // change the value and focus stays.
    expect(screen.text({ testId: 'level' })).toBe('level 3');
    await screen.key('Enter');
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    await screen.key('EncoderCCW');
    expect(screen.text({ testId: 'level' })).toBe('level 4');
    expect(log).toHaveLength(4);
    // Pushed again: back to navigating.
    await screen.key('Enter');
    await screen.key('EncoderCW');
    expect(log.slice(4)).toEqual(['save']);
    // A push on a node that is not editable enters no mode.
    await screen.key('Enter');
    await screen.key('EncoderCW');
    expect(log.slice(5)).toEqual(['back']);
  });

  it('escape-leaves-edit-mode-and-editing-is-a-signal', async () => {
    const turns: string[] = [];
    function Knob() {
      const ref = { current: null as NodeHandle | null };
      const { editing } = useInteraction(ref);
      return (
        <View ref={ref} testId="knob" focusable editable style={abs(10, 10, 100, 40)} onKeyDown={(e) => turns.push(e.key)}>
          <Text testId="mode" style={{ fontSize: 12 }}>{() => (editing.value ? 'editing' : 'navigating')}</Text>
        </View>
      );
    }
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><Knob /></View>);
    await screen.key('Tab');
    expect(screen.text({ testId: 'mode' })).toBe('navigating');
    await screen.key('Enter');
    expect(screen.text({ testId: 'mode' })).toBe('editing');
    await screen.key('EncoderCW');
    await screen.key('Escape');
    expect(screen.text({ testId: 'mode' })).toBe('navigating');
    await screen.key('EncoderCW');
    // The Tab went to the app (nothing was focused yet); the last turn moved focus and nobody heard it.
    expect(turns).toEqual(['Enter', 'EncoderCW', 'Escape']);
  });
});

describe('focus ring and presses', () => {
  const RING: [number, number, number, number] = [255, 200, 0, 255];
  function Button(props: { name: string; left: number }) {
    const ref = { current: null as NodeHandle | null };
    const { focusVisible } = useInteraction(ref);
    return (
      <View ref={ref} testId={props.name} focusable
        style={{ ...abs(props.left, 20, 60, 40), backgroundColor: 'white', borderWidth: 4, borderColor: () => (focusVisible.value ? '#ffc800' : 'white') }} />
    );
  }

  it('focus-ring-only-after-keys', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Button name="one" left={10} />
        <Button name="two" left={100} />
      </View>
    ));
    const ringOf = (left: number) => screen.pixel(left + 1, 21);
    await screen.tap({ testId: 'one' });
    expect(ringOf(10)).not.toEqual(RING);
    await screen.key('Tab');
    expect(ringOf(10)).not.toEqual(RING);
    expect(ringOf(100)).toEqual(RING);
    // A tap hides the ring again, even on the node that had it.
    await screen.tap({ testId: 'two' });
    expect(ringOf(100)).not.toEqual(RING);
  });

  it('keys-of-an-on-screen-keyboard-keep-focus-in-the-text-field', async () => {
    const text = signal('');
    let field!: NodeHandle;
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="field" focusable ref={(h) => { field = h; }} style={abs(10, 10, 180, 30)}
          onTextInput={(e) => { text.value += e.text; }} />
        <View style={abs(10, 60, 180, 60)}>
          {['a', 'b'].map((k, i) => (
            <View testId={`key ${k}`} preventFocusOnPress style={abs(i * 50, 0, 40, 40)} onPress={() => { text.value += k; }}>
              <Text style={{ fontSize: 12 }}>{k}</Text>
            </View>
          ))}
        </View>
        <Text testId="shown" style={abs(10, 150, 180, 20)}>{() => `typed: ${text.value}`}</Text>
      </View>
    ));
    await screen.tap({ testId: 'field' });
    await screen.tap({ testId: 'key a' });
    await screen.tap({ testId: 'key b' });
    expect(field.focused).toBe(true);
    await screen.type('c');
    expect(screen.text({ testId: 'shown' })).toBe('typed: abc');
    // A press on plain background, inside nothing focusable, still clears focus.
    await screen.tap({ x: 100, y: 180 });
    expect(field.focused).toBe(false);
  });
});
