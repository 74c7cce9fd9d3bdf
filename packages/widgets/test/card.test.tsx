/**
 * Card: elevated, filled and outlined surfaces; a pressable card is a button (tap, keys,
 * encoder) with pressed, hovered and focused looks; disabled; a bad variant reported.
 */
import { describe, expect, it } from 'vitest';
import { Text, View, type Child } from '@planar/toolkit';
import { type RenderOptions } from '@planar/toolkit/testing';
import { Card, lightTheme, useTheme, type CardVariant } from '../src/index.js';
import { renderPlain, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions = { width: 320, height: 200 }) => renderPlain(root, options);

function Body(props: { title: string }) {
  const theme = useTheme();
  return (
    <>
      <Text style={{ ...theme.typography('titleMedium'), color: () => theme.colors.onSurface }}>{props.title}</Text>
      <Text style={{ ...theme.typography('bodyMedium'), color: () => theme.colors.onSurfaceVariant }}>21.5 °C · heating</Text>
    </>
  );
}

const VARIANTS: CardVariant[] = ['elevated', 'filled', 'outlined'];

function Sheet() {
  const theme = useTheme();
  const row = { flexDirection: 'row', gap: 16 } as const;
  const cell = { width: 170 };
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 16, backgroundColor: () => theme.colors.surface }}>
      {VARIANTS.map((variant) => (
        <View style={row}>
          <Card variant={variant} style={cell}><Body title={variant} /></Card>
          <Card variant={variant} style={cell} onPress={() => {}}><Body title={`${variant} pressed`} /></Card>
          <Card variant={variant} style={cell} onPress={() => {}}><Body title={`${variant} hovered`} /></Card>
          <Card variant={variant} style={cell} onPress={() => {}} disabled><Body title={`${variant} disabled`} /></Card>
        </View>
      ))}
      <View style={row}><Card style={cell} onPress={() => {}}><Body title="focused" /></Card></View>
    </View>
  );
}

describe('Card states', () => {
  statesSheet('card', {
    title: (theme) => `shows each variant at rest, pressed, hovered and disabled, and a focused card, in the ${theme} theme`,
    sheet: () => <Sheet />, width: 760, height: 480,
    act: async (screen) => {
      for (const [i, variant] of VARIANTS.entries()) {
        await screen.pointer.down(screen.getByRole('button', { name: new RegExp(`^${variant} pressed`) }), { type: 'touch', id: 10 + i });
        await screen.pointer.move(screen.getByRole('button', { name: new RegExp(`^${variant} hovered`) }), { type: 'mouse', id: 20 + i });
      }
      await screen.key(screen.getByRole('button', { name: /^focused/ }), 'Shift');
      await screen.advance(300);
    },
  });
});

describe('Card', () => {
  it('a pressable card is a button named by its label or its text, pressed by a tap, Enter and an encoder push', async () => {
    let opened = 0;
    const screen = await mount(() => (
      <View style={{ gap: 8 }}>
        <Card onPress={() => opened++} label="Kitchen"><Body title="Kitchen · 3 lights" /></Card>
        <Card><Body title="Hall" /></Card>
      </View>
    ));
    const kitchen = screen.getByRole('button', { name: 'Kitchen' });
    await screen.tap(kitchen);
    await screen.key(kitchen, 'Enter');
    await screen.act('press', kitchen);
    expect(opened).toBe(3);
    expect(screen.getAllByRole('button')).toHaveLength(1);
    expect(screen.getByText('Hall')).toBeVisible();
  });

  it('when disabled, is reported disabled and presses on nothing', async () => {
    let opened = 0;
    const screen = await mount(() => <Card onPress={() => opened++} disabled><Body title="Garage" /></Card>);
    const garage = screen.getByRole('button', { name: /Garage/ });
    expect(garage).toBeDisabled();
    await screen.tap(garage);
    await screen.key('Tab');
    await screen.key('Enter');
    expect(opened).toBe(0);
  });

  it('reports an unknown variant and shows the elevated card', async () => {
    const errors: string[] = [];
    const screen = await mount(() => <Card variant={'raised' as CardVariant} testId="card"><Body title="Hall" /></Card>,
      { width: 320, height: 200, onError: (e) => errors.push(e.message) });
    expect(errors).toEqual([expect.stringMatching(/Card.*variant = "raised": no such variant — give one of elevated, filled, outlined; showing elevated/)]);
    const box = screen.find({ testId: 'card' });
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(lightTheme.colors.surfaceContainerLow.slice(i, i + 2), 16));
    expect(screen.pixel(box.x + box.width - 6, box.y + 6)).toEqual([r, g, b, 255]);
  });
});
