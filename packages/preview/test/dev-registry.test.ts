/**
 * The hot registry on a headless screen: a module "imported again" is simulated by calling
 * hotComponent with new implementations and committing, as the loader does after an import.
 */
import { Text, View, onCleanup, signal } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { commitModule, hotComponent, isHotProxy, resetHotRegistry } from '../src/hot/registry.js';

const LABEL_URL = 'file:///app/src/Label.js';
const COUNTER_URL = 'file:///app/src/Counter.js';


/** Each call is the counter module run once more: a new function with the same source text. */
const counterModule = () => function Counter(): unknown {
  const count = signal(0);
  return jsx(View, { testId: 'counter', onPress: () => count.value++, style: { padding: 8 }, children: jsx(Text, { children: () => `Count: ${count.value}` }) });
};
const Counter = counterModule();

/** A label module's source at two versions: the component, and the module text around it. */
const labelHello = (): unknown => jsx(Text, { children: 'Hello' });
const labelBye = (): unknown => jsx(Text, { children: 'Goodbye' });
const moduleText = (component: Function, rest = 'const unit = "px";') => `${rest}\nvar Label = ${component.toString()};\n`;

async function renderApp() {
  const ProxyCounter = hotComponent(COUNTER_URL, 'Counter', Counter);
  const Label = hotComponent(LABEL_URL, 'Label', labelHello);
  const screen = await render(() => jsx(View, { children: [jsx(ProxyCounter, {}), jsx(Label, {})] }), { width: 320, height: 160 });
  await screen.tap(screen.getByText('Count: 0'));
  await screen.tap(screen.getByText('Count: 1'));
  return { screen, Label };
}

afterEach(() => resetHotRegistry());

describe('hot registry', () => {
  it('label-edited: the new label shows, the counter beside it keeps its count', async () => {
    const { screen, Label } = await renderApp();
    expect(hotComponent(LABEL_URL, 'Label', labelBye)).toBe(Label);
    const swapped = commitModule(`${LABEL_URL}?v=1`, { previousText: moduleText(labelHello), text: moduleText(labelBye) });
    await screen.flush();
    expect(swapped).toEqual(['Label']);
    expect(screen.queryByText('Hello')).toBeNull();
    expect(screen.getByText('Goodbye')).toBeTruthy();
    expect(screen.getByText('Count: 2')).toBeTruthy();
    await screen.dispose();
  });

  it('module-run-again-unchanged: a component whose text is the same keeps running, with its state', async () => {
    const { screen } = await renderApp();
    hotComponent(COUNTER_URL, 'Counter', counterModule());
    const swapped = commitModule(`${COUNTER_URL}?v=1`, { previousText: moduleText(Counter), text: moduleText(Counter) });
    await screen.flush();
    expect(swapped).toEqual([]);
    expect(screen.getByText('Count: 2')).toBeTruthy();
    await screen.dispose();
  });

  it('helper-changed: when the module\'s other code changed, its components are swapped even if their text is the same', async () => {
    const { screen } = await renderApp();
    hotComponent(COUNTER_URL, 'Counter', counterModule());
    const swapped = commitModule(`${COUNTER_URL}?v=1`, { previousText: moduleText(Counter, 'const step = 1;'), text: moduleText(Counter, 'const step = 2;') });
    await screen.flush();
    expect(swapped).toEqual(['Counter']);
    expect(screen.getByText('Count: 0')).toBeTruthy();
    await screen.dispose();
  });

  it('dependency-replaced: force swaps a component whose module text did not change', async () => {
    const { screen } = await renderApp();
    hotComponent(COUNTER_URL, 'Counter', counterModule());
    const swapped = commitModule(`${COUNTER_URL}?v=2`, { previousText: moduleText(Counter), text: moduleText(Counter), force: true });
    await screen.flush();
    expect(swapped).toEqual(['Counter']);
    expect(screen.getByText('Count: 0')).toBeTruthy();
    await screen.dispose();
  });

  it('version-queries-ignored: a module written again only to name newer imports swaps nothing', async () => {
    const { screen } = await renderApp();
    hotComponent(COUNTER_URL, 'Counter', counterModule());
    const swapped = commitModule(`${COUNTER_URL}?v=1`, {
      previousText: `import { x } from "./x.js";\n${moduleText(Counter)}`, text: `import { x } from "./x.js?v=3";\n${moduleText(Counter)}`,
    });
    expect(swapped).toEqual([]);
    await screen.dispose();
  });

  it('old-instance-disposed: what the old implementation mounted is cleaned up when it is swapped out', async () => {
    let cleaned = 0;
    const first = (): unknown => {
      onCleanup(() => cleaned++);
      return jsx(Text, { children: 'first' });
    };
    const second = (): unknown => jsx(Text, { children: 'second' });
    const Proxy = hotComponent(LABEL_URL, 'Label', first);
    const screen = await render(() => jsx(Proxy, {}), { width: 200, height: 80 });
    hotComponent(LABEL_URL, 'Label', second);
    commitModule(LABEL_URL, { previousText: first.toString(), text: second.toString() });
    await screen.flush();
    expect(cleaned).toBe(1);
    expect(screen.getByText('second')).toBeTruthy();
    await screen.dispose();
  });

  it('not-a-component: objects, classes and proxies pass through unwrapped', () => {
    const colors = { primary: '#06c' };
    class Store {}
    expect(hotComponent(LABEL_URL, 'Colors', colors)).toBe(colors);
    expect(hotComponent(LABEL_URL, 'Store', Store)).toBe(Store);
    const proxy = hotComponent(LABEL_URL, 'Label', labelHello);
    expect(isHotProxy(proxy)).toBe(true);
    expect(hotComponent(COUNTER_URL, 'Label', proxy)).toBe(proxy);
  });
});
