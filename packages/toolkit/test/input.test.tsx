/**
 * Input: hit testing, capture/bubble dispatch, pointer capture and presses, multi-touch,
 * wheel, focus and keyboard, and what happens when a handler throws.
 */
import { describe, expect, it } from 'vitest';
import {
  Show, Text, View, signal,
  type InputEvent, type KeyEvent, type NodeHandle, type PointerEvent, type PressEvent, type TextInputEvent, type WheelEvent,
} from '@planar/toolkit';
import type { Box, Screen } from '@planar/toolkit/testing';
import { WHITE, mount } from './mount.js';

const RED: [number, number, number, number] = [255, 0, 0, 255];
const BLUE: [number, number, number, number] = [0, 0, 255, 255];


const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const abs = (left: number, top: number, width: number, height: number) =>
  ({ position: 'absolute', left, top, width, height }) as const;

/** Injects a raw wheel event: the testing API has no wheel helper, so this reaches the headless display. */
async function wheel(screen: Screen, event: Omit<Extract<InputEvent, { kind: 'wheel' }>, 'kind'>): Promise<void> {
  // Local cast: `internals` is private to Screen; the headless display accepts raw input.
  const display = (screen as unknown as { internals: { display: { inject(e: InputEvent): void } } }).internals.display;
  display.inject({ kind: 'wheel', ...event });
  await screen.flush();
}

