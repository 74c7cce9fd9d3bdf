/**
 * Two apps in one process keep their own queues: a bad prop found while one app mounts a
 * subtree is reported by that app, and an onMount queued in one runs in that one, never in a
 * mount of the other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { For, Show, Text, View, createApp, onMount, signal, type App, type Child } from '@planar/toolkit';

const apps: App[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function start(root: () => Child, errors: string[]): Promise<App> {
  const app = await createApp(root, { backend: 'headless', width: 200, height: 100, onError: (e) => errors.push(e.message) });
  apps.push(app);
  return app;
}

function nextFrame(app: App): Promise<void> {
  return new Promise((resolve) => {
    const off = app.on('frame', () => {
      off();
      resolve();
    });
  });
}

describe('two apps at once', () => {
  it('a bad prop in a subtree one app mounts later is reported by that app alone', async () => {
    const aErrors: string[] = [], bErrors: string[] = [], cErrors: string[] = [];
    const open = signal(false);
    const a = await start(() => (
      <Show when={open}>{() => <View testId="swatch" style={{ width: 10, height: 10, backgroundColor: 'bleu' }} />}</Show>
    ), aErrors);
    await start(() => <Text>second</Text>, bErrors);
    open.value = true;
    await nextFrame(a);
    expect(aErrors).toEqual([expect.stringMatching(/^bad prop on <Show › View>: style.backgroundColor = "bleu": unknown colour: did you mean "blue"/)]);
    // An app started afterwards hears nothing of it.
    await start(() => <Text>third</Text>, cErrors);
    expect(bErrors).toEqual([]);
    expect(cErrors).toEqual([]);
  });

  it('an onMount queued in one app runs in that app, not when the other mounts', async () => {
    const mounted: string[] = [];
    function Tile(props: { name: string }) {
      onMount(() => mounted.push(props.name));
      return <View style={{ width: 10, height: 10 }} />;
    }
    const items = signal<string[]>([]);
    const a = await start(() => <View><For each={items}>{(name) => <Tile name={`a:${name}`} />}</For></View>, []);
    await start(() => <Tile name="b" />, []);
    expect(mounted).toEqual(['b']);
    items.value = ['one', 'two'];
    await nextFrame(a);
    expect(mounted).toEqual(['b', 'a:one', 'a:two']);
    await start(() => <Tile name="c" />, []);
    expect(mounted).toEqual(['b', 'a:one', 'a:two', 'c']);
  });
});
