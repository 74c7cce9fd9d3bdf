/**
 * The inspector as a person debugging a panel uses it: the trees, a picked node's box model and
 * reactive props, the layers and why one is composited, the live damage flash, and frames.
 */
import { describe, expect, it, vi } from 'vitest';
import { Canvas, Layer, Show, Text, View, inspect, signal, type InspectedNode } from '@planar/toolkit';
import { checkLeaks } from '@planar/toolkit/testing';
import { mount } from './mount.js';

/** The first node in the tree with this testId. */
function byTestId(tree: InspectedNode, testId: string): InspectedNode {
  const found = (function find(n: InspectedNode): InspectedNode | null {
    if (n.testId === testId) return n;
    for (const c of n.children) {
      const f = find(c);
      if (f) return f;
    }
    return null;
  })(tree);
  if (!found) throw new Error(`no node "${testId}" in the tree`);
  return found;
}

function Tile(props: { label: string }) {
  return <View testId={`tile-${props.label}`} style={{ padding: 4 }}><Text>{props.label}</Text></View>;
}

function Panel() {
  return <View testId="panel" style={{ flexDirection: 'row', gap: 8 }}><Tile label="a" /><Tile label="b" /></View>;
}

describe('inspect', () => {
  it('lists the node tree and the component tree that wrote it', async () => {
    const screen = await mount(() => <Panel />);
    const inspector = inspect(screen.app);
    const tree = inspector.nodeTree();
    expect(tree.kind).toBe('root');
    const panel = byTestId(tree, 'panel');
    expect(panel).toMatchObject({ component: 'View', owner: 'Panel' });
    expect(panel.children.map((c) => c.testId)).toEqual(['tile-a', 'tile-b']);
    expect(byTestId(tree, 'tile-a').children[0]!.children[0]).toMatchObject({ kind: 'textpiece', text: 'a' });
    const components = inspector.componentTree();
    expect(components.map((c) => c.name)).toEqual(['Panel']);
    expect(components[0]!.children.map((c) => c.name)).toEqual(['Tile', 'Tile']);
    expect(components[0]!.nodes).toEqual([panel.id]);
    // The same node keeps its id from one call to the next.
    expect(byTestId(inspector.nodeTree(), 'panel').id).toBe(panel.id);
  });

  it('gives a node\'s box model on the output: margin, border, padding and content', async () => {
    const screen = await mount(() => (
      <View style={{ alignItems: 'flex-start' }}>
        <View testId="box" style={{ margin: 10, borderWidth: 2, borderColor: 'black', padding: 5, width: 60, height: 40 }} />
      </View>
    ), { width: 200, height: 200, scale: 2 });
    const inspector = inspect(screen.app);
    const box = inspector.node(byTestId(inspector.nodeTree(), 'box').id).box!;
    // Logical: border box at 10,10 60x40; at scale 2 everything doubles.
    expect(box.border).toEqual({ x: 20, y: 20, width: 120, height: 80 });
    expect(box.margin).toEqual({ x: 0, y: 0, width: 160, height: 120 });
    expect(box.padding).toEqual({ x: 24, y: 24, width: 112, height: 72 });
    expect(box.content).toEqual({ x: 34, y: 34, width: 92, height: 52 });
    expect(box.edges).toEqual({ margin: [10, 10, 10, 10], border: [2, 2, 2, 2], padding: [5, 5, 5, 5] });
  });

  it('shows the props that follow signals with their values now, and follows them', async () => {
    const color = signal('#204080');
    const count = signal(1);
    const screen = await mount(() => (
      <View testId="badge" focusable style={{ width: 40, height: 20, backgroundColor: color }} semantics={{ role: 'status', label: () => `${count.value} new` }} />
    ));
    const inspector = inspect(screen.app);
    const id = byTestId(inspector.nodeTree(), 'badge').id;
    const detail = inspector.node(id);
    expect(detail.props).toMatchObject({ testId: 'badge', focusable: true, semantics: { role: 'status', label: '1 new' } });
    expect(detail.style).toEqual({ width: 40, height: 20, backgroundColor: '#204080' });
    expect(detail.reactive).toEqual([
      { prop: 'semantics.label', via: 'getter', value: '1 new' },
      { prop: 'style.backgroundColor', via: 'signal', value: '#204080' },
    ]);
    expect(detail.semantics).toMatchObject({ role: 'status', name: '1 new', nodeId: id });
    color.value = '#208040';
    count.value = 2;
    await screen.flush();
    expect(inspector.node(id).reactive.map((r) => r.value)).toEqual(['2 new', '#208040']);
  });

  it('lists callbacks without calling them, and shows a getter that throws by its error', async () => {
    let draws = 0;
    const screen = await mount(() => (
      <View>
        <Canvas testId="c" style={{ width: 10, height: 10 }} draw={() => { draws++; }} />
        <View testId="v" onPress={() => { throw new Error('pressed'); }} style={{ width: () => { throw new Error('no width'); } }} />
      </View>
    ), { width: 200, height: 200, onError: () => {} });
    const inspector = inspect(screen.app);
    const tree = inspector.nodeTree();
    const drawn = draws;
    const canvas = inspector.node(byTestId(tree, 'c').id);
    expect(canvas.props.draw).toMatch(/^ƒ /);
    expect(draws).toBe(drawn);
    const view = inspector.node(byTestId(tree, 'v').id);
    expect(view.handlers).toEqual(['onPress']);
    expect(view.reactive).toEqual([{ prop: 'style.width', via: 'getter', value: { error: 'the getter threw: no width' } }]);
  });

  it('picks the topmost box under an output pixel, across layers and on a scaled output', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="left" style={{ position: 'absolute', left: 0, top: 0, width: 50, height: 50 }} />
        <Layer testId="popup" position={{ x: 100, y: 100 }}><View testId="in-popup" style={{ width: 40, height: 40 }} /></Layer>
      </View>
    ), { width: 200, height: 200, scale: 2 });
    const inspector = inspect(screen.app);
    const tree = inspector.nodeTree();
    expect(inspector.pick(20, 20)).toBe(byTestId(tree, 'left').id);
    expect(inspector.pick(220, 220)).toBe(byTestId(tree, 'in-popup').id);
    expect(inspector.pick(390, 10)).not.toBe(byTestId(tree, 'left').id);
    expect(() => inspector.pick(Number.NaN, 0)).toThrow(/x and y must be numbers/);
  });

  it('on an output turned a quarter, boxes and picks are where the screen shows them', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="corner" style={{ position: 'absolute', left: 0, top: 0, width: 50, height: 30 }} />
      </View>
    ), { width: 200, height: 100, rotation: 90 });
    const inspector = inspect(screen.app);
    const corner = byTestId(inspector.nodeTree(), 'corner');
    // Turned clockwise, the logical top-left corner is the output's top-right: 100 px wide output.
    expect(corner.box).toEqual({ x: 70, y: 0, width: 30, height: 50 });
    expect(inspector.pick(90, 10)).toBe(corner.id);
    expect(inspector.pick(10, 10)).not.toBe(corner.id);
  });

  it('lists the semantics tree, each record naming the node it describes', async () => {
    const screen = await mount(() => (
      <View testId="row" semantics={{ role: 'group', label: 'Lights' }}><Text testId="t">Kitchen</Text></View>
    ));
    const inspector = inspect(screen.app);
    const [group] = inspector.semantics();
    const tree = inspector.nodeTree();
    expect(group).toMatchObject({ role: 'group', name: 'Lights', nodeId: byTestId(tree, 'row').id });
    expect(group!.children).toMatchObject([{ role: 'text', name: 'Kitchen', nodeId: byTestId(tree, 't').id }]);
  });

  it('tells which plane a layer is on, and why another is composited', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="popup" position={{ x: 10, y: 10 }}><View style={{ width: 60, height: 40, backgroundColor: 'red' }} /></Layer>
        <Layer testId="soft" plane="never" position={{ x: 10, y: 100 }}><View style={{ width: 60, height: 40, backgroundColor: 'blue' }} /></Layer>
      </View>
    ));
    const { layers, refused, planes } = inspect(screen.app).layers();
    const popup = layers.find((l) => l.name === '"popup"')!;
    const soft = layers.find((l) => l.name === '"soft"')!;
    expect(popup.plane).toBe(screen.planeOf('popup'));
    expect(popup.plane).not.toBeNull();
    expect(popup.reason).toBeNull();
    expect(popup.rect).toEqual({ x: 10, y: 10, width: 60, height: 40 });
    expect(popup.buffers.length).toBeGreaterThan(0);
    expect(soft).toMatchObject({ plane: null, reason: 'plane="never"', preference: 'never' });
    expect(refused).toContain('"soft": plane="never"');
    expect(planes.map((p) => p.id)).toContain(popup.plane);
  });

  it('the damage flash outlines what a frame repainted while on, and leaves nothing once off', async () => {
    const color = signal('#204080');
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <View style={{ position: 'absolute', left: 40, top: 30, width: 50, height: 20, backgroundColor: color }} />
      </View>
    ), { width: 200, height: 150 });
    const inspector = inspect(screen.app);
    const red = () => {
      const { width, height, pixels } = screen.pixels();
      let n = 0;
      for (let i = 0; i < width * height * 4; i += 4) if (pixels[i] === 255 && pixels[i + 1] === 0 && pixels[i + 2] === 64) n++;
      return n;
    };
    inspector.setDamageFlash(true);
    expect(inspector.info().damageFlash).toBe(true);
    color.value = '#208040';
    await screen.flush();
    // The outline runs around the repainted box (with its pixel of anti-aliasing margin).
    expect(screen.pixel(39, 40)).toEqual([255, 0, 64, 255]);
    expect(red()).toBeGreaterThan(100);
    inspector.setDamageFlash(false);
    await screen.flush();
    expect(red()).toBe(0);
    color.value = '#802040';
    await screen.flush();
    expect(red()).toBe(0);
  });

  it('passes frame stats on, says when the tree changed, and a listener that throws stops nothing', async () => {
    const shown = signal(false);
    const color = signal('red');
    const screen = await mount(() => (
      <View style={{ backgroundColor: color }}><Show when={shown}><View testId="late" /></Show></View>
    ));
    const inspector = inspect(screen.app);
    const frames: number[] = [];
    let treeChanges = 0;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    inspector.onFrame(() => { throw new Error('listener bug'); });
    const offFrame = inspector.onFrame((stats) => frames.push(stats.frame));
    const offTree = inspector.onTreeChange(() => treeChanges++);
    color.value = 'blue';
    await screen.flush();
    expect(frames).toHaveLength(1);
    expect(errors.mock.calls.join('\n')).toMatch(/listener bug/);
    shown.value = true;
    await screen.flush();
    await vi.waitFor(() => expect(treeChanges).toBe(1), { timeout: 2000, interval: 50 });
    color.value = 'green';
    await screen.flush();
    expect(frames).toHaveLength(3);
    offFrame();
    offTree();
    errors.mockRestore();
  });

  it('answers a bad request with what to do', async () => {
    const screen = await mount(() => <View />);
    const inspector = inspect(screen.app);
    expect(() => inspector.node(123456)).toThrow(/no node 123456 is mounted .* pick it again/);
    expect(() => inspector.node('x' as unknown as number)).toThrow(/id must be an integer/);
    expect(() => inspector.setDamageFlash('yes' as unknown as boolean)).toThrow(/pass true or false/);
    expect(() => inspect({} as never)).toThrow(/not an app made by createApp/);
  });

  it('keeps no Yoga node, CanvasKit object or memory after inspecting and unmounting', async () => {
    const shown = signal(false);
    const n = signal(0);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Show when={shown}>
          {Array.from({ length: 20 }, (_, i) => <View testId={`v${i}`} style={{ width: 10, height: () => 5 + n.value }}><Text>{() => `${i}:${n.value}`}</Text></View>)}
          <Layer testId="popup" position={{ x: 10, y: 10 }}><View style={{ width: 30, height: 30, backgroundColor: 'red' }} /></Layer>
        </Show>
      </View>
    ));
    const inspector = inspect(screen.app);
    const report = await checkLeaks(async () => {
      shown.value = true;
      n.value++;
      await screen.flush();
      const tree = inspector.nodeTree();
      inspector.componentTree();
      inspector.semantics();
      inspector.layers();
      inspector.node(byTestId(tree, 'v3').id);
      inspector.pick(12, 12);
      shown.value = false;
      await screen.flush();
    }, { cycles: 400, warmup: 40, jsHeapBytesPerCycle: 1024 });
    expect(report.leaks).toEqual([]);
  }, 120_000);
});