describe('hit testing', () => {
  it('overlapping absolute siblings: the one painted later is hit where they overlap', async () => {
    const downs: string[] = [];
    const screen = await mount(() => (
      <View testId="root" style={{ width: '100%', height: '100%' }} onPointerDown={(e) => downs.push(`root<-${e.target.testId}`)}>
        <View testId="a" style={{ ...abs(10, 10, 100, 100), backgroundColor: 'red' }} onPointerDown={() => downs.push('a')} />
        <View testId="b" style={{ ...abs(60, 60, 100, 100), backgroundColor: 'blue' }} onPointerDown={() => downs.push('b')} />
      </View>
    ));
    // The later sibling is drawn on top where they overlap …
    expect(screen.pixel(80, 80)).toEqual(BLUE);
    await screen.tap({ x: 80, y: 80 });
    expect(downs).toEqual(['b', 'root<-b']);
    // … and the earlier one is still hit where it is not covered.
    downs.length = 0;
    await screen.tap({ x: 30, y: 30 });
    expect(downs).toEqual(['a', 'root<-a']);
    downs.length = 0;
    await screen.tap({ x: 190, y: 190 });
    expect(downs).toEqual(['root<-root']);
  });

  it('a child sticking out of an overflow: hidden parent is not hit outside the parent', async () => {
    const clip = signal<'hidden' | 'visible'>('hidden');
    const downs: string[] = [];
    const screen = await mount(() => (
      <View testId="root" style={{ width: '100%', height: '100%' }} onPointerDown={(e) => downs.push(`root<-${e.target.testId}`)}>
        <View testId="parent" style={{ ...abs(0, 0, 100, 100), overflow: clip }}>
          <View testId="child" style={{ ...abs(80, 80, 60, 60), backgroundColor: 'red' }} onPointerDown={() => downs.push('child')} />
        </View>
      </View>
    ));
    expect(screen.pixel(90, 90)).toEqual(RED);
    expect(screen.pixel(120, 120)).toEqual(WHITE);
    await screen.tap({ x: 90, y: 90 });
    expect(downs).toEqual(['child', 'root<-child']);
    downs.length = 0;
    await screen.tap({ x: 120, y: 120 });
    expect(downs).toEqual(['root<-root']);
    // Control: without the clip the same point hits the child.
    clip.value = 'visible';
    await screen.flush();
    expect(screen.pixel(120, 120)).toEqual(RED);
    downs.length = 0;
    await screen.tap({ x: 120, y: 120 });
    expect(downs).toEqual(['child', 'root<-child']);
  });

  it("display: 'none' boxes (and what is inside them) are never hit, also after being hidden at run time", async () => {
    const display = signal<'none' | 'flex'>('none');
    const downs: string[] = [];
    const screen = await mount(() => (
      <View testId="root" style={{ width: '100%', height: '100%' }} onPointerDown={(e) => downs.push(`root<-${e.target.testId}`)}>
        <View testId="under" style={{ ...abs(0, 0, 100, 100), backgroundColor: 'blue' }} />
        <View testId="over" style={{ ...abs(0, 0, 100, 100), backgroundColor: 'red', display }} onPointerDown={() => downs.push('over')}>
          <View testId="inner" style={abs(10, 10, 30, 30)} onPointerDown={() => downs.push('inner')} />
        </View>
      </View>
    ));
    expect(screen.pixel(50, 50)).toEqual(BLUE);
    await screen.tap({ x: 50, y: 50 });
    await screen.tap({ x: 20, y: 20 });
    expect(downs).toEqual(['root<-under', 'root<-under']);

    display.value = 'flex';
    await screen.flush();
    expect(screen.pixel(50, 50)).toEqual(RED);
    downs.length = 0;
    await screen.tap({ x: 20, y: 20 });
    expect(downs).toEqual(['inner', 'over', 'root<-inner']);

    display.value = 'none';
    await screen.flush();
    expect(screen.pixel(50, 50)).toEqual(BLUE);
    downs.length = 0;
    await screen.tap({ x: 50, y: 50 });
    await screen.tap({ x: 20, y: 20 });
    expect(downs).toEqual(['root<-under', 'root<-under']);
  });

  it('a box scaled by a transform is hit where it is drawn, not where layout put it', async () => {
    const downs: string[] = [];
    const screen = await mount(() => (
      <View testId="root" style={{ width: '100%', height: '100%' }} onPointerDown={(e) => downs.push(`root<-${e.target.testId}`)}>
        {/* 40x40 at (40, 40), scaled 2x about its centre (60, 60): drawn over (20, 20)–(100, 100). */}
        <View testId="scaled" style={{ ...abs(40, 40, 40, 40), backgroundColor: 'red', transform: [{ scale: 2 }] }} onPointerDown={() => downs.push('scaled')} />
      </View>
    ));
    expect(screen.find({ testId: 'scaled' })).toEqual({ x: 20, y: 20, width: 80, height: 80 });
    expect(screen.pixel(25, 25)).toEqual(RED);
    expect(screen.pixel(95, 95)).toEqual(RED);
    await screen.tap({ x: 25, y: 25 });
    await screen.tap({ x: 95, y: 95 });
    expect(downs).toEqual(['scaled', 'root<-scaled', 'scaled', 'root<-scaled']);
    downs.length = 0;
    await screen.tap({ x: 105, y: 105 });
    await screen.tap({ x: 15, y: 15 });
    expect(downs).toEqual(['root<-root', 'root<-root']);
  });

  it('a rotated box is hit inside its drawn diamond, not in the corners of its layout box', async () => {
    const downs: string[] = [];
    const screen = await mount(() => (
      <View testId="root" style={{ width: '100%', height: '100%' }} onPointerDown={(e) => downs.push(`root<-${e.target.testId}`)}>
        {/* 60x60 centred at (100, 100), turned 45°: a diamond reaching ±42.4 px from the centre along the axes. */}
        <View testId="diamond" style={{ ...abs(70, 70, 60, 60), backgroundColor: 'red', transform: [{ rotate: 45 }] }} onPointerDown={() => downs.push('diamond')} />
      </View>
    ));
    await screen.tap({ x: 100, y: 62 });
    await screen.tap({ x: 138, y: 100 });
    expect(downs).toEqual(['diamond', 'root<-diamond', 'diamond', 'root<-diamond']);
    downs.length = 0;
    // The corner of the unrotated layout box lies outside the diamond.
    await screen.tap({ x: 73, y: 73 });
    expect(downs).toEqual(['root<-root']);
  });

  it('reverse paint order holds across parents: a later cousin is above an earlier one', async () => {
    const downs: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View style={abs(0, 0, 100, 100)}>
          <View testId="early" style={{ ...abs(50, 50, 100, 100), backgroundColor: 'red' }} onPointerDown={() => downs.push('early')} />
        </View>
        <View style={abs(100, 100, 100, 100)}>
          <View testId="late" style={{ ...abs(0, 0, 80, 80), backgroundColor: 'blue' }} onPointerDown={() => downs.push('late')} />
        </View>
      </View>
    ));
    expect(screen.pixel(120, 120)).toEqual(BLUE);
    await screen.tap({ x: 120, y: 120 });
    await screen.tap({ x: 70, y: 70 });
    expect(downs).toEqual(['late', 'early']);
  });

  it('a box moved by a translate transform (on its parent) is hit where it is drawn', async () => {
    const downs: string[] = [];
    const screen = await mount(() => (
      <View testId="root" style={{ width: '100%', height: '100%' }} onPointerDown={(e) => downs.push(`root<-${e.target.testId}`)}>
        <View testId="moved" style={{ ...abs(0, 0, 60, 60), transform: [{ translateX: 100, translateY: 50 }] }}>
          <View testId="leaf" style={{ ...abs(10, 10, 20, 20), backgroundColor: 'red' }} onPointerDown={(e) => downs.push(`leaf@${e.x},${e.y}`)} />
        </View>
      </View>
    ));
    expect(screen.find({ testId: 'leaf' })).toEqual({ x: 110, y: 60, width: 20, height: 20 });
    expect(screen.pixel(115, 65)).toEqual(RED);
    await screen.pointer.down({ x: 115, y: 65 });
    await screen.pointer.up({ x: 115, y: 65 });
    expect(downs).toEqual(['leaf@5,5', 'root<-leaf']);
    downs.length = 0;
    // Where layout put it, before the transform: nothing but the root.
    await screen.tap({ x: 15, y: 15 });
    expect(downs).toEqual(['root<-root']);
  });
});

