/**
 * Roller, as a person uses it: a fling comes to rest exactly on a row (the picture is the one
 * a roller showing that value draws), an infinite roller wraps round, keys and an encoder step
 * by one, a tap turns a row into the band, onChange fires once per settle, and a snapshot.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { ROLLER_ROW_HEIGHT, Roller, useTheme, type RollerProps } from '../src/index.js';
import { renderThemed } from './harness.js';

const touch = { type: 'touch' } as const;
const R = ROLLER_ROW_HEIGHT;
const HOURS = Array.from({ length: 24 }, (_, i) => `${String(i).padStart(2, '0')}:00`);
/** The roller's box: a 2 px ring, then rows; with 5 rows the band is the third. */
const BORDER = 2;

const mount = (ui: () => Child) => renderThemed(ui, { width: 200, height: 220 });
const spin = (screen: Screen, name = 'Hour') => screen.getByRole('spinbutton', { name });

/** Drags a finger on the roller by dy in `steps` moves 10 ms apart; `rest` ms of holding still before the lift (0: a flick). */
const drag = (screen: Screen, from: { x: number; y: number }, dy: number, steps = 6, rest = 0) => screen.drag(from, { dy }, { steps, hold: rest });

/** How many pixels differ between two frames. */
function differing(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n;
}

const hourRoller = (props: Partial<RollerProps>) => () => <Roller label="Hour" options={HOURS} visibleRows={5} {...props} />;

