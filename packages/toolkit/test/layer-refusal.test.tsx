/**
 * Why a layer is composited, as a person debugging a panel sees it: `screen.whyComposited`, the
 * frame stats, and the label `PLANAR_DEBUG=layers` draws on the layer.
 */
import { describe, expect, it } from 'vitest';
import { Layer, View, planePreset, signal, type Child } from '@planar/toolkit';
import type { RenderOptions, Screen } from '@planar/toolkit/testing';
import type { Compositor } from '../src/compositor/compositor.js';
import { mount } from './mount.js';

const compositorOf = (screen: Screen) => (screen as unknown as { internals: { compositor: Compositor } }).internals.compositor;

function Box(props: { w: number; h: number; color?: string }) {
  return <View style={{ width: props.w, height: props.h, backgroundColor: props.color ?? 'red' }} />;
}

interface Case {
  name: string;
  options?: Partial<RenderOptions>;
  scene: () => Child;
  /** testId → why it is composited, or null when it is on a plane. */
  why: Record<string, string | null>;
}

const cases: Case[] = [
  {
    name: 'popup-on-an-overlay', scene: () => <Layer testId="popup" position={{ x: 10, y: 10 }}><Box w={60} h={40} /></Layer>,
    why: { popup: null },
  },
  {
    name: 'popup-asks-never', scene: () => <Layer testId="popup" plane="never" position={{ x: 10, y: 10 }}><Box w={60} h={40} /></Layer>,
    why: { popup: 'plane="never"' },
  },
  {
    name: 'menu-under-a-never-tooltip',
    scene: () => [
      <Layer testId="menu" position={{ x: 10, y: 10 }}><Box w={80} h={80} /></Layer>,
      <Layer testId="tip" plane="never" zIndex={5} position={{ x: 50, y: 50 }}><Box w={60} h={30} color="blue" /></Layer>,
    ],
    why: { menu: 'overlaps composited "tip" above it', tip: 'plane="never"' },
  },
  {
    name: 'popup-half-off-the-output', scene: () => <Layer testId="popup" position={{ x: 170, y: 10 }}><Box w={60} h={40} /></Layer>,
    why: { popup: null },
  },
  {
    name: 'popup-half-off-the-output-on-planes-that-cannot-crop', options: { planes: planePreset('vkms', { width: 200, height: 200 }).map((p) => ({ ...p, crop: false })) },
    scene: () => <Layer testId="popup" position={{ x: 170, y: 10 }}><Box w={60} h={40} /></Layer>,
    why: { popup: 'no plane fits it: the plane cannot crop (show part of its buffer)' },
  },
  {
    name: 'display-with-only-a-primary-plane', options: { planes: 'primary-only' },
    scene: () => <Layer testId="popup" position={{ x: 10, y: 10 }}><Box w={60} h={40} /></Layer>,
    why: { popup: 'no free plane' },
  },
];

describe('why a layer is composited', () => {
  it.each(cases)('$name', async (c) => {
    const screen = await mount(() => <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>{c.scene()}</View>, { width: 200, height: 200, ...c.options });
    const seen = Object.fromEntries(Object.keys(c.why).map((id) => [id, screen.whyComposited(id)]));
    expect(seen).toEqual(c.why);
    // The frame stats list the same reasons, one line per composited layer.
    const composited = Object.entries(c.why).filter(([, why]) => why !== null).map(([id, why]) => `"${id}": ${why}`);
    expect(screen.stats.refused.filter((line) => !line.startsWith('root:'))).toEqual(composited);
    expect(screen.stats.composited).toBe(screen.stats.refused.length);
  });

  it('after a commit the display refused, the next frame composites every layer and says why', async () => {
    const errors: string[] = [];
    const color = signal('red');
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="popup" position={{ x: 10, y: 10 }}><View style={{ width: 60, height: 40, backgroundColor: color }} /></Layer>
      </View>
    ), { width: 200, height: 200, onError: (e) => errors.push(e.message) });
    expect(screen.whyComposited('popup')).toBeNull();
    const display = screen.display;
    const commit = display.commit.bind(display);
    let refuse = true;
    // Like an atomic commit failing on a limit its TEST_ONLY did not see, once.
    display.commit = (state) => {
      if (refuse && state.layers.length > 1) {
        refuse = false;
        return Promise.reject(new Error('EINVAL'));
      }
      return commit(state);
    };
    color.value = 'blue';
    await screen.flush();
    expect(errors.join('\n')).toMatch(/rejected a frame/);
    expect(screen.whyComposited('popup')).toBe('recovering from a commit the display refused');
    expect(screen.stats.refused).toContain('"popup": recovering from a commit the display refused');
    color.value = 'green';
    await screen.flush();
    expect(screen.whyComposited('popup')).toBeNull();
  });
});

describe('PLANAR_DEBUG=layers', () => {
  it('labels a composited layer with the reason, in a label long enough to show it', async () => {
    process.env.PLANAR_DEBUG = 'layers';
    try {
      const screen = await mount(() => (
        <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
          <Layer testId="onplane" position={{ x: 10, y: 10 }}><Box w={380} h={50} color="white" /></Layer>
          <Layer testId="soft" plane="never" position={{ x: 10, y: 120 }}><Box w={380} h={50} color="white" /></Layer>
        </View>
      ), { width: 400, height: 200 });
      const compositor = compositorOf(screen);
      expect(compositor.outlineLabel('onplane')).toBe(`"onplane": plane ${screen.planeOf('onplane')}`);
      expect(compositor.outlineLabel('soft')).toBe('"soft": composited — plane="never"');
      // The label box (orange on a composited layer) reaches past where "soft: composited"
      // alone would end (12 + 7 px a character): the reason is drawn too.
      const orangeOrGlyph = (x: number) => {
        let n = 0;
        for (let y = 120 + 3; y < 120 + 15; y++) {
          const [r, g, b] = screen.pixel(x, y);
          if (r > 200 && g < 200 && b < 80) n++;
        }
        return n;
      };
      let beyond = 0;
      for (let x = 10 + 12 + 18 * 7; x < 10 + 230; x++) beyond += orangeOrGlyph(x);
      expect(beyond).toBeGreaterThan(500);
      // And not past the end of its own text.
      expect(orangeOrGlyph(10 + 12 + 34 * 7 + 10)).toBe(0);
    } finally {
      delete process.env.PLANAR_DEBUG;
    }
  });
});