describe('capture and bubble', () => {
  function Tree(props: { log: string[]; stopAt?: string; stopPhase?: 'capture' | 'bubble' }) {
    const handlers = (name: string) => ({
      onPointerDownCapture: (e: PointerEvent) => {
        props.log.push(`capture ${name} ${e.phase}`);
        if (props.stopAt === name && props.stopPhase === 'capture') e.stopPropagation();
      },
      onPointerDown: (e: PointerEvent) => {
        props.log.push(`bubble ${name} ${e.phase}`);
        if (props.stopAt === name && props.stopPhase === 'bubble') e.stopPropagation();
      },
    });
    return (
      <View testId="outer" style={{ width: '100%', height: '100%' }} {...handlers('outer')}>
        <View testId="middle" style={abs(20, 30, 100, 100)} {...handlers('middle')}>
          <View testId="inner" style={abs(10, 10, 50, 50)} {...handlers('inner')} />
        </View>
      </View>
    );
  }

  it('capture handlers run root→target, then bubble handlers target→root, with the phase of each', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Tree log={log} />);
    await screen.pointer.down(centre(screen.find({ testId: 'inner' })));
    expect(log).toEqual([
      'capture outer capture', 'capture middle capture', 'capture inner target',
      'bubble inner target', 'bubble middle bubble', 'bubble outer bubble',
    ]);
  });

  it('stopPropagation in a capture handler stops every later handler, the target and bubble included', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Tree log={log} stopAt="middle" stopPhase="capture" />);
    await screen.pointer.down(centre(screen.find({ testId: 'inner' })));
    expect(log).toEqual(['capture outer capture', 'capture middle capture']);
  });

  it('stopPropagation in a bubble handler keeps the event from the ancestors above', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Tree log={log} stopAt="middle" stopPhase="bubble" />);
    await screen.pointer.down(centre(screen.find({ testId: 'inner' })));
    expect(log).toEqual([
      'capture outer capture', 'capture middle capture', 'capture inner target',
      'bubble inner target', 'bubble middle bubble',
    ]);
  });

  it('x/y are in the current target’s coordinates, outputX/outputY in output pixels', async () => {
    const seen: Record<string, { x: number; y: number; outputX: number; outputY: number; target: string | undefined; current: string | undefined }> = {};
    const record = (name: string) => (e: PointerEvent) => {
      seen[name] = { x: e.x, y: e.y, outputX: e.outputX, outputY: e.outputY, target: e.target.testId, current: e.currentTarget.testId };
    };
    const screen = await mount(() => (
      <View testId="outer" style={{ width: '100%', height: '100%' }} onPointerDown={record('outer')}>
        <View testId="middle" style={abs(20, 30, 100, 100)} onPointerDown={record('middle')}>
          <View testId="inner" style={abs(10, 10, 50, 50)} onPointerDown={record('inner')} />
        </View>
      </View>
    ), { width: 200, height: 200, scale: 2 });
    // Logical (45, 55) is output (90, 110) at scale 2.
    await screen.pointer.down({ x: 90, y: 110 });
    expect(seen.outer).toEqual({ x: 45, y: 55, outputX: 90, outputY: 110, target: 'inner', current: 'outer' });
    expect(seen.middle).toEqual({ x: 25, y: 25, outputX: 90, outputY: 110, target: 'inner', current: 'middle' });
    expect(seen.inner).toEqual({ x: 15, y: 15, outputX: 90, outputY: 110, target: 'inner', current: 'inner' });
  });

  it('x/y undo the current target’s transform', async () => {
    let local: { x: number; y: number } | undefined;
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        {/* 40x40 at (40, 40) scaled 2x about its centre: its own (0, 0) is drawn at (20, 20). */}
        <View testId="scaled" style={{ ...abs(40, 40, 40, 40), transform: [{ scale: 2 }] }} onPointerDown={(e) => { local = { x: e.x, y: e.y }; }} />
      </View>
    ));
    await screen.pointer.down({ x: 30, y: 90 });
    expect(local).toEqual({ x: 5, y: 35 });
  });

  it('pointerId, pointerType and buttons describe the pointer', async () => {
    const events: Pick<PointerEvent, 'type' | 'pointerId' | 'pointerType' | 'buttons'>[] = [];
    const keep = (e: PointerEvent) => events.push({ type: e.type, pointerId: e.pointerId, pointerType: e.pointerType, buttons: e.buttons });
    const screen = await mount(() => (
      <View testId="pad" style={{ width: '100%', height: '100%' }} onPointerDown={keep} onPointerMove={keep} onPointerUp={keep} />
    ));
    await screen.pointer.move({ x: 10, y: 10 });
    await screen.pointer.down({ x: 10, y: 10 });
    await screen.pointer.move({ x: 20, y: 10 });
    await screen.pointer.up({ x: 20, y: 10 });
    await screen.pointer.down({ x: 50, y: 50 }, { id: 7, type: 'touch' });
    await screen.pointer.move({ x: 60, y: 50 }, { id: 7, type: 'touch' });
    await screen.pointer.up({ x: 60, y: 50 }, { id: 7, type: 'touch' });
    expect(events).toEqual([
      { type: 'pointermove', pointerId: 0, pointerType: 'mouse', buttons: 0 },
      { type: 'pointerdown', pointerId: 0, pointerType: 'mouse', buttons: 1 },
      { type: 'pointermove', pointerId: 0, pointerType: 'mouse', buttons: 1 },
      { type: 'pointerup', pointerId: 0, pointerType: 'mouse', buttons: 0 },
      { type: 'pointerdown', pointerId: 7, pointerType: 'touch', buttons: 1 },
      { type: 'pointermove', pointerId: 7, pointerType: 'touch', buttons: 1 },
      { type: 'pointerup', pointerId: 7, pointerType: 'touch', buttons: 0 },
    ]);
  });
});

