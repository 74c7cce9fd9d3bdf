/** Renders for a test and disposes every screen it made after each test. */
import { afterEach } from 'vitest';
import type { Child } from '@planar/toolkit';
import { render, type RenderOptions, type Screen } from '@planar/toolkit/testing';

export const WHITE: [number, number, number, number] = [255, 255, 255, 255];

let screens: Screen[] = [];
afterEach(async () => {
  for (const s of screens) await s.dispose();
  screens = [];
});

/** `render`, with the screen disposed after the test. */
export async function mount(root: () => Child, options: RenderOptions = { width: 200, height: 200 }): Promise<Screen> {
  const screen = await render(root, options);
  screens.push(screen);
  return screen;
}
