/**
 * Anchored layers (`<Layer anchor="parent">`): placed from the box they are written in, following
 * it as layout moves it, stacked just above the layer they are written in, and seen only through
 * the scroll viewports around them. Placing them repaints nothing.
 */
import { describe, expect, it } from 'vitest';
import { Layer, ScrollLayer, Show, View, signal } from '@planar/toolkit';
import { mount } from './mount.js';

const RED: [number, number, number, number] = [255, 0, 0, 255];
const WHITE: [number, number, number, number] = [255, 255, 255, 255];
const SIZE = { width: 200, height: 200 };

describe('<Layer anchor="parent">', () => {
  it('sits at its parent box plus its position and follows the box, repainting nothing', async () => {
    const top = signal(20);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <View style={{ height: top }} />
        <View style={{ marginLeft: 30, width: 100, height: 50, backgroundColor: '#ccc' }}>
          <Layer testId="badge" anchor="parent" position={{ x: 90, y: -5 }}><View style={{ width: 16, height: 16, backgroundColor: 'red' }} /></Layer>
        </View>
      </View>
    ), SIZE);
    expect(screen.find({ testId: 'badge' })).toEqual({ x: 120, y: 15, width: 16, height: 16 });
    expect(screen.planeOf('badge')).not.toBeNull();
    top.value = 60;
    await screen.flush();
    expect(screen.find({ testId: 'badge' })).toEqual({ x: 120, y: 55, width: 16, height: 16 });
    expect(screen.pixel(125, 60)).toEqual(RED);
    expect(screen.pixel(125, 20)).toEqual(WHITE);
  });

  it('stacks just above the layer it is written in, under layers with a higher zIndex', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer position={{ x: 0, y: 0 }} zIndex={5}>
          <View style={{ width: 100, height: 100, backgroundColor: '#00f' }}>
            <Layer anchor="parent" position={{ x: 10, y: 10 }}><View style={{ width: 40, height: 40, backgroundColor: 'red' }} /></Layer>
          </View>
        </Layer>
        <Layer position={{ x: 30, y: 30 }} zIndex={6}><View style={{ width: 20, height: 20, backgroundColor: '#0f0' }} /></Layer>
      </View>
    ), SIZE);
    expect(screen.pixel(15, 15)).toEqual(RED);
    expect(screen.pixel(35, 35)).toEqual([0, 255, 0, 255]);
    expect(screen.pixel(80, 80)).toEqual([0, 0, 255, 255]);
  });

  it('over a scroll view (its overlay) moves with a position change alone: 0 px painted, 0 bytes copied', async () => {
    const offset = signal({ x: 0, y: 0 });
    const thumb = () => ({ x: 190, y: 4 + offset.value.y / 10 });
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <ScrollLayer style={{ height: 150 }} offset={offset}
          overlay={<Layer testId="thumb" anchor="parent" position={thumb}><View style={{ width: 6, height: 30, backgroundColor: 'red' }} /></Layer>}>
          {Array.from({ length: 30 }, (_, i) => <View style={{ height: 40, backgroundColor: i % 2 ? '#345' : '#543' }} />)}
        </ScrollLayer>
      </View>
    ), { ...SIZE, planes: 'pi5' });
    expect(screen.pixel(192, 10)).toEqual(RED);
    offset.value = { x: 0, y: 300 };
    await screen.flush();
    expect(screen.stats).toMatchObject({ damagedPx: 0, copiedBytes: 0 });
    expect(screen.find({ testId: 'thumb' })).toEqual({ x: 190, y: 34, width: 6, height: 30 });
    expect(screen.pixel(192, 40)).toEqual(RED);
  });

  it('inside scrolled content scrolls with it and shows only through the viewport', async () => {
    const offset = signal({ x: 0, y: 0 });
    const taps: string[] = [];
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <View style={{ height: 50 }} onPress={() => taps.push('header')} />
        <ScrollLayer style={{ height: 100 }} offset={offset}>
          <View style={{ height: 40 }} />
          <View style={{ height: 40, backgroundColor: '#ddd' }}>
            <Layer testId="pin" anchor="parent" position={{ x: 10, y: 10 }}>
              <View style={{ width: 20, height: 20, backgroundColor: 'red' }} onPress={() => taps.push('pin')} />
            </Layer>
          </View>
          <View style={{ height: 300 }} />
        </ScrollLayer>
      </View>
    ), SIZE);
    expect(screen.find({ testId: 'pin' })).toEqual({ x: 10, y: 100, width: 20, height: 20 });
    offset.value = { x: 0, y: 55 };
    await screen.flush();
    // Now at y 45..65: the part above the viewport (y < 50) is cut, taps there reach the header.
    expect(screen.find({ testId: 'pin' })).toEqual({ x: 10, y: 45, width: 20, height: 20 });
    expect(screen.pixel(15, 47)).toEqual(WHITE);
    expect(screen.pixel(15, 55)).toEqual(RED);
    await screen.tap({ x: 15, y: 47 });
    await screen.tap({ x: 15, y: 60 });
    expect(taps).toEqual(['header', 'pin']);
  });

  it('is placed from the box it is written in, through Show and getters', async () => {
    const shown = signal(true);
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <View style={{ marginLeft: 40, marginTop: 30, width: 100, height: 50 }}>
          <Show when={shown}>
            {() => <Layer testId="tip" anchor="parent" position={{ x: 5, y: 5 }}><View style={{ width: 10, height: 10, backgroundColor: 'red' }} /></Layer>}
          </Show>
        </View>
      </View>
    ), SIZE);
    expect(screen.find({ testId: 'tip' })).toEqual({ x: 45, y: 35, width: 10, height: 10 });
    expect(screen.pixel(50, 40)).toEqual(RED);
  });

  it('says what is wrong with a bad anchor', async () => {
    const errors: string[] = [];
    await mount(() => <Layer anchor={'row' as never}><View /></Layer>, { ...SIZE, onError: (e) => errors.push(e.message) });
    expect(errors.join('\n')).toMatch(/anchor.*must be 'output' or 'parent'/);
  });
});