describe('pointer capture and presses', () => {
  function Pair(props: { log: string[] }) {
    const h = (name: string) => ({
      onPointerDown: (e: PointerEvent) => props.log.push(`${name} down ${e.x},${e.y}`),
      onPointerMove: (e: PointerEvent) => props.log.push(`${name} move ${e.x},${e.y}`),
      onPointerUp: (e: PointerEvent) => props.log.push(`${name} up ${e.x},${e.y}`),
      onPress: (e: PressEvent) => props.log.push(`${name} press ${e.x},${e.y}`),
    });
    return (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="a" style={abs(0, 0, 80, 80)} {...h('a')} />
        <View testId="b" style={abs(100, 0, 80, 80)} {...h('b')} />
      </View>
    );
  }

  it('the node a pointer went down on gets its moves and its up, wherever they land', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Pair log={log} />);
    await screen.pointer.down({ x: 40, y: 40 });
    await screen.pointer.move({ x: 140, y: 40 });
    await screen.pointer.up({ x: 150, y: 40 });
    // Moves and up in A's coordinates, although they are over B; released outside A: no press.
    expect(log).toEqual(['a down 40,40', 'a move 140,40', 'a up 150,40']);
  });

  it('after the up, capture ends: the next move over B goes to B', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Pair log={log} />);
    await screen.pointer.down({ x: 40, y: 40 });
    await screen.pointer.up({ x: 140, y: 40 });
    log.length = 0;
    await screen.pointer.move({ x: 150, y: 40 });
    expect(log).toEqual(['b move 50,40']);
  });

  it('onPress fires once for a press and release inside the same node, with local coordinates', async () => {
    const presses: PressEvent[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="button" style={abs(50, 20, 60, 40)} onPress={(e) => presses.push(e)} />
      </View>
    ));
    await screen.tap({ testId: 'button' });
    expect(presses).toHaveLength(1);
    expect(presses[0]).toMatchObject({ x: 30, y: 20, pointerType: 'touch' });
    expect(presses[0]!.target.testId).toBe('button');

    // Wandering out and back in before the release still counts.
    await screen.pointer.down({ x: 60, y: 30 });
    await screen.pointer.move({ x: 190, y: 190 });
    await screen.pointer.move({ x: 70, y: 30 });
    await screen.pointer.up({ x: 70, y: 30 });
    expect(presses).toHaveLength(2);
    expect(presses[1]).toMatchObject({ x: 20, y: 10, pointerType: 'mouse' });
  });

  it('onPress does not fire when the release is outside the pressed node, nor on the node released over', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Pair log={log} />);
    await screen.pointer.down({ x: 40, y: 40 });
    await screen.pointer.up({ x: 140, y: 40 });
    await screen.pointer.down({ x: 140, y: 40 });
    await screen.pointer.up({ x: 40, y: 40 });
    expect(log.filter((l) => l.includes('press'))).toEqual([]);
  });

  it('onPress on an ancestor of the pressed node fires when released inside the ancestor only', async () => {
    const presses: { x: number; y: number; target: string | undefined }[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="card" style={abs(10, 10, 150, 100)} onPress={(e) => presses.push({ x: e.x, y: e.y, target: e.target.testId })}>
          <View testId="icon" style={abs(10, 10, 30, 30)} />
        </View>
      </View>
    ));
    // Pressed on the icon, released elsewhere on the card.
    await screen.pointer.down({ x: 30, y: 30 });
    await screen.pointer.up({ x: 120, y: 80 });
    expect(presses).toEqual([{ x: 110, y: 70, target: 'icon' }]);
    // Pressed on the icon, released outside the card.
    await screen.pointer.down({ x: 30, y: 30 });
    await screen.pointer.up({ x: 190, y: 190 });
    expect(presses).toHaveLength(1);
  });

  it('a cancelled pointer produces no press', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Pair log={log} />);
    await screen.pointer.down({ x: 40, y: 40 });
    await screen.pointer.cancel({ x: 40, y: 40 });
    expect(log.filter((l) => l.includes('press'))).toEqual([]);
  });
});

