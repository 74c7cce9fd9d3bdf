/**
 * The Wi-Fi page, as a person at the panel uses it: opened from the settings, a secured network
 * tapped, its password typed on the on-screen keyboard and sent with Go; a wrong password is
 * refused with a message, an open network joins at a tap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render, type Screen } from '@planar/toolkit/testing';
import { KEYBOARD_SLIDE_MS } from '@planar/widgets';
import { App, createHomeModel } from '../src/index.js';
import { colors } from '../src/theme.js';
import { CONNECT_DELAY_MS } from '../src/wifi.js';

let screen: Screen | null = null;
afterEach(async () => {
  await screen?.dispose();
  screen = null;
});

async function openWifi() {
  const model = createHomeModel({ frozen: true });
  screen = await render(() => <App model={model} size={{ width: 800, height: 480 }} />, { width: 800, height: 480, background: colors.background });
  await screen.tap(screen.getByRole('button', { name: 'Settings' }));
  await screen.advance(600);
  await screen.tap(screen.getByRole('button', { name: 'Wi-Fi' }));
  await screen.advance(600);
  return { screen, model };
}

const network = (screen: Screen, ssid: string) => screen.getByRole('button', { name: ssid });

/** Taps the keys that type `text`, one by one, each found by its name. */
async function tapKeys(screen: Screen, text: string): Promise<void> {
  for (const ch of text) await screen.tap(screen.getByRole('button', { name: ch }));
}

/** Opens the password field of `ssid` and lets the keyboard slide up. */
async function askPassword(screen: Screen, ssid: string) {
  await screen.tap(network(screen, ssid));
  await screen.advance(100);
  const field = screen.getByRole('textbox', { name: `Password for ${ssid}` });
  await screen.tap(field);
  await screen.advance(KEYBOARD_SLIDE_MS + 100);
  return () => screen.getByRole('textbox', { name: `Password for ${ssid}` });
}

describe('Wi-Fi page', () => {
  it('lists the networks in range, the connected one marked', async () => {
    const { screen } = await openWifi();
    expect(screen.getByRole('heading', { name: 'Wi-Fi' })).toBeVisible();
    expect(network(screen, 'Maple Guest').description).toBe('Connected');
    for (const ssid of ['Maple House', 'Maple Guest', 'Neighbour 5G', 'Cafe Corner']) expect(network(screen, ssid)).toBeVisible();
    expect(screen.getAllByRole('img', { name: 'Secured' })).toHaveLength(2);
  });

  it('joins a secured network with a password typed on the on-screen keyboard and sent with Go', async () => {
    const { screen, model } = await openWifi();
    expect(screen.queryByRole('keyboard')).toBeNull();
    const field = await askPassword(screen, 'Maple House');
    expect(screen.getByRole('keyboard')).toBeVisible();
    expect(field()).toHaveFocus();
    // The field sits above the keyboard.
    const keyboard = screen.find(screen.getByRole('keyboard'));
    expect(screen.find(field()).y + screen.find(field()).height).toBeLessThanOrEqual(keyboard.y);

    await tapKeys(screen, 'password');
    const enter = screen.getByRole('button', { name: 'Enter' });
    expect(screen.text(enter)).toBe('Go');
    await screen.tap(enter);
    expect(network(screen, 'Maple House').description).toBe('Connecting…');
    await screen.advance(CONNECT_DELAY_MS);
    expect(model.wifi.connected.value).toBe('Maple House');
    expect(network(screen, 'Maple House').description).toBe('Connected');
    expect(network(screen, 'Maple Guest').description).toBe('Open');
  });

  it('refuses a wrong password with a message on the field until it is edited', async () => {
    const { screen, model } = await openWifi();
    const field = await askPassword(screen, 'Neighbour 5G');
    await screen.type('wrong');
    await screen.tap(screen.getByRole('button', { name: 'Enter' }));
    await screen.advance(CONNECT_DELAY_MS);
    expect(model.wifi.connected.value).toBe('Maple Guest');
    expect(field().states.invalid).toBe(true);
    expect(screen.getByText('Wrong password, try again')).toBeVisible();
    // Editing clears the mark; the right password then joins.
    await screen.key('Backspace');
    expect(field().states.invalid).toBeFalsy();
    expect(screen.queryByText('Wrong password, try again')).toBeNull();
    for (let i = 0; i < 4; i++) await screen.key('Backspace');
    await screen.type('password');
    await screen.tap(screen.getByRole('button', { name: 'Enter' }));
    await screen.advance(CONNECT_DELAY_MS);
    expect(model.wifi.connected.value).toBe('Neighbour 5G');
  });

  it('joins an open network at a tap, and the settings show it', async () => {
    const { screen } = await openWifi();
    await screen.tap(network(screen, 'Cafe Corner'));
    await screen.advance(CONNECT_DELAY_MS);
    expect(network(screen, 'Cafe Corner').description).toBe('Connected');
    expect(screen.queryByRole('keyboard')).toBeNull();
    await screen.tap(screen.getAllByRole('button', { name: 'Back' }).at(-1)!);
    await screen.advance(600);
    expect(screen.getByRole('button', { name: 'Wi-Fi' }).description).toBe('Cafe Corner');
  });

  it('matches the golden image with the keyboard up (dark)', async () => {
    const { screen } = await openWifi();
    await askPassword(screen, 'Maple House');
    await tapKeys(screen, 'maple');
    await screen.advance(1000);
    expect(screen).toMatchImageSnapshot('wifi-keyboard-800x480-dark');
  });
});
