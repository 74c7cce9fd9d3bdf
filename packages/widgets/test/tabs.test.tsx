/**
 * Tabs: a tap selects a tab and mounts its panel alone; arrows, Home / End and an encoder
 * switch tabs while the bar keeps focus; the bar is one stop in the Tab order; controlled,
 * two-way; bad values and duplicates; disabled tabs and a disabled bar; swiping the panels;
 * states sheets.
 */
import { describe, expect, it } from 'vitest';
import { Text, View, onCleanup, signal, type Child } from '@planar/toolkit';
import { type RenderOptions, type Screen } from '@planar/toolkit/testing';
import { Tabs, useTheme, type TabItem } from '../src/index.js';
import { renderThemed, statesSheet } from './harness.js';

async function mount(root: () => Child, options: RenderOptions = {}) {
  const errors: Error[] = [];
  const screen = await renderThemed(root, { width: 400, height: 240, onError: (e) => errors.push(e), ...options });
  return { screen, errors };
}

type Page = 'display' | 'network' | 'sound' | 'about';
const mounted: string[] = [];
function Panel(props: { name: string }) {
  mounted.push(`+${props.name}`);
  onCleanup(() => mounted.push(`-${props.name}`));
  return <View style={{ padding: 16 }}><Text>{`${props.name} settings`}</Text></View>;
}
const PAGES: TabItem<Page>[] = [
  { value: 'display', label: 'Display', panel: () => <Panel name="Display" /> },
  { value: 'network', label: 'Network', panel: () => <Panel name="Network" /> },
  { value: 'sound', label: 'Sound', disabled: true, panel: () => <Panel name="Sound" /> },
  { value: 'about', label: 'About', panel: () => <Panel name="About" /> },
];