describe('multi-touch', () => {
  it('two touch points down on two nodes each get their own moves and ups', async () => {
    const log: string[] = [];
    const h = (name: string) => ({
      onPointerDown: (e: PointerEvent) => log.push(`${name} down #${e.pointerId}`),
      onPointerMove: (e: PointerEvent) => log.push(`${name} move #${e.pointerId} ${e.x},${e.y}`),
      onPointerUp: (e: PointerEvent) => log.push(`${name} up #${e.pointerId}`),
      onPress: () => log.push(`${name} press`),
    });
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="left" style={abs(0, 0, 80, 200)} {...h('left')} />
        <View testId="right" style={abs(100, 0, 80, 200)} {...h('right')} />
      </View>
    ));
    const touch = (id: number) => ({ id, type: 'touch' as const });
    await screen.pointer.down({ x: 40, y: 50 }, touch(1));
    await screen.pointer.down({ x: 140, y: 50 }, touch(2));
    await screen.pointer.move({ x: 45, y: 60 }, touch(1));
    await screen.pointer.move({ x: 130, y: 70 }, touch(2));
    // Finger 2 slides over the left node: still the right node's.
    await screen.pointer.move({ x: 50, y: 70 }, touch(2));
    await screen.pointer.up({ x: 45, y: 60 }, touch(1));
    await screen.pointer.move({ x: 140, y: 80 }, touch(2));
    await screen.pointer.up({ x: 140, y: 80 }, touch(2));
    expect(log).toEqual([
      'left down #1', 'right down #2',
      'left move #1 45,60', 'right move #2 30,70', 'right move #2 -50,70',
      'left up #1', 'left press',
      'right move #2 40,80', 'right up #2', 'right press',
    ]);
  });
});

