/**
 * A `resize` listener that throws, as an app's code might: the error is the app's (its `error`
 * event), and whatever turned or resized the output — `setRotation`, a display's event, a page's
 * message — goes on as if nothing happened.
 */
import { describe, expect, it } from 'vitest';
import { View } from '@planar/toolkit';
import { mount } from './mount.js';

describe('a resize listener that throws', () => {
  it('is reported as the app\'s error; setRotation returns, the other listeners hear the size', async () => {
    const errors: Error[] = [];
    const screen = await mount(() => <View testId="panel" style={{ width: '100%', height: '100%' }} />, {
      width: 200, height: 100, onError: (error) => errors.push(error),
    });
    const heard: { width: number; height: number }[] = [];
    screen.app.on('resize', () => { throw new Error('the chart cannot be laid out'); });
    screen.app.on('resize', (size) => heard.push(size));

    await screen.setRotation(90);

    expect(errors.map((e) => e.message)).toEqual(['the chart cannot be laid out']);
    expect(heard).toEqual([{ width: 100, height: 200 }]);
    expect(screen.app.rotation).toBe(90);
    expect([screen.app.width, screen.app.height]).toEqual([100, 200]);
  });
});
