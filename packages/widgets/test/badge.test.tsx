/**
 * Badge: counts, "99+", a dot, tones, hidden at 0, a status named by what it counts, bad counts
 * reported and shown as the nearest whole number; states in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child } from '@planar/toolkit';
import { type RenderOptions } from '@planar/toolkit/testing';
import { Badge, Icon, useTheme, type BadgeTone } from '../src/index.js';
import { renderPlain, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions = { width: 200, height: 80 }) => renderPlain(root, options);

const TONES: BadgeTone[] = ['error', 'primary', 'tertiary', 'success', 'warning'];

function Sheet() {
  const theme = useTheme();
  const row = { flexDirection: 'row', gap: 16, alignItems: 'center' } as const;
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 16, backgroundColor: () => theme.colors.surface }}>
      <View style={row}>
        <Badge count={1} />
        <Badge count={12} />
        <Badge count={99} />
        <Badge count={150} />
        <Badge count={1500} max={999} />
        <Badge label="Update ready" />
      </View>
      <View style={row}>{TONES.map((tone) => <Badge count={3} tone={tone} />)}</View>
      <View style={{ ...row, gap: 40 }}>
        {(['bell', 'wifi', 'settings'] as const).map((name, i) => (
          <View style={{ width: 32, height: 32, justifyContent: 'center', alignItems: 'center' }}>
            <Icon name={name} />
            <View style={{ position: 'absolute', top: i === 2 ? 4 : -2, left: i === 2 ? 22 : 18, width: 40 }}>
              <Badge count={i === 2 ? undefined : [4, 120][i]} />
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

describe('Badge states', () => {
  statesSheet('badge', {
    title: (theme) => `shows counts, the cap, a dot, every tone and badges on icons in the ${theme} theme`,
    sheet: () => <Sheet />, width: 340, height: 150,
  });
});

describe('Badge', () => {
  it('is a status named by what it counts, capped at max, and gone at 0', async () => {
    const alerts = signal(3);
    const screen = await mount(() => <Badge count={alerts} label={() => `${alerts.value} alerts`} testId="badge" />);
    expect(screen.getByRole('status', { name: '3 alerts' })).toBeVisible();
    expect(screen.text({ testId: 'badge' })).toBe('3');
    alerts.value = 120;
    await screen.flush();
    expect(screen.text({ testId: 'badge' })).toBe('99+');
    alerts.value = 0;
    await screen.flush();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.find({ testId: 'badge' })).toMatchObject({ width: 0, height: 0 });
  });

  it('reports a count that is not a whole number of 0 or more, and an unknown tone', async () => {
    const errors: string[] = [];
    const screen = await mount(() => (
      <View style={{ flexDirection: 'row', gap: 8 }}>
        <Badge count={2.6} testId="fraction" />
        <Badge count={-4} testId="negative" />
        <Badge count={5} tone={'danger' as BadgeTone} />
      </View>
    ), { width: 200, height: 80, onError: (e) => errors.push(e.message) });
    expect(errors).toEqual([
      expect.stringMatching(/Badge.*count = 2\.6: must be a whole number of 0 or more; showing 3/),
      expect.stringMatching(/Badge.*count = -4: must be a whole number of 0 or more; showing 0/),
      expect.stringMatching(/Badge.*tone = "danger": no such tone — give one of error, primary, tertiary, success, warning; showing error/),
    ]);
    expect(screen.text({ testId: 'fraction' })).toBe('3');
    expect(screen.queryByRole('status', { name: '0' })).toBeNull();
  });
});
