/**
 * Button: pressed by a tap, Enter, Space and an encoder's push; repeating while held when asked;
 * disabled; its state looks (pressed, hovered, focus ring) in both themes; bad props reported.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child } from '@planar/toolkit';
import { type RenderOptions, type Screen } from '@planar/toolkit/testing';
import { Button, lightTheme, useTheme, type ButtonVariant } from '../src/index.js';
import { renderPlain, statesSheet } from './harness.js';
import { STATE_LAYER, overlay } from '../src/internal/state-layer.js';

const mount = (root: () => Child, options: RenderOptions = { width: 320, height: 200 }) => renderPlain(root, options);

function rgba(css: string): [number, number, number, number] {
  if (css.startsWith('#')) {
    const n = parseInt(css.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
  }
  const [r, g, b] = css.match(/[\d.]+/g)!.map(Number) as [number, number, number];
  return [r, g, b, 255];
}

/** The fill just inside the button's left edge, clear of the label and the rounded ends. */
function fillOf(screen: Screen, name: string): [number, number, number, number] {
  const b = screen.find(screen.getByRole('button', { name }));
  return screen.pixel(b.x + b.height / 2, b.y + 4);
}

const VARIANTS: ButtonVariant[] = ['filled', 'tonal', 'outline', 'text', 'icon'];
const COLUMNS = ['rest', 'pressed', 'disabled'] as const;

/** Each variant at rest, pressed and disabled, then a row with a hovered and a focused button. */
function ButtonSheet() {
  const theme = useTheme();
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 12, backgroundColor: () => theme.colors.surface }}>
      {VARIANTS.map((variant) => (
        <View style={{ flexDirection: 'row', gap: 16, alignItems: 'center' }}>
          {COLUMNS.map((state) => (
            <View style={{ width: 180 }}>
              <Button variant={variant} label={`${variant} ${state}`} icon={variant === 'icon' ? 'settings' : undefined} disabled={state === 'disabled'} />
            </View>
          ))}
          <Button variant={variant} label="Heat" icon={variant === 'icon' ? 'power' : 'thermometer'} />
        </View>
      ))}
      <View style={{ flexDirection: 'row', gap: 16, alignItems: 'center' }}>
        <View style={{ width: 180 }}><Button variant="filled" label="filled hover" /></View>
        <View style={{ width: 180 }}><Button variant="outline" label="outline hover" /></View>
        <View style={{ width: 180 }}><Button variant="tonal" label="focus ring" icon="check" /></View>
        <Button variant="icon" label="icon hover" icon="plus" />
      </View>
    </View>
  );
}

describe('Button states', () => {
  statesSheet('button', {
    title: (theme) => `shows every variant at rest, pressed, disabled, hovered and focused in the ${theme} theme`,
    sheet: () => <ButtonSheet />, width: 760, height: 400,
    act: async (screen) => {
      for (const [i, variant] of VARIANTS.entries()) {
        await screen.pointer.down(screen.getByRole('button', { name: `${variant} pressed` }), { type: 'touch', id: 10 + i });
      }
      await screen.key(screen.getByRole('button', { name: 'focus ring' }), 'Shift');
      for (const [i, name] of ['filled hover', 'outline hover', 'icon hover'].entries()) {
        await screen.pointer.move(screen.getByRole('button', { name }), { type: 'mouse', id: 20 + i });
      }
      await screen.advance(300);
      expect(screen.getByRole('button', { name: 'focus ring' })).toHaveFocus();
    },
  });

  it('lays the content colour over the container while pressed, and fades back after', async () => {
    const c = lightTheme.colors;
    const screen = await mount(() => <Button label="Boost" />);
    const boost = screen.getByRole('button', { name: 'Boost' });
    expect(fillOf(screen, 'Boost')).toEqual(rgba(c.primary));
    await screen.pointer.down(boost, { type: 'touch' });
    await screen.advance(200);
    expect(fillOf(screen, 'Boost')).toEqual(rgba(overlay(c.primary, c.onPrimary, STATE_LAYER.pressed)));
    await screen.pointer.up(boost, { type: 'touch' });
    await screen.advance(200);
    expect(fillOf(screen, 'Boost')).toEqual(rgba(c.primary));
  });
});

