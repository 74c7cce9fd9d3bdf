/**
 * Slider: keys, semantics actions, tap and drag (claimed only along its axis, so a scroller
 * across it keeps its drags), steps, a range with two thumbs, vertical, an encoder's edit
 * mode, the value label while dragging, disabled, bad props, and the states sheet in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, useGestures, type Child, type NodeHandle } from '@planar/toolkit';
import { type RenderOptions } from '@planar/toolkit/testing';
import { Slider, useTheme } from '../src/index.js';
import { renderThemed, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions = {}) => renderThemed(root, { width: 300, height: 300, ...options });

const touch = { type: 'touch' } as const;
/** The rail of a 240 px slider runs from 14 px to 226 px (inset by half a thumb). */
const railX = (box: { x: number }, f: number) => box.x + 14 + f * 212;

describe('Slider', () => {
  it('steps with the arrows, pages with PageUp/PageDown, jumps with Home/End, and runs semantics actions', async () => {
    const volume = signal(40);
    const screen = await mount(() => <Slider label="Volume" value={volume} step={1} />);
    const slider = screen.getByRole('slider', { name: 'Volume' });
    expect(slider).toHaveValue({ now: 40, min: 0, max: 100, text: '40' });
    await screen.key(slider, 'ArrowRight');
    expect(volume.value).toBe(41);
    await screen.key('ArrowDown');
    await screen.key('ArrowDown');
    expect(volume.value).toBe(39);
    await screen.key('PageUp');
    expect(volume.value).toBe(49);
    await screen.key('End');
    expect(slider).toHaveValue(100);
    await screen.key('ArrowRight');
    expect(volume.value).toBe(100);
    await screen.key('Home');
    expect(volume.value).toBe(0);
    await screen.act('increment', slider);
    expect(slider).toHaveValue(1);
    await screen.act('decrement', slider);
    expect(slider).toHaveValue(0);
    expect(slider).toHaveFocus();
  });

  it('moves to where the rail is tapped, and follows a drag with its value shown above the thumb', async () => {
    const changes: number[] = [];
    const screen = await mount(() => <Slider label="Brightness" defaultValue={20} onChange={(v) => changes.push(v)} formatValue={(v) => `${Math.round(v)} %`} />);
    const slider = screen.getByRole('slider', { name: 'Brightness' });
    const thumb = screen.find(slider);
    const y = thumb.y + thumb.height / 2;
    // The thumb's centre is 20 % along the rail: where the slider's box starts follows from it.
    const root = { x: thumb.x + thumb.width / 2 - railX({ x: 0 }, 0.2) };
    await screen.tap({ x: railX(root, 0.75), y });
    // Continuous: where the finger was, to within the pixel boxes are laid out on.
    expect(slider.value?.now).toBeCloseTo(75, 0);

    await screen.pointer.down({ x: railX(root, 0.75), y }, touch);
    await screen.pointer.move({ x: railX(root, 0.6), y }, touch);
    await screen.pointer.move({ x: railX(root, 0.5), y }, touch);
    expect(slider.value?.now).toBeCloseTo(50, 0);
    expect(slider).toHaveValue({ text: '50 %' });
    await screen.advance(200);
    expect(screen.getByText('50 %')).toBeVisible();
    await screen.pointer.up({ x: railX(root, 0.5), y }, touch);
    await screen.advance(200);
    expect(screen.getByText('50 %')).not.toBeVisible();
    expect(changes[0]).toBeCloseTo(75, 0);
    expect(changes[changes.length - 1]).toBeCloseTo(50, 0);
  });

  it('inside a vertical scroller, claims only drags along its axis', async () => {
    const scrolled: number[] = [];
    function Scroller(props: { children: Child }) {
      const ref = { current: null as NodeHandle | null };
      useGestures(ref, { onPan: { axis: 'y', update: (e) => void scrolled.push(e.dy) } });
      return <View ref={ref} style={{ width: 300, height: 300, padding: 30 }}>{props.children}</View>;
    }
    const level = signal(50);
    const screen = await mount(() => <Scroller><Slider label="Level" value={level} /></Scroller>);
    const thumb = screen.find(screen.getByRole('slider', { name: 'Level' }));
    const at = { x: thumb.x + thumb.width / 2, y: thumb.y + thumb.height / 2 };
    await screen.pointer.down(at, touch);
    await screen.pointer.move({ x: at.x + 2, y: at.y + 20 }, touch);
    await screen.pointer.move({ x: at.x + 3, y: at.y + 60 }, touch);
    await screen.pointer.up({ x: at.x + 3, y: at.y + 60 }, touch);
    expect(scrolled.length).toBeGreaterThan(0);
    expect(level.value).toBe(50);

    scrolled.length = 0;
    await screen.pointer.down(at, touch);
    await screen.pointer.move({ x: at.x + 20, y: at.y + 2 }, touch);
    await screen.pointer.move({ x: at.x + 53, y: at.y + 3 }, touch);
    await screen.pointer.up({ x: at.x + 53, y: at.y + 3 }, touch);
    expect(scrolled).toEqual([]);
    expect(level.value).toBeCloseTo(75, 0);
  });

  it('in steps, lands only on the steps', async () => {
    const temp = signal(20);
    const screen = await mount(() => <Slider label="Setpoint" value={temp} min={16} max={26} step={0.5} />);
    const slider = screen.getByRole('slider', { name: 'Setpoint' });
    await screen.key(slider, 'ArrowRight');
    expect(temp.value).toBe(20.5);
    expect(slider).toHaveValue({ text: '20.5' });
    const thumb = screen.find(slider);
    const y = thumb.y + thumb.height / 2;
    // 20.5 is 45 % along; tap 61.3 % along (22.13): the nearest step is 22.
    await screen.tap({ x: thumb.x + thumb.width / 2 + 0.163 * 212, y });
    expect(temp.value).toBe(22);
  });

  it('as a range, has a named thumb for each end that cannot pass the other', async () => {
    const hours = signal<readonly [number, number]>([8, 18]);
    const screen = await mount(() => <Slider label="Heating" value={hours} min={0} max={24} step={1} />);
    const from = screen.getByRole('slider', { name: 'Heating minimum' });
    const to = screen.getByRole('slider', { name: 'Heating maximum' });
    expect(from).toHaveValue({ now: 8, min: 0, max: 24 });
    expect(to).toHaveValue(18);
    await screen.key(from, 'End');
    expect(hours.value).toEqual([18, 18]);
    await screen.key(to, 'ArrowRight');
    expect(hours.value).toEqual([18, 19]);
    // A tap past the upper thumb moves the upper one.
    const thumb = screen.find(to);
    await screen.tap({ x: thumb.x + thumb.width / 2 + 30, y: thumb.y + thumb.height / 2 });
    expect(hours.value[0]).toBe(18);
    expect(hours.value[1]).toBeGreaterThan(19);
  });

  it('vertical: up is more, and a tap near the top is near the maximum', async () => {
    const level = signal(10);
    const screen = await mount(() => <Slider label="Volume" value={level} orientation="vertical" step={1} />);
    const slider = screen.getByRole('slider', { name: 'Volume' });
    await screen.key(slider, 'ArrowUp');
    expect(level.value).toBe(11);
    const thumb = screen.find(slider);
    // The rail runs from 186 px (min) up to 14 px (max) in the 200 px box; the thumb is at 11 %.
    const top = thumb.y + thumb.height / 2 - (186 - 0.11 * 172);
    await screen.tap({ x: thumb.x + thumb.width / 2, y: top + 14 + 0.1 * 172 });
    expect(level.value).toBe(90);
  });

  it('with an encoder: a push to edit (showing the value), turns to step, a push to leave', async () => {
    const level = signal(30);
    const screen = await mount(() => <Slider label="Fan" value={level} step={5} />);
    await screen.key('EncoderCW');
    expect(screen.getByRole('slider', { name: 'Fan' })).toHaveFocus();
    await screen.key('EncoderCW');
    expect(level.value).toBe(30);
    await screen.key('Enter');
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    await screen.key('EncoderCCW');
    expect(level.value).toBe(35);
    await screen.advance(200);
    expect(screen.getByText('35')).toBeVisible();
    await screen.key('Enter');
    await screen.key('EncoderCW');
    expect(level.value).toBe(35);
  });

  it('when disabled, ignores taps, drags, keys and actions', async () => {
    const level = signal(30);
    const screen = await mount(() => <Slider label="Fan" value={level} disabled />);
    const slider = screen.getByRole('slider', { name: 'Fan' });
    expect(slider).toBeDisabled();
    const thumb = screen.find(slider);
    await screen.tap({ x: thumb.x + 100, y: thumb.y + thumb.height / 2 });
    await expect(screen.act('increment', slider)).rejects.toThrow(/disabled/);
    await screen.key('Tab');
    expect(slider).not.toHaveFocus();
    expect(level.value).toBe(30);
  });

  it('reports a value outside min..max, a step of 0 and min above max, and shows the nearest valid slider', async () => {
    const errors: string[] = [];
    const screen = await mount(() => (
      <View>
        <Slider label="Over" defaultValue={140} />
        <Slider label="Flat" defaultValue={33.3} step={0} />
        <Slider label="Upside down" defaultValue={5} min={10} max={0} />
      </View>
    ), { onError: (e) => errors.push(e.message) });
    expect(screen.getByRole('slider', { name: 'Over' })).toHaveValue({ now: 100, min: 0, max: 100 });
    expect(screen.getByRole('slider', { name: 'Flat' })).toHaveValue(33.3);
    expect(screen.getByRole('slider', { name: 'Upside down' })).toHaveValue({ now: 5, min: 0, max: 10 });
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/Slider.*value = 140.*outside min\.\.max \(0\.\.100\)/);
    expect(errors[1]).toMatch(/Slider.*step = 0.*must be above 0/);
    expect(errors[2]).toMatch(/Slider.*min = 10.*above max \(0\)/);
  });
});

