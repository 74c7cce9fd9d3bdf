/**
 * What the widget set costs (headless, 800x480, frozen demo model):
 *
 *   widgets.mount.ms.first     the demo's settings screen mounted for the first time: from the
 *                              gear's press action to the commit of the frame that shows it
 *                              (layout of every control, paragraphs shaped, icons built);
 *   widgets.mount.ms.again     the same after it was closed once (caches warm): the median;
 *   widgets.press.frame.ms     a Switch in a list of settings toggled: from the signal write to the
 *                              commit handed to the display, first frame of its transition;
 *   widgets.press.damaged_px   the most pixels one frame of that toggle's transition repainted,
 *                              next to widgets.press.switch_box_px (the switch's own box: the goal
 *                              is to repaint nothing outside it); widgets.press.frames: how many
 *                              frames the transition took;
 *   theme.switch.ms            dark ↔ light with the settings screen open: from the switch's press
 *                              action to the commit of the first frame (every themed control
 *                              repaints).
 *
 * Actions go through `screen.act('press', …)`, not taps: a tap's pointer-down frame (the pressed
 * look) would be the first commit timed.
 */
import { App, createHomeModel } from '@planar/demo';
import { signal } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { ListItem, Switch, ThemeProvider, darkTheme } from '@planar/widgets';

export const name = 'widgets';
const W = 800, H = 480;
const SLIDE_MS = 600;

/** Runs `change` and returns the time from its start to the display's commit() having returned. */
async function toCommit(screen, change) {
  const display = screen.display;
  const commit = display.commit;
  let handedAt = NaN;
  display.commit = function (state) {
    const presented = commit.call(this, state);
    if (Number.isNaN(handedAt)) handedAt = performance.now();
    return presented;
  };
  try {
    const t = performance.now();
    await change();
    if (Number.isNaN(handedAt)) throw new Error('bench widgets: the change rendered no frame');
    return handedAt - t;
  } finally {
    display.commit = commit;
  }
}

async function settingsMounts() {
  const screen = await render(() => jsx(App, { model: createHomeModel({ frozen: true }), size: { width: W, height: H } }), { width: W, height: H, checkDamage: false });
  const open = () => toCommit(screen, () => screen.act('press', screen.getByRole('button', { name: 'Settings' })));
  const close = async () => {
    await screen.act('press', screen.getByRole('button', { name: 'Back' }));
    await screen.advance(SLIDE_MS);
  };
  const first = await open();
  await screen.advance(SLIDE_MS);
  await close();
  const again = [];
  for (let i = 0; i < 9; i++) {
    again.push(await open());
    await screen.advance(SLIDE_MS);
    await close();
  }
  // With the screen open: the theme switch, both ways.
  await screen.act('press', screen.getByRole('button', { name: 'Settings' }));
  await screen.advance(SLIDE_MS);
  const dark = screen.getByRole('switch', { name: /dark/i });
  const themeSwitch = [];
  for (let i = 0; i < 10; i++) {
    themeSwitch.push(await toCommit(screen, () => screen.act('press', dark)));
    await screen.advance(1000);
  }
  await screen.dispose();
  return { first, again: middle(again), themeSwitch: middle(themeSwitch) };
}

async function switchPress() {
  const rows = ['Wi-Fi', 'Bluetooth', 'Night mode', 'Sounds', 'Auto brightness', 'Updates'].map((label) => ({ label, on: signal(false) }));
  const scene = () => jsx(ThemeProvider, {
    theme: darkTheme,
    children: rows.map((row) => jsx(ListItem, { title: row.label, trailing: jsx(Switch, { label: row.label, checked: row.on, hideLabel: true }) })),
  });
  const screen = await render(scene, { width: W, height: H, checkDamage: false });
  const box = screen.find(screen.getByRole('switch', { name: 'Night mode' }));
  const times = [], damaged = [], counts = [];
  for (let i = 0; i < 15; i++) {
    const before = screen.stats.frame;
    let px = 0, frames = 0;
    const off = screen.app.on('frame', (stats) => { px = Math.max(px, stats.damagedPx); frames++; });
    times.push(await toCommit(screen, async () => {
      rows[2].on.value = !rows[2].on.value;
      await screen.flush();
    }));
    await screen.advance(1000);
    off();
    if (screen.stats.frame === before) throw new Error('bench widgets: the switch toggle rendered no frame');
    damaged.push(px);
    counts.push(frames);
  }
  await screen.dispose();
  return { ms: middle(times), damagedPx: middle(damaged), frames: middle(counts), boxPx: Math.round(box.width * box.height) };
}

function middle(values) {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
}

export async function run() {
  const mounts = await settingsMounts();
  const press = await switchPress();
  return {
    'widgets.mount.ms.first': { value: mounts.first, unit: 'ms' },
    'widgets.mount.ms.again': { value: mounts.again, unit: 'ms' },
    'widgets.press.frame.ms': { value: press.ms, unit: 'ms' },
    'widgets.press.damaged_px': { value: press.damagedPx, unit: 'px' },
    'widgets.press.switch_box_px': { value: press.boxPx, unit: 'px' },
    'widgets.press.frames': { value: press.frames, unit: 'frames' },
    'theme.switch.ms': { value: mounts.themeSwitch, unit: 'ms' },
  };
}