describe('wheel', () => {
  it('onWheel gets the deltas and notches, in capture then bubble order', async () => {
    const log: string[] = [];
    let event: WheelEvent | undefined;
    const screen = await mount(() => (
      <View testId="list" style={{ width: '100%', height: '100%' }}
        onWheelCapture={(e) => log.push(`list capture ${e.phase}`)} onWheel={(e) => log.push(`list bubble ${e.phase}`)}>
        <View testId="row" style={abs(0, 40, 200, 40)} onWheel={(e) => { event = e; log.push(`row ${e.phase}`); }} />
      </View>
    ));
    await wheel(screen, { x: 30, y: 50, deltaX: 0, deltaY: 30, discreteX: 0, discreteY: 1, timestamp: 1 });
    expect(log).toEqual(['list capture capture', 'row target', 'list bubble bubble']);
    expect(event).toMatchObject({ type: 'wheel', x: 30, y: 10, deltaX: 0, deltaY: 30, discreteX: 0, discreteY: 1 });
    expect(event!.target.testId).toBe('row');

    await wheel(screen, { x: 30, y: 150, deltaX: -12.5, deltaY: 0, discreteX: 0, discreteY: 0, timestamp: 2 });
    expect(log.slice(3)).toEqual(['list capture target', 'list bubble target']);
  });
});