describe('Button', () => {
  it('presses on a tap, Enter, Space and an encoder push, once each', async () => {
    let presses = 0;
    const screen = await mount(() => <Button label="Save" onPress={() => presses++} />);
    const save = screen.getByRole('button', { name: 'Save' });
    await screen.tap(save);
    expect(presses).toBe(1);
    await screen.key(save, 'Enter');
    await screen.key(save, ' ');
    expect(presses).toBe(3);
    expect(save).toHaveFocus();
    await screen.act('press', save);
    expect(presses).toBe(4);
  });

  it('with repeat, presses again and again while held and stops when let go; a tap is still one press', async () => {
    const target = signal(21);
    const screen = await mount(() => <Button variant="icon" icon="plus" label="Warmer" repeat onPress={() => target.value++} />);
    const warmer = screen.getByRole('button', { name: 'Warmer' });
    await screen.tap(warmer);
    expect(target.value).toBe(22);

    await screen.pointer.down(warmer, { type: 'touch' });
    await screen.advance(399);
    expect(target.value).toBe(22);
    await screen.advance(1);
    expect(target.value).toBe(23);
    await screen.advance(400);
    expect(target.value).toBe(28);
    await screen.pointer.up(warmer, { type: 'touch' });
    await screen.advance(500);
    expect(target.value).toBe(28);
  });

  it('ignores a held key\'s repeats unless it repeats', async () => {
    const counts = { once: 0, repeating: 0 };
    const screen = await mount(() => (
      <View style={{ gap: 8 }}>
        <Button label="Once" onPress={() => counts.once++} />
        <Button label="Repeating" repeat onPress={() => counts.repeating++} />
      </View>
    ));
    for (const name of ['Once', 'Repeating'] as const) {
      await screen.key(screen.getByRole('button', { name }), 'Enter');
      for (let i = 0; i < 3; i++) {
        screen.display.inject({ kind: 'key', type: 'down', key: 'Enter', code: 'Enter', shift: false, ctrl: false, alt: false, meta: false, repeat: true, timestamp: 0 });
      }
      await screen.flush();
    }
    expect(counts).toEqual({ once: 1, repeating: 4 });
  });

  it('when disabled, is reported disabled, skipped by Tab, and presses on nothing', async () => {
    let presses = 0;
    const off = signal(true);
    const screen = await mount(() => (
      <View style={{ gap: 8 }}>
        <Button label="Restart" disabled={off} onPress={() => presses++} />
        <Button label="Cancel" variant="text" />
      </View>
    ));
    const restart = screen.getByRole('button', { name: 'Restart' });
    expect(restart).toBeDisabled();
    await screen.tap(restart);
    await screen.key('Tab');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await screen.key('Enter');
    expect(presses).toBe(0);
    off.value = false;
    await screen.flush();
    expect(restart).not.toBeDisabled();
    await screen.tap(restart);
    expect(presses).toBe(1);
  });

  it('an icon button is named by its label and shows the icon alone', async () => {
    const screen = await mount(() => <Button variant="icon" icon="settings" label="Settings" />);
    const settings = screen.getByRole('button', { name: 'Settings' });
    expect(settings).toHaveAccessibleName('Settings');
    expect(screen.queryByText('Settings')).toBeNull();
    expect(screen.find(settings)).toMatchObject({ width: 48, height: 48 });
  });

  it('reports an unknown variant and an icon button without an icon, and shows the nearest valid button', async () => {
    const errors: string[] = [];
    const screen = await mount(() => (
      <View style={{ gap: 8 }}>
        <Button variant={'primary' as ButtonVariant} label="Go" />
        <Button variant="icon" label="Nothing" />
      </View>
    ), { width: 320, height: 200, onError: (e) => errors.push(e.message) });
    expect(errors).toEqual([
      expect.stringMatching(/Button.*variant = "primary": no such variant — give one of filled, tonal, outline, text, icon; showing filled/),
      expect.stringMatching(/Button.*icon = undefined: an icon button needs an icon/),
    ]);
    expect(fillOf(screen, 'Go')).toEqual(rgba(lightTheme.colors.primary));
  });
});
