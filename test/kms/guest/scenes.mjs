/**
 * The scenes the KMS end-to-end tests show, shared by the apps that run them in the VM
 * (scenario.mjs) and the host tests that render them headless to compare pixels.
 * Plain JS with the toolkit's jsx(): the VM runs Node on the built packages, without a build
 * step of its own.
 */
import { ExternalLayer, Layer, Text, View } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';

const box = (style, children) => jsx(View, { style, children });

function backdrop(children, handlers = {}) {
  return jsx(View, { ...handlers, style: { width: '100%', height: '100%', backgroundColor: '#20303c', padding: 24, gap: 16 }, children: [
    jsx(Text, { style: { fontSize: 28, color: '#f0f4f8' }, children: 'Planar on KMS' }),
    box({ flexDirection: 'row', gap: 12 }, [
      box({ width: 120, height: 80, backgroundColor: '#e8a33d', borderRadius: 12 }),
      box({ width: 120, height: 80, backgroundColor: '#3da5e8', borderRadius: 12 }),
      box({ width: 120, height: 80, backgroundColor: '#7ee83d', borderRadius: 12 }),
    ]),
    ...children,
  ] });
}

/**
 * Where the green layer of threeLayers goes, one place after another, in the scenario that moves
 * it (budget-moves): apart from the others, over the blue one, over the red and the blue ones.
 * Each move changes which layers overlap, so each asks the plane allocator again.
 */
export const GREEN_PLACES = [{ x: 560, y: 120 }, { x: 420, y: 300 }, { x: 240, y: 200 }];

/** The green layer's text at each of GREEN_PLACES: each move repaints it too, so the frame that made the move can be told. */
export const greenLabel = (step) => (step === 0 ? 'overlay' : `moved ${step}`);

/**
 * Three layers for three overlay planes: translucent where they overlap each other and the
 * backdrop (premultiplied alpha), opaque elsewhere, each with content of its own. `green` (a
 * place, or a signal read) is where the top one is, `label` (a string or a signal read) its text.
 */
export function threeLayers(green = GREEN_PLACES[0], label = greenLabel(0)) {
  return backdrop([
    jsx(Layer, { testId: 'red', position: { x: 100, y: 160 }, children: box({ width: 300, height: 200, backgroundColor: 'rgba(255, 40, 40, 0.55)', padding: 20 }, [
      box({ width: 80, height: 80, backgroundColor: '#ffffff', borderRadius: 40 }),
    ]) }),
    jsx(Layer, { testId: 'blue', position: { x: 320, y: 260 }, children: box({ width: 300, height: 220, backgroundColor: 'rgba(40, 80, 255, 0.6)', borderRadius: 24 }, []) }),
    jsx(Layer, { testId: 'green', position: green, children: box({ width: 200, height: 300, backgroundColor: '#2e9e4f', padding: 16 }, [
      jsx(Text, { style: { fontSize: 22, color: '#ffffff' }, children: label }),
    ]) }),
  ]);
}

/** Twelve layers in a grid, some overlapping: more than vkms has overlay planes. */
export function manyLayers() {
  const layers = [];
  for (let i = 0; i < 12; i++) {
    const x = 40 + (i % 4) * 170, y = 120 + Math.floor(i / 4) * 150;
    const translucent = i % 3 === 1;
    layers.push(jsx(Layer, {
      testId: `layer-${i}`,
      position: { x, y },
      children: box({ width: 190, height: 120, backgroundColor: translucent ? 'rgba(250, 220, 60, 0.5)' : `hsl(${i * 30}, 70%, 45%)`, borderRadius: 10, padding: 10 }, [
        jsx(Text, { style: { fontSize: 18, color: '#ffffff' }, children: `layer ${i}` }),
      ]),
    }));
  }
  return backdrop(layers);
}

/** A label showing `text()` (a signal read): one label's change is the whole frame's damage. */
export function counter(text) {
  return backdrop([
    jsx(Text, { testId: 'count', style: { fontSize: 40, color: '#ffffff', width: 300 }, children: text }),
  ]);
}

/** One layer at `position()` (a signal read) over the backdrop. */
export function slider(position) {
  return backdrop([
    jsx(Layer, { testId: 'slider', position, children: box({ width: 160, height: 100, backgroundColor: '#e84d3d', borderRadius: 12 }, []) }),
  ]);
}

/**
 * A tile that toggles on press, and a line that shows the text typed (for input tests);
 * `state` holds signals `on` and `typed` and a `keys` array of the key events seen.
 */
export function tapAndType(state) {
  const composition = (e) => state.compositions?.push(`${e.type.replace('composition', '')} ${e.data}`);
  const handlers = {
    onKeyDown: (e) => state.keys.push({ key: e.key, code: e.code, shift: e.shift, ctrl: e.ctrl }),
    onTextInput: (e) => { state.typed.value += e.text; },
    onCompositionStart: composition,
    onCompositionUpdate: composition,
    onCompositionEnd: composition,
  };
  return backdrop([
    box({ flexDirection: 'row', gap: 16 }, [
      jsx(View, {
        testId: 'tile',
        ref: (handle) => { state.tile = handle; },
        onPress: () => { state.on.value = !state.on.value; },
        style: () => ({ width: 200, height: 160, borderRadius: 16, backgroundColor: state.on.value ? '#f5c542' : '#4a5866' }),
      }),
      jsx(Text, { style: { fontSize: 26, color: '#ffffff', width: 400 }, children: () => `typed: ${state.typed.value}` }),
    ]),
  ], handlers);
}

/** An external frame's pixels in XRGB8888 (B, G, R, X in memory): colour bands and a diagonal. */
export function patternBgrx(width, height) {
  const bytes = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const band = Math.floor((x * 4) / width);
      const diagonal = Math.abs(x - y) < 3;
      bytes[i] = diagonal ? 255 : [40, 200, 90, 230][band];
      bytes[i + 1] = diagonal ? 255 : [180, 60, 210, 120][band];
      bytes[i + 2] = diagonal ? 255 : (y * 255) / height;
      bytes[i + 3] = 255;
    }
  }
  return bytes;
}

/** An external source's frames at 600, 400 over the backdrop. */
export function withExternal(source) {
  return backdrop([jsx(ExternalLayer, { testId: 'camera', source, position: { x: 600, y: 400 } })]);
}