describe('Roller', () => {
  it('a fling comes to rest exactly on a row: the value is the option in the band, drawn as a roller at that value draws it', async () => {
    const changes: number[] = [];
    const screen = await mount(hourRoller({ defaultValue: 2, onChange: (i) => changes.push(i) }));
    await drag(screen, { x: 60, y: 170 }, -150);
    await screen.advance(4000);
    const value = spin(screen).value!.now!;
    expect(value).toBeGreaterThan(2 + 150 / R);
    expect(spin(screen)).toHaveValue({ now: value, text: HOURS[value] });
    expect(changes).toEqual([value]);
    const settled = screen.pixels().pixels;
    const fresh = await mount(hourRoller({ defaultValue: value }));
    expect(differing(settled, fresh.pixels().pixels)).toBe(0);
  });

  it('onChange fires once per settle, not for the rows passed on the way', async () => {
    const changes: number[] = [];
    const screen = await mount(hourRoller({ defaultValue: 0, onChange: (i) => changes.push(i) }));
    // Held still after three rows, then let go: one change.
    await drag(screen, { x: 60, y: 170 }, -3 * R, 6, 200);
    await screen.advance(1000);
    expect(changes).toEqual([3]);
    // Three quick presses glide on to one place: one change.
    await screen.key(spin(screen), 'ArrowDown');
    await screen.key('ArrowDown');
    await screen.key('ArrowDown');
    await screen.advance(1000);
    expect(changes).toEqual([3, 6]);
    // A drag that comes back to where it started changes nothing.
    await drag(screen, { x: 60, y: 100 }, -R, 4, 100);
    await drag(screen, { x: 60, y: 100 }, R, 4, 100);
    await screen.advance(1000);
    expect(changes).toEqual([3, 6, 7, 6]);
  });

  it('an infinite roller goes from the last option to the first, both ways', async () => {
    const value = signal(23);
    const screen = await mount(hourRoller({ value, infinite: true }));
    await screen.key(spin(screen), 'ArrowDown');
    await screen.advance(600);
    expect(value.value).toBe(0);
    await screen.key('ArrowUp');
    await screen.key('ArrowUp');
    await screen.advance(600);
    expect(value.value).toBe(22);
    // Dragged three rows on, past the end.
    await drag(screen, { x: 60, y: 170 }, -3 * R, 6, 200);
    await screen.advance(1000);
    expect(value.value).toBe(1);
    expect(spin(screen)).toHaveValue({ now: 1, text: '01:00' });
  });

  it('a finite roller stops at its ends', async () => {
    const value = signal(1);
    const screen = await mount(hourRoller({ value }));
    await screen.key(spin(screen), 'ArrowUp');
    await screen.key('ArrowUp');
    await screen.advance(600);
    expect(value.value).toBe(0);
    await drag(screen, { x: 60, y: 40 }, 150, 6, 200);
    await screen.advance(1500);
    expect(value.value).toBe(0);
    await screen.key('End');
    await screen.advance(600);
    expect(value.value).toBe(23);
  });

  it('keys, an encoder in edit mode, semantics actions and the wheel step by one', async () => {
    const value = signal(5);
    const screen = await mount(hourRoller({ value }));
    await screen.key(spin(screen), 'ArrowDown');
    await screen.advance(600);
    expect(value.value).toBe(6);
    await screen.key('PageUp');
    await screen.advance(600);
    expect(value.value).toBe(1);
    await screen.key('Enter');
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    await screen.advance(600);
    expect(value.value).toBe(3);
    await screen.act('decrement', spin(screen));
    await screen.advance(600);
    expect(value.value).toBe(2);
    screen.display.inject({ kind: 'wheel', x: 60, y: 100, deltaX: 0, deltaY: 40, discreteX: 0, discreteY: 1, timestamp: 0 });
    await screen.advance(600);
    expect(value.value).toBe(3);
  });

  it('a tap on a row turns it into the band; a value set from outside turns the roller there', async () => {
    const value = signal(10);
    const screen = await mount(hourRoller({ value }));
    // The first row shown is two above the band.
    await screen.tap({ x: 60, y: BORDER + R / 2 });
    await screen.advance(600);
    expect(value.value).toBe(8);
    value.value = 20;
    await screen.advance(600);
    expect(spin(screen)).toHaveValue({ now: 20, text: '20:00' });
    const fresh = await mount(hourRoller({ defaultValue: 20 }));
    expect(differing(screen.pixels().pixels, fresh.pixels().pixels)).toBe(0);
  });

  it('reports a value that is not an option and shows the nearest', async () => {
    const errors: string[] = [];
    const screen = await renderThemed(hourRoller({ defaultValue: 40 }), { width: 200, height: 220, onError: (e) => errors.push(e.message) });
    expect(spin(screen)).toHaveValue({ now: 23 });
    expect(errors).toEqual([expect.stringMatching(/Roller.*value = 40: is not the index of an option \(0\.\.23\)/)]);
  });
});

describe('Roller snapshot', () => {
  function Sheet(): Child {
    const theme = useTheme();
    return (
      <View style={{ width: '100%', height: '100%', padding: 12, gap: 16, flexDirection: 'row', backgroundColor: () => theme.colors.surface }}>
        <Roller label="Hour" options={HOURS} defaultValue={7} visibleRows={5} infinite />
        <Roller label="Minute" options={['00', '15', '30', '45']} defaultValue={1} visibleRows={5} infinite style={{ minWidth: 80 }} />
        <Roller label="Mode" options={['Heat', 'Cool', 'Auto', 'Off']} defaultValue={0} />
      </View>
    );
  }

  it('draws the band over the chosen rows, and a row half through the band half chosen', async () => {
    const screen = await renderThemed(() => <Sheet />, { width: 420, height: 240 });
    // A finger holds the minutes half a row along.
    const minute = screen.find(screen.getByRole('spinbutton', { name: 'Minute' }));
    await screen.pointer.down({ x: minute.x + 40, y: minute.y + 150 }, touch);
    for (let i = 1; i <= 4; i++) {
      await screen.advance(10);
      await screen.pointer.move({ x: minute.x + 40, y: minute.y + 150 - 5 * i }, touch);
    }
    await screen.advance(100);
    await expect(screen).toMatchImageSnapshot('roller-states-light');
  });
});
