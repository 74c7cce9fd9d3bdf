/**
 * Interaction: pointer enter / leave, the pressed and hovered signals of `useInteraction`,
 * pointers claimed by a scroller or a slider (the previous holders are cancelled, no press
 * fires under a drag), and `disabled`.
 */
import { describe, expect, it } from 'vitest';
import {
  View, computed, signal, isDisabled, useInteraction,
  type NodeHandle, type PointerEvent,
} from '@planar/toolkit';
import { mount } from './mount.js';

const RED: [number, number, number, number] = [255, 0, 0, 255];
const GREEN: [number, number, number, number] = [0, 128, 0, 255];
const BLUE: [number, number, number, number] = [0, 0, 255, 255];

const abs = (left: number, top: number, width: number, height: number) =>
  ({ position: 'absolute', left, top, width, height }) as const;

/** A button that shows its state: blue while pressed, green while hovered, red otherwise. */
function StateButton(props: { left: number; onPress?: () => void }) {
  const ref = { current: null as NodeHandle | null };
  const { pressed, hovered } = useInteraction(ref);
  return (
    <View ref={ref} testId="button" onPress={props.onPress}
      style={{ ...abs(props.left, 20, 60, 40), backgroundColor: () => (pressed.value ? 'blue' : hovered.value ? 'green' : 'red') }} />
  );
}

describe('pointer enter and leave', () => {
  it('mouse-crossings-enter-outermost-first-leave-innermost-first-without-bubbling', async () => {
    const log: string[] = [];
    const crossing = (name: string) => ({
      onPointerEnter: () => log.push(`${name} enter`),
      onPointerLeave: () => log.push(`${name} leave`),
    });
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View style={abs(0, 0, 190, 100)} {...crossing('panel')}>
          <View style={abs(10, 10, 80, 80)} {...crossing('a')} />
          <View style={abs(100, 10, 80, 80)} {...crossing('b')} />
        </View>
      </View>
    ));
    await screen.pointer.move({ x: 5, y: 5 });
    await screen.pointer.move({ x: 50, y: 50 });
    await screen.pointer.move({ x: 55, y: 50 });
    await screen.pointer.move({ x: 140, y: 50 });
    await screen.pointer.move({ x: 140, y: 150 });
    expect(log).toEqual(['panel enter', 'a enter', 'a leave', 'b enter', 'b leave', 'panel leave']);
  });

  it('a-touch-enters-on-down-and-leaves-on-up', async () => {
    const log: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="key" style={abs(10, 10, 80, 80)} onPointerEnter={(e) => log.push(`enter ${e.pointerType}`)} onPointerLeave={() => log.push('leave')} />
      </View>
    ));
    await screen.pointer.down({ x: 50, y: 50 }, { type: 'touch' });
    expect(log).toEqual(['enter touch']);
    await screen.pointer.up({ x: 50, y: 50 }, { type: 'touch' });
    expect(log).toEqual(['enter touch', 'leave']);
  });
});

describe('useInteraction', () => {
  it('pressed-while-held-inside-hovered-while-the-mouse-is-over', async () => {
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><StateButton left={20} /></View>);
    expect(screen.pixel(50, 40)).toEqual(RED);
    await screen.pointer.move({ x: 50, y: 40 });
    expect(screen.pixel(50, 40)).toEqual(GREEN);
    await screen.pointer.down({ x: 50, y: 40 });
    expect(screen.pixel(50, 40)).toEqual(BLUE);
    // Dragged out while held: no longer pressed (still the button's pointer, so still hovered).
    await screen.pointer.move({ x: 150, y: 150 });
    expect(screen.pixel(50, 40)).toEqual(GREEN);
    await screen.pointer.move({ x: 60, y: 40 });
    expect(screen.pixel(50, 40)).toEqual(BLUE);
    await screen.pointer.up({ x: 60, y: 40 });
    expect(screen.pixel(50, 40)).toEqual(GREEN);
    await screen.pointer.move({ x: 150, y: 150 });
    expect(screen.pixel(50, 40)).toEqual(RED);
  });

  it('a-tap-shows-pressed-then-nothing', async () => {
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><StateButton left={20} /></View>);
    await screen.pointer.down({ x: 50, y: 40 }, { type: 'touch' });
    expect(screen.pixel(50, 40)).toEqual(BLUE);
    await screen.pointer.up({ x: 50, y: 40 }, { type: 'touch' });
    expect(screen.pixel(50, 40)).toEqual(RED);
  });

  it('a-ref-given-to-no-node-is-reported', async () => {
    const errors: Error[] = [];
    function Broken() {
      useInteraction({ current: null });
      return <View style={abs(0, 0, 10, 10)} />;
    }
    await mount(() => <Broken />, { width: 100, height: 100, onError: (e) => errors.push(e) });
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/useInteraction\(ref\).*pass it as the `ref` prop/)]);
  });
});

