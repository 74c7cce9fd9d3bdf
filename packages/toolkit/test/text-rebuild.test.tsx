/**
 * A label whose text or style keeps changing (a clock) is built again each time with a builder
 * it keeps: what it shows must be what a label drawn once with the same text and style shows.
 */
import { describe, expect, it } from 'vitest';
import { Text, View, signal, type Style } from '@planar/toolkit';
import { liveObjects, render } from '@planar/toolkit/testing';

const W = 360, H = 120;
const LABEL: Style = { fontSize: 28, color: 'black', fontWeight: 700 };
const NOTE: Style = { fontSize: 18, color: '#335', fontStyle: 'italic' };

function Panel(props: { clock: () => string; note: () => string; label?: () => Style }) {
  return (
    <View style={{ backgroundColor: 'white', padding: 8, width: W, height: H, alignItems: 'flex-end' }}>
      <Text style={props.label ?? LABEL}>{props.clock}</Text>
      <Text style={NOTE}>{props.note}</Text>
    </View>
  );
}

async function drawnOnce(clock: string, note: string, label: Style = LABEL): Promise<Uint8Array> {
  const screen = await render(() => <Panel clock={() => clock} note={() => note} label={() => label} />, { width: W, height: H });
  const { pixels } = screen.pixels();
  await screen.dispose();
  return pixels;
}

describe('a label built again and again', () => {
  it('shows each new time as a label drawn once with that time', async () => {
    const clock = signal('09:41');
    const note = signal('Thursday');
    const screen = await render(() => <Panel clock={() => clock.value} note={() => note.value} />, { width: W, height: H });
    for (const [time, day] of [['09:42', 'Thursday'], ['10:07', 'Friday'], ['23:59', 'Saturday'], ['00:00', 'Sunday']] as const) {
      clock.value = time;
      note.value = day;
      await screen.flush();
      expect(screen.getByText(time)).toBeVisible();
      expect(Buffer.compare(Buffer.from(screen.pixels().pixels), Buffer.from(await drawnOnce(time, day))), `${time} ${day}`).toBe(0);
    }
    await screen.dispose();
  });

  it('takes a new style as a label drawn once in that style, and leaves no CanvasKit object behind', async () => {
    await (await render(() => <Panel clock={() => 'x'} note={() => 'y'} />, { width: W, height: H })).dispose();
    const before = await liveObjects();
    const clock = signal('12:00');
    const light = signal(false);
    const label = (): Style => (light.value ? { ...LABEL, fontWeight: 400, fontStyle: 'italic', color: '#a00' } : LABEL);
    const screen = await render(() => <Panel clock={() => clock.value} note={() => 'Monday'} label={label} />, { width: W, height: H });
    for (let minute = 1; minute <= 4; minute++) {
      clock.value = `12:0${minute}`;
      light.value = minute % 2 === 0;
      await screen.flush();
      const expected = await drawnOnce(clock.value, 'Monday', label());
      expect(Buffer.compare(Buffer.from(screen.pixels().pixels), Buffer.from(expected)), `12:0${minute}, light ${light.value}`).toBe(0);
    }
    await screen.dispose();
    const after = await liveObjects();
    expect(after.canvasKitByClass).toEqual(before.canvasKitByClass);
  });
});
