/**
 * layout.first.<n>: the first layout of a tree of n nodes; layout.relayout.<n>: the layout
 * after one label's text changed. Yoga plus text measuring, as the frame stats report it.
 *
 * The tree is shaped like a UI: sections (columns) of rows of ten cards, each card a box
 * with a label (two nodes). A label change relays its row, its section and the root.
 */
import { Text, View, signal } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';

export const name = 'layout';

function tree(nodes, label) {
  let cards = Math.floor(nodes / 2.1);
  const card = (i) => jsx(View, {
    style: { width: 70, height: 28, margin: 2, padding: 4, backgroundColor: '#345' },
    children: jsx(Text, { style: { fontSize: 10, color: 'white' }, children: i === 0 ? () => label.value : `item ${i}` }),
  });
  const sections = [];
  for (let i = 0; cards > 0; ) {
    const rows = [];
    for (let r = 0; r < 10 && cards > 0; r++) {
      const n = Math.min(10, cards);
      rows.push(jsx(View, { style: { flexDirection: 'row' }, children: Array.from({ length: n }, () => card(i++)) }));
      cards -= n;
    }
    sections.push(jsx(View, { style: { margin: 4 }, children: rows }));
  }
  return () => jsx(View, { style: { flexDirection: 'row', flexWrap: 'wrap' }, children: sections });
}

export async function run({ median }) {
  const figures = {};
  for (const n of [100, 1000, 10000]) {
    const runs = n === 10000 ? 5 : 11;
    figures[`layout.first.${n}`] = {
      unit: 'ms',
      value: await median(async () => {
        const screen = await render(tree(n, signal('first')), { width: 1920, height: 1080, checkDamage: false });
        const ms = screen.stats.layoutMs;
        await screen.dispose();
        return ms;
      }, { runs, warmup: 1 }),
    };
    const label = signal('a');
    const screen = await render(tree(n, label), { width: 1920, height: 1080, checkDamage: false });
    let i = 0;
    figures[`layout.relayout.${n}`] = {
      unit: 'ms',
      value: await median(async () => {
        label.value = `label ${i++ % 2 ? 'short' : 'a little longer'}`;
        await screen.flush();
        return screen.stats.layoutMs;
      }, { runs: 21 }),
    };
    await screen.dispose();
  }
  return figures;
}