describe('pointer claims', () => {
  /** A vertical scroller that claims the pointer after 10 px of vertical travel. */
  function Scroller(props: { log: string[]; children?: unknown }) {
    let startY = 0;
    return (
      <View testId="scroller" style={{ width: '100%', height: '100%' }}
        onPointerDown={(e) => { startY = e.y; }}
        onPointerMove={(e) => {
          props.log.push(`scroller move ${e.y}`);
          if (Math.abs(e.y - startY) > 10 && e.capturedBy === null) e.capture();
        }}
        onPointerUp={() => props.log.push('scroller up')}>
        {props.children as never}
      </View>
    );
  }

  it('press-then-drag-taken-by-scroller-cancels-press', async () => {
    const log: string[] = [];
    const presses: string[] = [];
    const screen = await mount(() => (
      <Scroller log={log}>
        <View testId="row" style={abs(0, 20, 200, 60)}
          onPointerMove={(e: PointerEvent) => log.push(`row move ${e.y}`)}
          onPointerCancel={(e: PointerEvent) => log.push(`row cancel, now ${e.capturedBy?.testId}'s`)}
          onPress={() => presses.push('row')} />
      </Scroller>
    ));
    await screen.pointer.down({ x: 50, y: 40 }, { type: 'touch' });
    await screen.pointer.move({ x: 50, y: 45 }, { type: 'touch' });
    await screen.pointer.move({ x: 50, y: 60 }, { type: 'touch' });
    await screen.pointer.move({ x: 50, y: 70 }, { type: 'touch' });
    await screen.pointer.up({ x: 50, y: 70 }, { type: 'touch' });
    expect(log).toEqual([
      'row move 25', 'scroller move 45',
      // The scroller claims on this move: the row is cancelled and hears nothing after.
      'row move 40', 'scroller move 60', "row cancel, now scroller's",
      'scroller move 70', 'scroller up',
    ]);
    // Released inside the row, yet no press: the drag took the pointer.
    expect(presses).toEqual([]);

    // The same row still presses on a plain tap.
    await screen.tap({ testId: 'row' });
    expect(presses).toEqual(['row']);
  });

  it('the-row-under-a-claimed-pointer-stops-showing-pressed', async () => {
    const log: string[] = [];
    const screen = await mount(() => (
      <Scroller log={log}>
        <StateButton left={20} />
      </Scroller>
    ));
    await screen.pointer.down({ x: 50, y: 30 }, { type: 'touch' });
    expect(screen.pixel(50, 40)).toEqual(BLUE);
    // Still inside the button, but the scroller has claimed the pointer.
    await screen.pointer.move({ x: 50, y: 50 }, { type: 'touch' });
    expect(screen.pixel(50, 40)).not.toEqual(BLUE);
  });

  it('slider-claims-after-horizontal-move-and-the-scroller-above-sees-it-taken', async () => {
    const log: string[] = [];
    const value = signal(0);
    const screen = await mount(() => (
      <Scroller log={log}>
        <View testId="slider" style={abs(10, 20, 180, 40)}
          onPointerMove={(e) => {
            if (e.capturedBy?.testId !== 'slider' && Math.abs(e.outputX - 30) > 8) e.capture();
            if (e.capturedBy?.testId === 'slider') value.value = Math.round(e.x);
          }}>
          <View testId="thumb" style={abs(10, 5, 30, 30)} onPointerCancel={() => log.push('thumb cancel')} onPress={() => log.push('thumb press')} />
        </View>
      </Scroller>
    ));
    await screen.pointer.down({ x: 30, y: 40 }, { type: 'touch' });
    await screen.pointer.move({ x: 60, y: 41 }, { type: 'touch' });
    // Then a vertical run: the scroller sees the pointer is the slider's and leaves it.
    await screen.pointer.move({ x: 90, y: 70 }, { type: 'touch' });
    await screen.pointer.up({ x: 90, y: 70 }, { type: 'touch' });
    expect(log).toEqual(['thumb cancel', 'scroller move 41', 'scroller move 70', 'scroller up']);
    expect(value.value).toBe(80);
  });

  it('a-claim-by-the-pressed-node-itself-keeps-its-press', async () => {
    const presses: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="knob" style={abs(20, 20, 60, 60)} onPointerDown={(e) => e.capture()} onPress={() => presses.push('knob')}
          onPointerCancel={() => presses.push('cancel')} />
      </View>
    ));
    await screen.tap({ testId: 'knob' });
    expect(presses).toEqual(['knob']);
  });

  it('after-releaseCapture-moves-go-where-they-land', async () => {
    const log: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="a" style={abs(0, 0, 80, 80)} onPointerDown={(e) => e.releaseCapture()} onPointerMove={() => log.push('a move')} />
        <View testId="b" style={abs(100, 0, 80, 80)} onPointerMove={() => log.push('b move')} />
      </View>
    ));
    await screen.pointer.down({ x: 40, y: 40 });
    await screen.pointer.move({ x: 50, y: 40 });
    await screen.pointer.move({ x: 140, y: 40 });
    await screen.pointer.up({ x: 140, y: 40 });
    expect(log).toEqual(['a move', 'b move']);
  });
});

