/**
 * Widgets in a right-to-left layout, as a person uses them: arrows that point back and forward
 * are mirrored (and other glyphs are not), a Slider's value grows to the left, a Switch is on
 * at the left, a horizontal ScrollView and a Pager start at the right and go on to the left,
 * and a settings row mirrors as a whole (golden, looked at before it was written).
 */
import { describe, expect, it } from 'vitest';
import { FRICTION, REST_DISTANCE, Text, View, signal, type Child } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { Icon, ListItem, Pager, ScrollView, Slider, Switch } from '../src/index.js';
import { renderThemed } from './harness.js';

const touch = { type: 'touch' } as const;
const rtl = (ui: () => Child, width = 300, height = 200) => renderThemed(ui, { width, height, direction: 'rtl' });
const ltr = (ui: () => Child, width = 300, height = 200) => renderThemed(ui, { width, height, direction: 'ltr' });

/** The dark pixels of a box, as rows of '#' and '.', for comparing drawings. */
function drawing(screen: Screen, b: { x: number; y: number; width: number; height: number }): string[] {
  const { width, pixels } = screen.pixels();
  const rows: string[] = [];
  for (let y = b.y; y < b.y + b.height; y++) {
    let row = '';
    for (let x = b.x; x < b.x + b.width; x++) row += pixels[(y * width + x) * 4]! < 128 ? '#' : '.';
    rows.push(row);
  }
  return rows;
}
const mirror = (rows: string[]) => rows.map((r) => [...r].reverse().join(''));

describe('Icon', () => {
  it.each(['back', 'forward', 'chevron-left', 'chevron-right'] as const)('%s is drawn mirrored in rtl', async (name) => {
    const icon = () => <View style={{ alignItems: 'flex-start' }}><Icon name={name} size={24} color="black" testId="icon" /></View>;
    const a = await ltr(icon);
    const b = await rtl(icon);
    const left = drawing(a, a.find({ testId: 'icon' }));
    const right = drawing(b, b.find({ testId: 'icon' }));
    expect(right).not.toEqual(left);
    expect(right).toEqual(mirror(left));
  });

  it('a glyph of a thing (a clock) is drawn the same way in rtl', async () => {
    const icon = () => <View style={{ alignItems: 'flex-start' }}><Icon name="clock" size={24} color="black" testId="icon" /></View>;
    const a = await ltr(icon);
    const b = await rtl(icon);
    expect(drawing(b, b.find({ testId: 'icon' }))).toEqual(drawing(a, a.find({ testId: 'icon' })));
  });
});

describe('Slider', () => {
  /** The rail of a 240 px slider runs 14 px in from each end. */
  const railX = (box: { x: number; width: number }, fromRight: number) => box.x + box.width - 14 - fromRight * 212;

  it('grows to the left: a tap near the right is low, near the left is high, and the left arrow steps up', async () => {
    const level = signal(50);
    const screen = await rtl(() => <View style={{ padding: 20 }}><Slider label="Level" value={level} testId="slider" /></View>);
    const box = screen.find({ testId: 'slider' });
    const y = box.y + box.height / 2;
    await screen.tap({ x: railX(box, 0.1), y }, touch);
    expect(level.value).toBeCloseTo(10, 0);
    await screen.tap({ x: railX(box, 0.8), y }, touch);
    expect(level.value).toBeCloseTo(80, 0);
    // The thumb sits 80 % of the way from the right.
    const thumb = screen.find(screen.getByRole('slider', { name: 'Level' }));
    expect(thumb.x + thumb.width / 2).toBeCloseTo(railX(box, 0.8), 0);
    await screen.key(screen.getByRole('slider', { name: 'Level' }), 'ArrowLeft');
    expect(level.value).toBeCloseTo(81, 0);
    await screen.key('ArrowRight');
    await screen.key('ArrowRight');
    expect(level.value).toBeCloseTo(79, 0);
  });

  it('a drag to the left raises the value', async () => {
    const level = signal(20);
    const screen = await rtl(() => <View style={{ padding: 20 }}><Slider label="Level" value={level} step={1} /></View>);
    const thumb = screen.find(screen.getByRole('slider', { name: 'Level' }));
    await screen.drag({ x: thumb.x + thumb.width / 2, y: thumb.y + thumb.height / 2 }, { dx: -106 }, { hold: 100 });
    expect(level.value).toBe(70);
  });
});

describe('Switch', () => {
  it('is on at the left and turns on with a drag to the left', async () => {
    const on = signal(false);
    const screen = await rtl(() => <View style={{ alignItems: 'flex-start', padding: 20 }}><Switch label="Wi-Fi" hideLabel checked={on} testId="switch" /></View>);
    const box = screen.find(screen.getByRole('switch', { name: 'Wi-Fi' }));
    // The thumb rests 20 px in from the right when off, and from the left when on.
    const y = box.y + box.height / 2;
    const off = { x: box.x + box.width - 20, y }, onAt = { x: box.x + 20, y };
    expect(screen.pixel(onAt.x, y)).not.toEqual(screen.pixel(off.x, y));
    await screen.drag(off, { dx: -20 }, { hold: 100 });
    expect(on.value).toBe(true);
    await screen.advance(500);
    await screen.drag(onAt, { dx: 20 }, { hold: 100 });
    expect(on.value).toBe(false);
  });
});