describe('Tabs', () => {
  it('shows the first tab at first, and a tap selects another, mounting only its panel', async () => {
    mounted.length = 0;
    const changes: Page[] = [];
    const { screen } = await mount(() => <Tabs label="Settings" items={PAGES} onChange={(p: Page) => changes.push(p)} />);
    expect(screen.getByRole('tablist', { name: 'Settings' })).toBeVisible();
    expect(screen.getAllByRole('tab').map((t) => [t.name, t.states.selected])).toEqual([
      ['Display', true], ['Network', false], ['Sound', false], ['About', false],
    ]);
    expect(screen.getByRole('tabpanel', { name: 'Display' })).toBeVisible();
    expect(screen.getByText('Display settings')).toBeVisible();

    await screen.tap(screen.getByRole('tab', { name: 'Network' }));
    expect(changes).toEqual(['network']);
    expect(screen.getByRole('tab', { name: 'Network' }).states.selected).toBe(true);
    expect(screen.getByText('Network settings')).toBeVisible();
    expect(screen.queryByText('Display settings')).toBeNull();
    expect(mounted).toEqual(['+Display', '-Display', '+Network']);
  });

  it('moves between tabs with the arrows, Home and End, skipping disabled tabs, the bar keeping focus', async () => {
    const { screen } = await mount(() => <Tabs label="Settings" items={PAGES} defaultValue="network" />);
    await screen.key('Tab');
    const bar = screen.getByRole('tablist', { name: 'Settings' });
    expect(bar).toHaveFocus();
    await screen.key('ArrowRight');
    expect(screen.getByRole('tab', { name: 'About' }).states.selected).toBe(true);
    expect(screen.getByText('About settings')).toBeVisible();
    await screen.key('ArrowRight');   // wraps round
    expect(screen.getByRole('tab', { name: 'Display' }).states.selected).toBe(true);
    await screen.key('End');
    expect(screen.getByRole('tab', { name: 'About' }).states.selected).toBe(true);
    await screen.key('ArrowLeft');
    expect(screen.getByRole('tab', { name: 'Network' }).states.selected).toBe(true);
    await screen.key('Home');
    expect(screen.getByRole('tab', { name: 'Display' }).states.selected).toBe(true);
    expect(screen.getByText('Display settings')).toBeVisible();
    expect(bar).toHaveFocus();
  });

  it('is one stop in the Tab order', async () => {
    const { screen } = await mount(() => (
      <View>
        <Tabs label="Settings" items={PAGES} defaultValue="about" />
        <View focusable semantics={{ role: 'button', label: 'Save' }} />
      </View>
    ));
    await screen.key('Tab');
    expect(screen.getByRole('tablist', { name: 'Settings' })).toHaveFocus();
    await screen.key('Tab');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
  });

  it('switches tabs with an encoder: push to edit, turn to switch, push to leave', async () => {
    const { screen } = await mount(() => (
      <View>
        <Tabs label="Settings" items={PAGES} />
        <View focusable semantics={{ role: 'button', label: 'Save' }} />
      </View>
    ));
    await screen.key('EncoderCW');
    expect(screen.getByRole('tablist', { name: 'Settings' })).toHaveFocus();
    await screen.key('Enter');
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    expect(screen.getByRole('tab', { name: 'About' }).states.selected).toBe(true);
    await screen.key('Enter');
    await screen.key('EncoderCW');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'About' }).states.selected).toBe(true);
  });

  it('writes a signal given as its value, and follows it', async () => {
    const page = signal<Page | undefined>('about');
    const { screen } = await mount(() => <Tabs label="Settings" items={PAGES} value={page} />);
    expect(screen.getByText('About settings')).toBeVisible();
    await screen.tap(screen.getByRole('tab', { name: 'Display' }));
    expect(page.value).toBe('display');
    page.value = 'network';
    await screen.flush();
    expect(screen.getByText('Network settings')).toBeVisible();
  });

  it('ignores taps on a disabled tab and on a disabled bar', async () => {
    const { screen } = await mount(() => <Tabs label="Settings" items={PAGES} />);
    const sound = screen.getByRole('tab', { name: 'Sound' });
    expect(sound).toBeDisabled();
    await screen.tap(sound);
    expect(screen.getByText('Display settings')).toBeVisible();

    const { screen: off } = await mount(() => <Tabs label="Locked" items={PAGES} disabled />);
    const network = off.getByRole('tab', { name: 'Network' });
    expect(network).toBeDisabled();
    await off.tap(network);
    expect(off.getByRole('tab', { name: 'Display' }).states.selected).toBe(true);
  });

  it('reports a value not among the tabs and duplicate values, and shows the first tab', async () => {
    const { screen, errors } = await mount(() => (
      <Tabs label="Settings" value={'wifi' as Page} items={[...PAGES, { value: 'about', label: 'Info', panel: () => null }]} />
    ));
    const messages = errors.map((e) => e.message);
    expect(messages).toContainEqual(expect.stringMatching(/Tabs.*value = "wifi": is not one of the tabs \("display", "network", "sound", "about"\); showing the first tab/));
    expect(messages).toContainEqual(expect.stringMatching(/Tabs.*items = "about": the value is given to more than one tab/));
    expect(screen.getAllByRole('tab')).toHaveLength(4);
    expect(screen.getByText('Display settings')).toBeVisible();
  });
});

