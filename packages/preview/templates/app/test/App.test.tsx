/**
 * The app as a person uses it: controls found by their role and name, tapped, and the screen
 * compared with its golden (test/__image_snapshots__/app.png). After changing the look on
 * purpose, look at app.actual.png and update with PLANAR_UPDATE_SNAPSHOTS=1 npm test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render, type Screen } from '@planar/toolkit/testing';
import { App } from '../src/App.js';

let screen: Screen | null = null;
afterEach(async () => {
  await screen?.dispose();
  screen = null;
});

describe('App', () => {
  it('counts presses of its button', async () => {
    screen = await render(() => <App />, { width: 800, height: 480 });
    expect(screen.getByText('Pressed 0 times')).toBeVisible();
    await screen.tap(screen.getByRole('button', { name: 'Press me' }));
    expect(screen.getByText('Pressed once')).toBeVisible();
    await screen.tap(screen.getByRole('button', { name: 'Press me' }));
    expect(screen.getByText('Pressed 2 times')).toBeVisible();
  });

  it('turns dark with its switch', async () => {
    screen = await render(() => <App />, { width: 800, height: 480 });
    const dark = screen.getByRole('switch', { name: 'Dark theme' });
    const corner = screen.pixel(4, 4);
    expect(dark).not.toBeChecked();
    await screen.tap(dark);
    await screen.advance(500);
    expect(dark).toBeChecked();
    const [r, g, b] = screen.pixel(4, 4);
    expect(r + g + b).toBeLessThan(corner[0] + corner[1] + corner[2]);
  });

  it('looks as it did when it was made', async () => {
    screen = await render(() => <App />, { width: 800, height: 480 });
    expect(screen.getByRole('heading', { name: 'Hello from Planar' })).toBeVisible();
    expect(screen).toMatchImageSnapshot('app');
  });
});