/** Every state: continuous, stepped, range, dragging (label shown), focus-visible, disabled, vertical. */
function States() {
  const theme = useTheme();
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, flexDirection: 'row', gap: 24, backgroundColor: () => theme.colors.surface }}>
      <View style={{ gap: 12, paddingTop: 20 }}>
        <Slider label="Continuous" defaultValue={30} />
        <Slider label="Stepped" defaultValue={60} step={10} />
        <Slider label="Range" defaultValue={[20, 70]} />
        <Slider label="Dragging" defaultValue={45} step={5} />
        <Slider label="Focused" defaultValue={80} />
        <Slider label="Disabled" defaultValue={50} disabled />
      </View>
      <Slider label="Vertical" orientation="vertical" defaultValue={40} step={20} style={{ height: 300 }} />
    </View>
  );
}

describe('Slider states sheet', () => {
  statesSheet('slider', {
    sheet: () => <States />, width: 360, height: 360,
    act: async (screen) => {
      const thumb = screen.find(screen.getByRole('slider', { name: 'Dragging' }));
      const at = { x: thumb.x + thumb.width / 2, y: thumb.y + thumb.height / 2 };
      await screen.pointer.down(at, { type: 'touch', id: 1 });
      await screen.pointer.move({ x: at.x + 15, y: at.y }, { type: 'touch', id: 1 });
      await screen.pointer.move({ x: at.x + 21.2, y: at.y }, { type: 'touch', id: 1 });
      await screen.key(screen.getByRole('slider', { name: 'Focused' }), 'Escape');
      await screen.advance(300);
      expect(screen.getByRole('slider', { name: 'Dragging' })).toHaveValue(55);
    },
  });
});