describe('Tabs: swiping the panels', () => {
  const touch = { type: 'touch' } as const;
  /** A finger on the panel moving by dx in `steps` moves, one every 10 ms; held still `rest` ms before lifting, else lifted moving. */
  const swipe = (screen: Screen, dx: number, steps: number, rest = 0) => screen.drag({ x: 200, y: 75 }, { dx }, { steps, hold: rest });
  const selectedTab = (screen: Screen) => screen.getAllByRole('tab').find((t) => t.states.selected)?.name;
  const SETTLE = 3000;

  it('a swipe brings in the next tab\'s panel and selects it as the finger lifts; the old panel goes when the slide ends', async () => {
    mounted.length = 0;
    const changes: Page[] = [];
    const { screen } = await mount(() => <Tabs label="Settings" items={PAGES} onChange={(p: Page) => changes.push(p)} />);
    await screen.pointer.down({ x: 300, y: 75 }, touch);
    for (let i = 1; i <= 5; i++) {
      await screen.advance(10);
      await screen.pointer.move({ x: 300 - 20 * i, y: 75 }, touch);
    }
    // Both panels show while the finger holds them, the next one 100 px in from the right.
    expect(screen.find(screen.getByText('Network settings')).x).toBeCloseTo(400 - 100 + 16, 0);
    expect(mounted).toEqual(['+Display', '+Network']);
    await screen.advance(10);
    await screen.pointer.up({ x: 180, y: 75 }, touch);
    expect(selectedTab(screen)).toBe('Network');
    expect(changes).toEqual(['network']);
    await screen.advance(SETTLE);
    expect(screen.find(screen.getByText('Network settings')).x).toBeCloseTo(16, 0);
    expect(screen.queryByText('Display settings')).toBeNull();
    expect(mounted).toEqual(['+Display', '+Network', '-Display']);
  });

  it('a slow drag under half the width goes back to the same tab', async () => {
    mounted.length = 0;
    const { screen } = await mount(() => <Tabs label="Settings" items={PAGES} />);
    await swipe(screen, -120, 12, 300);
    await screen.advance(SETTLE);
    expect(selectedTab(screen)).toBe('Display');
    expect(screen.find(screen.getByText('Display settings')).x).toBeCloseTo(16, 0);
    expect(mounted).toEqual(['+Display', '+Network', '-Network']);
  });

  it('skips a disabled tab, and stops at the last one', async () => {
    const { screen } = await mount(() => <Tabs label="Settings" items={PAGES} defaultValue="network" />);
    await swipe(screen, -100, 5);
    await screen.advance(SETTLE);
    expect(selectedTab(screen)).toBe('About');
    expect(screen.getByText('About settings')).toBeVisible();
    await swipe(screen, -100, 5);
    await screen.advance(SETTLE);
    expect(selectedTab(screen)).toBe('About');
    expect(screen.find(screen.getByText('About settings')).x).toBeCloseTo(16, 0);
  });

  it('a swipe back selects the previous tab; a disabled bar does not swipe', async () => {
    const { screen } = await mount(() => <Tabs label="Settings" items={PAGES} defaultValue="network" />);
    await swipe(screen, 100, 5);
    await screen.advance(SETTLE);
    expect(selectedTab(screen)).toBe('Display');

    const { screen: off } = await mount(() => <Tabs label="Locked" items={PAGES} disabled />);
    await swipe(off, -100, 5);
    await off.advance(SETTLE);
    expect(selectedTab(off)).toBe('Display');
    expect(off.find(off.getByText('Display settings')).x).toBeCloseTo(16, 0);
  });
});

function StatesSheet() {
  const theme = useTheme();
  const panel = (text: string) => () => (
    <View style={{ padding: 12 }}><Text style={{ ...theme.typography('bodyMedium'), color: () => theme.colors.onSurface }}>{text}</Text></View>
  );
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 16, backgroundColor: () => theme.colors.surface }}>
      <Tabs label="Text tabs" defaultValue="b" items={[
        { value: 'a', label: 'Display', panel: panel('Display') },
        { value: 'b', label: 'Network', panel: panel('Selected: Network (focus visible)') },
        { value: 'c', label: 'Sound', disabled: true, panel: panel('Sound') },
        { value: 'd', label: 'About', panel: panel('About') },
      ]} />
      <Tabs label="Icon tabs" defaultValue="home" items={[
        { value: 'home', label: 'Home', icon: 'home', panel: panel('Icons above labels') },
        { value: 'climate', label: 'Climate', icon: 'thermometer', panel: panel('Climate') },
        { value: 'settings', label: 'Settings', icon: 'settings', panel: panel('Settings') },
      ]} />
      <Tabs label="Disabled" disabled items={[
        { value: 'x', label: 'One', panel: panel('A disabled bar') },
        { value: 'y', label: 'Two', panel: panel('Two') },
      ]} />
    </View>
  );
}

describe('the states sheet', () => {
  statesSheet('tabs', {
    sheet: () => <StatesSheet />, width: 480, height: 420,
    act: async (screen) => {
      await screen.key('Tab');
      await screen.advance(300);
    },
  });
});