describe('focus and keyboard', () => {
  it('a press on a focusable node focuses it, a press elsewhere blurs it', async () => {
    const log: string[] = [];
    let field!: NodeHandle;
    const screen = await mount(() => (
      <View testId="root" style={{ width: '100%', height: '100%' }}>
        <View testId="field" focusable ref={(h) => { field = h; }} style={abs(0, 0, 100, 50)}
          onFocus={() => log.push('focus')} onBlur={() => log.push('blur')}>
          <View testId="caret" style={abs(5, 5, 10, 10)} />
        </View>
      </View>
    ));
    expect(field.focused).toBe(false);
    await screen.tap({ testId: 'field' });
    expect(log).toEqual(['focus']);
    expect(field.focused).toBe(true);
    // A press on a non-focusable child focuses its focusable ancestor (already focused: no event).
    await screen.tap({ testId: 'caret' });
    expect(log).toEqual(['focus']);
    await screen.tap({ x: 150, y: 150 });
    expect(log).toEqual(['focus', 'blur']);
    expect(field.focused).toBe(false);
  });

  it('ref.focus() and ref.blur() move focus without a press', async () => {
    const log: string[] = [];
    let handle!: NodeHandle;
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View focusable ref={(h) => { handle = h; }} style={abs(0, 0, 50, 50)}
          onFocus={() => log.push('focus')} onBlur={() => log.push('blur')} onKeyDown={(e) => log.push(`key ${e.key}`)} />
      </View>
    ));
    handle.focus();
    expect(handle.focused).toBe(true);
    await screen.key('x');
    handle.blur();
    expect(handle.focused).toBe(false);
    expect(log).toEqual(['focus', 'key x', 'blur']);
  });

  it('ref.focus() on a node that is not focusable does not take focus', async () => {
    const log: string[] = [];
    let handle!: NodeHandle;
    await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View ref={(h) => { handle = h; }} style={abs(0, 0, 50, 50)} onFocus={() => log.push('focus')} />
      </View>
    ));
    handle.focus();
    expect(handle.focused).toBe(false);
    expect(log).toEqual([]);
  });

  it('keys reach the focused node with W3C key and code, modifiers and repeat, then bubble', async () => {
    const log: string[] = [];
    const events: KeyEvent[] = [];
    const screen = await mount(() => (
      <View testId="form" style={{ width: '100%', height: '100%' }}
        onKeyDownCapture={(e) => log.push(`form capture ${e.key} ${e.phase}`)}
        onKeyDown={(e) => log.push(`form down ${e.key} ${e.phase} <-${e.target.testId}`)}
        onKeyUp={(e) => log.push(`form up ${e.key} ${e.phase}`)}>
        <View testId="field" focusable style={abs(0, 0, 100, 40)}
          onKeyDown={(e) => { events.push(e); log.push(`field down ${e.key} ${e.phase}`); }}
          onKeyUp={(e) => { events.push(e); log.push(`field up ${e.key} ${e.phase}`); }} />
      </View>
    ));
    await screen.tap({ testId: 'field' });
    await screen.key('a');
    expect(log).toEqual([
      'form capture a capture', 'field down a target', 'form down a bubble <-field',
      'field up a target', 'form up a bubble',
    ]);
    const pick = (e: KeyEvent) => ({ type: e.type, key: e.key, code: e.code, shift: e.shift, ctrl: e.ctrl, alt: e.alt, meta: e.meta, repeat: e.repeat });
    expect(events.map(pick)).toEqual([
      { type: 'keydown', key: 'a', code: 'KeyA', shift: false, ctrl: false, alt: false, meta: false, repeat: false },
      { type: 'keyup', key: 'a', code: 'KeyA', shift: false, ctrl: false, alt: false, meta: false, repeat: false },
    ]);
    events.length = 0;
    await screen.key('Enter', { shift: true });
    await screen.key('ArrowLeft', { ctrl: true, alt: true, meta: true });
    expect(events.filter((e) => e.type === 'keydown').map(pick)).toEqual([
      { type: 'keydown', key: 'Enter', code: 'Enter', shift: true, ctrl: false, alt: false, meta: false, repeat: false },
      { type: 'keydown', key: 'ArrowLeft', code: 'ArrowLeft', shift: false, ctrl: true, alt: true, meta: true, repeat: false },
    ]);
    expect(events.every((e) => e.target.testId === 'field' && e.currentTarget.testId === 'field')).toBe(true);
  });

  it("type('Hé!') gives one text input event per character, to the focused node", async () => {
    const texts: string[] = [];
    const keys: string[] = [];
    const bubbled: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }} onTextInput={(e: TextInputEvent) => bubbled.push(`${e.text}:${e.phase}`)}>
        <View testId="field" focusable style={abs(0, 0, 100, 40)}
          onTextInput={(e) => texts.push(e.text)} onKeyDown={(e) => keys.push(`${e.key}/${e.code}/${e.shift}`)} />
      </View>
    ));
    await screen.tap({ testId: 'field' });
    await screen.type('Hé!');
    expect(texts).toEqual(['H', 'é', '!']);
    expect(bubbled).toEqual(['H:bubble', 'é:bubble', '!:bubble']);
    expect(keys[0]).toBe('H/KeyH/true');
    expect(keys[2]).toBe('!/Digit1/true');
  });

  it("with nothing focused, keys and text go to the app's outermost node", async () => {
    const log: string[] = [];
    const hasFocus = signal(true);
    let handle!: NodeHandle;
    const screen = await mount(() => (
      <View testId="app" style={{ width: '100%', height: '100%' }}
        onKeyDown={(e) => log.push(`app ${e.key} ${e.phase} <-${e.target.testId}`)} onTextInput={(e) => log.push(`app text ${e.text}`)}>
        <View testId="child" style={abs(0, 0, 50, 50)} onKeyDown={() => log.push('child')} />
        <Show when={hasFocus}>
          <View testId="field" focusable ref={(h) => { handle = h; }} style={abs(60, 0, 50, 50)} onKeyDown={() => log.push('field')} />
        </Show>
      </View>
    ));
    await screen.key('q');
    await screen.type('z');
    expect(log).toEqual(['app q target <-app', 'app z target <-app', 'app text z']);
    // Focus goes away with the focused node: keys go back to the outermost node.
    handle.focus();
    await screen.key('w');
    hasFocus.value = false;
    await screen.flush();
    log.length = 0;
    await screen.key('e');
    expect(log).toEqual(['app e target <-app']);
  });
});