const tiles = (n: number) => Array.from({ length: n }, (_, i) => (
  <View testId={`tile-${i}`} style={{ width: 100, height: 60, alignItems: 'center', justifyContent: 'center' }}><Text>{String(i)}</Text></View>
));

describe('horizontal ScrollView', () => {
  it('starts at the right, and a drag to the right brings the next items in from the left', async () => {
    const screen = await rtl(() => <ScrollView axis="x" label="Rooms" style={{ height: 80 }} contentStyle={{ flexDirection: 'row' }}>{tiles(8)}</ScrollView>);
    expect(screen.find({ testId: 'tile-0' }).x).toBe(200);
    expect(screen.find({ testId: 'tile-2' }).x).toBe(0);
    expect(screen.getByRole('group', { name: 'Rooms' }).value).toMatchObject({ now: 0 });
    await screen.drag({ x: 100, y: 40 }, { dx: 150 }, { hold: 200 });
    expect(screen.find({ testId: 'tile-0' }).x).toBe(350);
    expect(screen.getByRole('group', { name: 'Rooms' }).value).toMatchObject({ now: 150 });
    await screen.key(screen.getByRole('group', { name: 'Rooms' }), 'Home');
    await screen.advance(1000);
    expect(screen.find({ testId: 'tile-0' }).x).toBe(200);
  });

  it('puts content narrower than the viewport at the right', async () => {
    const screen = await rtl(() => <ScrollView axis="x" style={{ height: 80 }} contentStyle={{ flexDirection: 'row' }}>{tiles(2)}</ScrollView>);
    expect(screen.find({ testId: 'tile-0' }).x).toBe(200);
    expect(screen.find({ testId: 'tile-1' }).x).toBe(100);
  });

  it('keeps what is in view when the direction flips: the same distance from the start', async () => {
    const direction = signal<'ltr' | 'rtl'>('ltr');
    const screen = await renderThemed(() => <ScrollView axis="x" style={{ height: 80 }} contentStyle={{ flexDirection: 'row' }}>{tiles(8)}</ScrollView>, { width: 300, height: 200, direction });
    await screen.drag({ x: 200, y: 40 }, { dx: -100 }, { hold: 200 });
    expect(screen.find({ testId: 'tile-1' }).x).toBe(0);
    direction.value = 'rtl';
    await screen.advance(100);
    expect(screen.find({ testId: 'tile-1' }).x).toBe(200);
  });
});

describe('Pager', () => {
  const SETTLE = (Math.log(300 / REST_DISTANCE) / FRICTION) * 1000 + 100;
  const shown = (screen: Screen) => [0, 1, 2].findIndex((i) => Math.abs(screen.find({ testId: `tile-${i}` }).x) < 0.5);

  it('shows the first page first, and a swipe to the right turns to the next one; the dots run from the right', async () => {
    const page = signal(0);
    const screen = await rtl(() => <Pager label="Rooms" page={page} style={{ height: 120 }}>{[0, 1, 2].map((i) => <View testId={`tile-${i}`} style={{ flexGrow: 1 }} />)}</Pager>);
    expect(shown(screen)).toBe(0);
    const dots = screen.getAllByRole('tab').map((t) => screen.find(t).x);
    expect(dots[0]).toBeGreaterThan(dots[2]!);
    await screen.drag({ x: 150, y: 60 }, { dx: 90 }, { steps: 6 });
    await screen.advance(SETTLE);
    expect(page.value).toBe(1);
    expect(shown(screen)).toBe(1);
    await screen.act('increment', screen.getByRole('group', { name: 'Rooms' }));
    await screen.advance(SETTLE);
    expect(page.value).toBe(2);
  });
});

describe('a settings row', () => {
  it('mirrors as a whole in rtl', async () => {
    const row = (title: string, subtitle: string) => (
      <View style={{ width: '100%', height: '100%', padding: 8, gap: 4 }}>
        <ListItem icon="wifi" title={title} subtitle={subtitle} trailing={<Switch label={title} hideLabel defaultChecked />} />
        <ListItem icon="settings" title="Bluetooth" onPress={() => {}} trailing={<Icon name="chevron-right" />} />
        <View style={{ flexDirection: 'row', alignItems: 'center', gap: 8, paddingHorizontal: 16 }}>
          <Icon name="back" />
          <Slider label="Brightness" defaultValue={30} style={{ flexGrow: 1 }} />
        </View>
      </View>
    );
    const screen = await rtl(() => row('الواي فاي', 'متصل بـ home-5G'), 360, 200);
    await expect(screen).toMatchImageSnapshot('rtl-settings-row');
  });
});
