/**
 * The toolbar: the output's size and scale (the app lays itself out again), the app's rotation
 * (a panel mounted turned: the output keeps its size, the app turns), the
 * emulated planes and their outlines, and input control. It shows what the app reports, so
 * every viewer's toolbar agrees after any of them changes something.
 */
export function attachToolbar({ send, showOutlines }) {
  const $ = (id) => document.getElementById(id);
  const size = $('size'), rotation = $('rotation'), scale = $('scale'), planes = $('planes');
  const outlines = $('outlines'), take = $('take-control'), state = $('control-state');

  const resize = () => {
    const [width, height] = size.value.split('x').map(Number);
    send({ type: 'resize', width, height, scale: Number(scale.value), rotation: Number(rotation.value) });
  };
  size.addEventListener('change', resize);
  rotation.addEventListener('change', resize);
  scale.addEventListener('change', resize);
  planes.addEventListener('change', () => send({ type: 'planes', preset: planes.value }));
  outlines.addEventListener('change', showOutlines);
  take.addEventListener('click', () => send({ type: 'take-control' }));

  const choose = (select, value, label = value) => {
    if (![...select.options].some((o) => o.value === value)) select.append(new Option(label, value));
    select.value = value;
  };

  return {
    outlines: () => outlines.checked,
    showSizes(sizes) {
      for (const s of sizes) if (![...size.options].some((o) => o.value === s)) size.append(new Option(s.replace('x', '×'), s));
    },
    /** Shows the output's size (logical px: physical over scale), the app's rotation and the scale. */
    showOutput(output) {
      const [w, h] = [Math.round(output.width / output.scale), Math.round(output.height / output.scale)];
      choose(size, `${w}x${h}`, `${w}×${h}`);
      choose(rotation, String(output.rotation), `${output.rotation}°`);
      choose(scale, String(output.scale), `${output.scale}x`);
    },
    showPlanes(preset) {
      choose(planes, preset);
    },
    showControl(you) {
      take.disabled = you;
      state.textContent = you ? 'You have input control' : 'Watching: another viewer has input control';
    },
  };
}
