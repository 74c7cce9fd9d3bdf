/**
 * Layers: placement, planes, damage per layer, Portal, input, and the figures a frame reports.
 * The headless display emulates vkms's planes unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { Layer, Portal, Text, View, signal, type NodeHandle } from '@planar/toolkit';
import { mount, WHITE } from './mount.js';

const RED: [number, number, number, number] = [255, 0, 0, 255];
const BLUE: [number, number, number, number] = [0, 0, 255, 255];

function Popup(props: { color?: string; w?: number; h?: number }) {
  return <View style={{ width: props.w ?? 60, height: props.h ?? 40, backgroundColor: props.color ?? 'red' }} />;
}

describe('<Layer>', () => {
  it('draws its subtree at its position, out of the parent flow, sized by its content', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white', flexDirection: 'row' }}>
        <View style={{ width: 20, height: 20, backgroundColor: 'blue' }} />
        <Layer testId="popup" position={{ x: 100, y: 50 }}><Popup /></Layer>
        <View style={{ width: 20, height: 20, backgroundColor: 'blue' }} />
      </View>
    ));
    // The second blue box follows the first: the layer takes no room in the row.
    expect(screen.pixel(25, 5)).toEqual(BLUE);
    expect(screen.pixel(100, 50)).toEqual(RED);
    expect(screen.pixel(159, 89)).toEqual(RED);
    expect(screen.pixel(160, 50)).toEqual(WHITE);
    expect(screen.pixel(100, 90)).toEqual(WHITE);
    expect(screen.find({ testId: 'popup' })).toEqual({ x: 100, y: 50, width: 60, height: 40 });
  });

  it('goes on an overlay plane of vkms, above the root on the primary', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="popup" position={{ x: 10, y: 10 }}><Popup /></Layer>
      </View>
    ));
    expect(screen.planeOf('popup')).not.toBeNull();
    const planes = screen.planes();
    expect(planes.map((p) => p.planeId)).toEqual([1, screen.planeOf('popup')]);
    expect(planes[0]!.layerId).toBe(0);
    expect(screen.stats.planesUsed).toBe(2);
    expect(screen.stats.composited).toBe(0);
  });

  it('on a plane, moves without repainting, recomposing or copying anything', async () => {
    const pos = signal({ x: 10, y: 10 });
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="popup" position={pos}><Popup /></Layer>
      </View>
    ));
    pos.value = { x: 80, y: 100 };
    await screen.flush();
    expect(screen.stats).toMatchObject({ damagedPx: 0, composedPx: 0, copiedBytes: 0, planesUsed: 2 });
    expect(screen.pixel(10, 10)).toEqual(WHITE);
    expect(screen.pixel(80, 100)).toEqual(RED);
  });

  it('composited (plane="never"), a move recomposes only the area it left and the area it covers', async () => {
    const pos = signal({ x: 10, y: 10 });
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="popup" plane="never" position={pos}><Popup /></Layer>
      </View>
    ));
    expect(screen.planeOf('popup')).toBeNull();
    expect(screen.stats.composited).toBe(2);
    pos.value = { x: 100, y: 10 };
    await screen.flush();
    // Disjoint: 60x40 uncovered + 60x40 covered; nothing repainted.
    expect(screen.stats.damagedPx).toBe(0);
    expect(screen.stats.composedPx).toBe(2 * 60 * 40);
    expect(screen.pixel(10, 10)).toEqual(WHITE);
    expect(screen.pixel(100, 10)).toEqual(RED);
    pos.value = { x: 105, y: 10 };
    await screen.flush();
    // Overlapping move: the damage merges into their union, 65x40.
    expect(screen.stats.composedPx).toBe(65 * 40);
  });

  it('fades with opacity at no repaint, the same on a plane as composited', async () => {
    const opacity = signal(1);
    const make = (plane: 'auto' | 'never') => () => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'blue' }}>
        <Layer testId="popup" plane={plane} opacity={opacity} position={{ x: 20, y: 20 }}><Popup color="rgba(255,0,0,0.5)" /></Layer>
      </View>
    );
    const onPlane = await mount(make('auto'));
    const composited = await mount(make('never'));
    opacity.value = 0.5;
    await onPlane.flush();
    await composited.flush();
    expect(onPlane.stats.damagedPx).toBe(0);
    expect(composited.stats.damagedPx).toBe(0);
    expect(onPlane.planeOf('popup')).not.toBeNull();
    const px = onPlane.pixel(30, 30);
    expect(px).toEqual(composited.pixel(30, 30));
    // A quarter red over blue.
    expect(px[0]).toBeGreaterThan(55);
    expect(px[0]).toBeLessThan(72);
    expect(px[2]).toBeGreaterThan(185);
    opacity.value = 0;
    await onPlane.flush();
    expect(onPlane.pixel(30, 30)).toEqual(BLUE);
    expect(onPlane.planes().length).toBe(1);
  });

  it('keeps a faded-out layer current: what changed while it was hidden shows when it comes back', async () => {
    const opacity = signal(1);
    const color = signal('red');
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer opacity={opacity} position={{ x: 20, y: 20 }}><View style={{ width: 30, height: 30, backgroundColor: color }} /></Layer>
      </View>
    ));
    opacity.value = 0;
    await screen.flush();
    color.value = 'blue';
    await screen.flush();
    expect(screen.pixel(30, 30)).toEqual(WHITE);
    opacity.value = 1;
    await screen.flush();
    expect(screen.pixel(30, 30)).toEqual(BLUE);
  });

  it('stacks by zIndex, ties in tree order, the root always at the bottom', async () => {
    const z = signal(0);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="a" zIndex={z} position={{ x: 10, y: 10 }}><Popup color="red" /></Layer>
        <Layer testId="b" position={{ x: 30, y: 20 }}><Popup color="blue" /></Layer>
        <Layer testId="c" zIndex={-5} position={{ x: 150, y: 150 }}><Popup color="lime" w={20} h={20} /></Layer>
      </View>
    ));
    expect(screen.pixel(40, 30)).toEqual(BLUE);
    expect(screen.pixel(155, 155)).toEqual([0, 255, 0, 255]);
    z.value = 1;
    await screen.flush();
    expect(screen.pixel(40, 30)).toEqual(RED);
    expect(screen.stats.damagedPx).toBe(0);
  });

  it('changes content inside the layer with damage in the layer only', async () => {
    const color = signal('red');
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="popup" position={{ x: 50, y: 50 }}>
          <View style={{ padding: 5, backgroundColor: 'white' }}><View style={{ width: 10, height: 10, backgroundColor: color }} /></View>
        </Layer>
      </View>
    ));
    // The first change goes to a buffer never written (copied whole); then buffers have ages.
    for (const c of ['green', 'red', 'blue']) {
      color.value = c;
      await screen.flush();
    }
    expect(screen.pixel(56, 56)).toEqual(BLUE);
    // The 10x10 box plus its anti-aliasing margin, in the layer's buffer; nothing else.
    expect(screen.stats.damagedPx).toBeLessThanOrEqual(12 * 12);
    expect(screen.stats.copiedBytes).toBeLessThanOrEqual(12 * 12 * 4);
    expect(screen.stats.composedPx).toBe(0);
  });

  it('resizes with its content, and stays on its plane, cropped, while partly off the output', async () => {
    const wide = signal(false);
    const pos = signal({ x: 150, y: 10 });
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="popup" position={pos}><View style={{ width: () => (wide.value ? 80 : 40), height: 20, backgroundColor: 'red' }} /></Layer>
      </View>
    ));
    expect(screen.planeOf('popup')).not.toBeNull();
    wide.value = true;
    await screen.flush();
    expect(screen.pixel(199, 15)).toEqual(RED);
    // 80 px wide at x 150 on a 200 px output: the plane shows the 50 px inside (its source).
    expect(screen.planeOf('popup')).not.toBeNull();
    expect(screen.planes().find((p) => p.layerId !== 0)).toMatchObject({ x: 150, y: 10, source: { x: 0, y: 0, width: 50, height: 20 } });
    pos.value = { x: 100, y: 10 };
    await screen.flush();
    expect(screen.planeOf('popup')).not.toBeNull();
    expect(screen.pixel(179, 15)).toEqual(RED);
    expect(screen.pixel(180, 15)).toEqual(WHITE);
    expect(screen.planes().find((p) => p.layerId !== 0)!.source).toBeNull();
  });

  it('takes percentages of its own size from the output, and nests', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="backdrop" style={{ width: '100%', height: '50%', backgroundColor: 'rgba(0,0,0,0.5)' }}>
          <Layer testId="inner" position={{ x: 150, y: 150 }} zIndex={1}><Popup color="blue" w={20} h={20} /></Layer>
        </Layer>
      </View>
    ));
    expect(screen.find({ testId: 'backdrop' })).toEqual({ x: 0, y: 0, width: 200, height: 100 });
    expect(screen.pixel(10, 10)).toEqual([127, 127, 127, 255]);
    expect(screen.pixel(10, 110)).toEqual(WHITE);
    // The inner layer is placed on the output, not inside the outer one.
    expect(screen.pixel(155, 155)).toEqual(BLUE);
    expect(screen.find({ testId: 'inner' })).toEqual({ x: 150, y: 150, width: 20, height: 20 });
  });

  it('unmounting a layer uncovers what was under it', async () => {
    const shown = signal(true);
    const make = (plane: 'auto' | 'never') => () => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        {() => shown.value && <Layer plane={plane} position={{ x: 10, y: 10 }}><Popup /></Layer>}
      </View>
    );
    const a = await mount(make('auto'));
    const b = await mount(make('never'));
    shown.value = false;
    await a.flush();
    await b.flush();
    expect(a.pixel(20, 20)).toEqual(WHITE);
    expect(b.pixel(20, 20)).toEqual(WHITE);
    expect(a.planes().length).toBe(1);
  });

  it('reports a bad position, zIndex, opacity or plane and renders without it', async () => {
    const errors: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer position={{ x: Number.NaN, y: 0 }} zIndex={Infinity} opacity={2} plane={'maybe' as 'auto'}><Popup /></Layer>
      </View>
    ), { width: 200, height: 200, onError: (e) => errors.push(e.message) });
    expect(errors.join('\n')).toMatch(/Layer.*position.*finite/);
    expect(errors.join('\n')).toMatch(/zIndex = .*finite number/);
    expect(errors.join('\n')).toMatch(/opacity = 2: must be a number from 0 to 1/);
    expect(errors.join('\n')).toMatch(/plane = "maybe": must be one of 'auto', 'prefer', 'never'/);
    expect(screen.pixel(5, 5)).toEqual(RED);
  });
});

describe('a layer too large for a surface', () => {
  it('is reported once and not shown, and shows again once it fits', async () => {
    const errors: string[] = [];
    const tall = signal(10000);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="list" position={{ x: 10, y: 10 }}><View style={{ width: 20, height: tall, backgroundColor: 'red' }} /></Layer>
      </View>
    ), { width: 200, height: 200, onError: (e) => errors.push(e.message) });
    expect(errors).toEqual([expect.stringMatching(/the layer "list" is 20x10000 px, larger than the 8192 px a layer surface may have: give it a size/)]);
    expect(screen.pixel(15, 15)).toEqual(WHITE);
    tall.value = 50;
    await screen.flush();
    expect(screen.pixel(15, 15)).toEqual(RED);
    expect(errors).toHaveLength(1);
  });
});

describe('input across layers', () => {
  it('hits the topmost layer first, in its own coordinates, and bubbles to where it was written', async () => {
    const log: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }} onPointerDown={() => log.push('root-view')}>
        <View testId="under" style={{ position: 'absolute', left: 40, top: 40, width: 100, height: 100 }} onPress={() => log.push('under')} />
        <Layer position={{ x: 60, y: 60 }}>
          <View testId="button" style={{ width: 50, height: 30, backgroundColor: 'red' }}
            onPointerDown={(e) => log.push(`button ${e.x},${e.y}`)} onPress={(e) => log.push(`press ${e.x},${e.y}`)} />
        </Layer>
      </View>
    ));
    await screen.tap({ x: 70, y: 65 });
    expect(log).toEqual(['button 10,5', 'root-view', 'press 10,5']);
    log.length = 0;
    await screen.tap({ x: 45, y: 45 });
    expect(log).toEqual(['root-view', 'under']);
  });
});

describe('Portal', () => {
  it('renders into a named layer from deep in the tree, keeping context and owner', async () => {
    const dialogs: { current: NodeHandle | null } = { current: null };
    const open = signal(false);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer ref={dialogs} testId="dialogs" position={{ x: 20, y: 30 }} zIndex={100} />
        <View style={{ padding: 10 }}>
          <View style={{ width: 30, height: 30, backgroundColor: 'blue' }}>
            {() => open.value && <Portal into={dialogs}><View style={{ width: 50, height: 20, backgroundColor: 'red' }} /></Portal>}
          </View>
        </View>
      </View>
    ));
    expect(screen.pixel(25, 35)).toEqual(BLUE);
    open.value = true;
    await screen.flush();
    expect(screen.pixel(25, 35)).toEqual(RED);
    expect(screen.pixel(69, 49)).toEqual(RED);
    expect(screen.find({ testId: 'dialogs' })).toEqual({ x: 20, y: 30, width: 50, height: 20 });
    open.value = false;
    await screen.flush();
    expect(screen.pixel(25, 35)).toEqual(BLUE);
  });

  it('without a target makes its own layer above the others', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer zIndex={50} position={{ x: 0, y: 0 }}><Popup color="blue" w={100} h={100} /></Layer>
        <View><Portal testId="tip" position={{ x: 10, y: 10 }}><Text style={{ backgroundColor: 'red', fontSize: 10, padding: 4 }}>tip</Text></Portal></View>
      </View>
    ));
    expect(screen.pixel(11, 11)).toEqual(RED);
    expect(screen.text({ text: 'tip' })).toBe('tip');
  });

  it('says plainly when its target is not a mounted layer', async () => {
    const errors: string[] = [];
    await mount(() => <View><Portal into={{ current: null }}><View /></Portal></View>, { width: 50, height: 50, onError: (e) => errors.push(e.message) });
    expect(errors.join('\n')).toMatch(/Portal: `into` must be the ref of a mounted <Layer>/);
  });
});

describe('PLANAR_DEBUG=layers', () => {
  it('outlines each layer and labels it with its plane or "composited"', async () => {
    process.env.PLANAR_DEBUG = 'layers';
    try {
      const screen = await mount(() => (
        <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
          <Layer testId="onplane" position={{ x: 20, y: 20 }}><Popup color="white" w={120} h={50} /></Layer>
          <Layer testId="soft" plane="never" position={{ x: 20, y: 120 }}><Popup color="white" w={120} h={50} /></Layer>
        </View>
      ));
      const magenta = screen.pixel(20 + 60, 20 + 49);
      const orange = screen.pixel(20 + 60, 120 + 49);
      expect(magenta).toEqual([220, 0, 220, 255]);
      expect(orange).toEqual([255, 140, 0, 255]);
      // The label's text: white glyphs on the label box in the top-left corner.
      let light = 0;
      for (let x = 22; x < 100; x++) for (let y = 22; y < 34; y++) if (screen.pixel(x, y)[1] > 200) light++;
      expect(light).toBeGreaterThan(20);
    } finally {
      delete process.env.PLANAR_DEBUG;
    }
  });
});