describe('handlers that throw', () => {
  it('the error reaches the app with the component path; other handlers and later events still run; frames still render', async () => {
    const errors: Error[] = [];
    const log: string[] = [];
    const colour = signal('red');
    function Button() {
      return (
        <View testId="button" style={{ ...abs(0, 0, 100, 100), backgroundColor: colour }}
          onPointerDown={() => { throw new Error('boom'); }} onPointerUp={() => log.push('button up')} />
      );
    }
    function Panel() {
      return (
        <View style={{ width: '100%', height: '100%' }} onPointerDown={() => log.push('panel down')}>
          <Button />
        </View>
      );
    }
    const screen = await mount(() => <Panel />);
    screen.app.on('error', (e) => errors.push(e));
    await screen.tap({ testId: 'button' });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('boom');
    expect(errors[0]!.message).toContain('Panel › Button');
    expect(log).toEqual(['panel down', 'button up']);

    await screen.tap({ testId: 'button' });
    expect(errors).toHaveLength(2);
    expect(log).toEqual(['panel down', 'button up', 'panel down', 'button up']);

    colour.value = 'blue';
    await screen.flush();
    expect(screen.pixel(50, 50)).toEqual(BLUE);
  });

  it('an onPress or key handler that throws is reported and the app keeps going', async () => {
    const errors: Error[] = [];
    const keys: string[] = [];
    function Field() {
      return (
        <View testId="field" focusable style={abs(0, 0, 100, 100)}
          onPress={() => { throw new Error('press failed'); }}
          onKeyDown={(e) => { if (e.key === 'x') throw new Error('key failed'); keys.push(e.key); }} />
      );
    }
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }} onKeyDown={(e) => keys.push(`outer ${e.key}`)}>
        <Field />
      </View>
    ));
    screen.app.on('error', (e) => errors.push(e));
    await screen.tap({ testId: 'field' });
    await screen.key('x');
    await screen.key('y');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/press failed.*Field/),
      expect.stringMatching(/key failed.*Field/),
    ]);
    expect(keys).toEqual(['outer x', 'y', 'outer y']);
  });

  it('an onFocus handler that throws is reported, and the press is still dispatched', async () => {
    const errors: Error[] = [];
    const log: string[] = [];
    function Field() {
      return (
        <View testId="field" focusable style={abs(0, 0, 100, 100)}
          onFocus={() => { throw new Error('focus failed'); }}
          onPointerDown={() => log.push('down')} onPress={() => log.push('press')} />
      );
    }
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><Field /></View>);
    screen.app.on('error', (e) => errors.push(e));
    await screen.tap({ testId: 'field' });
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/focus failed.*Field/)]);
    expect(log).toEqual(['down', 'press']);
  });
});

describe('state changed by a handler', () => {
  it('a signal set in onPress changes the pixels by the time tap resolves', async () => {
    const on = signal(false);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="toggle" style={{ ...abs(20, 20, 80, 40), backgroundColor: () => (on.value ? 'blue' : 'red') }}
          onPress={() => { on.value = !on.value; }}>
          <Text style={{ fontSize: 12 }}>{() => (on.value ? 'on' : 'off')}</Text>
        </View>
      </View>
    ));
    expect(screen.pixel(90, 50)).toEqual(RED);
    expect(() => screen.find({ text: 'off' })).not.toThrow();
    await screen.tap({ testId: 'toggle' });
    expect(screen.pixel(90, 50)).toEqual(BLUE);
    expect(() => screen.find({ text: 'on' })).not.toThrow();
    await screen.tap({ testId: 'toggle' });
    expect(screen.pixel(90, 50)).toEqual(RED);
  });
});