describe('disabled', () => {
  it('disabled-node-is-not-hit-nor-focused', async () => {
    const log: string[] = [];
    const off = signal(true);
    let button!: NodeHandle;
    const screen = await mount(() => (
      <View testId="card" style={{ width: '100%', height: '100%' }} onPointerDown={(e) => log.push(`card down <-${e.target.testId}`)}>
        <View testId="button" focusable disabled={off} ref={(h) => { button = h; }} style={abs(20, 20, 80, 40)}
          onPointerDown={() => log.push('button down')} onPress={() => log.push('button press')}>
          <View testId="label" style={abs(10, 10, 20, 20)} onPointerDown={() => log.push('label down')} />
        </View>
      </View>
    ));
    await screen.tap({ testId: 'label' });
    await screen.tap({ testId: 'button' });
    // Nothing inside the disabled button hears the taps; the card around it does.
    expect(log).toEqual(['card down <-card', 'card down <-card']);
    await screen.key('Tab');
    button.focus();
    expect(button.focused).toBe(false);

    log.length = 0;
    off.value = false;
    await screen.flush();
    await screen.tap({ testId: 'button' });
    expect(log).toEqual(['button down', 'card down <-button', 'button press']);
    expect(button.focused).toBe(true);
    // Disabled while focused: focus goes away.
    off.value = true;
    await screen.flush();
    expect(button.focused).toBe(false);
  });

  it('isDisabled-considers-ancestors', async () => {
    let inner!: NodeHandle;
    const off = signal(true);
    await mount(() => (
      <View disabled={off} style={{ width: '100%', height: '100%' }}>
        <View ref={(h) => { inner = h; }} style={abs(0, 0, 10, 10)} />
      </View>
    ));
    // The handle's node is what semantics read: reach it the way the toolkit does.
    const { nodeOfHandle } = await import('../src/components/handle.js');
    // Derived reactively, as the semantics tree derives its states.
    const disabled = computed(() => isDisabled(nodeOfHandle(inner)!));
    expect(disabled.value).toBe(true);
    off.value = false;
    expect(disabled.value).toBe(false);
  });
});
