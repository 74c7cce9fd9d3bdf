/**
 * The live frame graph: the last FRAMES frames, newest on the right. The upper half stacks each
 * frame's layout, paint and copy times as bars, with commit-to-present as a line; the lower half
 * shows damaged pixels as bars and copied bytes as a line. Each series scales to its largest
 * value in view (bars share one scale), written at the top of its half.
 */
const FRAMES = 120;
const SERIES = [
  { key: 'layoutMs', label: 'layout', color: '#6aa7ff' },
  { key: 'paintMs', label: 'paint', color: '#7bd88f' },
  { key: 'copyMs', label: 'copy', color: '#f2c14e' },
  { key: 'presentLatencyMs', label: 'commit→present', color: '#ff7a90', line: true },
  { key: 'damagedPx', label: 'damaged px', color: '#b892ff', lower: true },
  { key: 'copiedBytes', label: 'copied bytes', color: '#4fd1c5', lower: true, line: true },
];

export class FrameGraph {
  constructor(canvas, legend) {
    this.canvas = canvas;
    this.frames = [];
    this.queued = false;
    legend.replaceChildren(...SERIES.map((s) => {
      const item = document.createElement('span');
      item.innerHTML = `<i style="background:${s.color}"></i>`;
      item.append(s.label);
      return item;
    }));
    this.draw();
  }

  add(stats) {
    this.frames.push(stats);
    if (this.frames.length > FRAMES) this.frames.shift();
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => { this.queued = false; this.draw(); });
  }

  draw() {
    const { canvas, frames } = this;
    const g = canvas.getContext('2d');
    const w = canvas.width, h = canvas.height, half = h / 2, step = w / FRAMES;
    g.clearRect(0, 0, w, h);
    g.fillStyle = '#0f1216';
    g.fillRect(0, 0, w, h);
    g.strokeStyle = '#303846';
    g.beginPath(); g.moveTo(0, half + 0.5); g.lineTo(w, half + 0.5); g.stroke();
    const x0 = w - frames.length * step;
    const msMax = Math.max(1, ...frames.map((f) => f.layoutMs + f.paintMs + f.copyMs));
    const presentMax = Math.max(1, ...frames.map((f) => f.presentLatencyMs));
    const pxMax = Math.max(1, ...frames.map((f) => f.damagedPx));
    const bytesMax = Math.max(1, ...frames.map((f) => f.copiedBytes));
    const scaleOf = (s) => (s.lower ? (s.key === 'damagedPx' ? pxMax : bytesMax) : presentMax);
    frames.forEach((f, i) => {
      let y = half;
      for (const s of SERIES.filter((s) => !s.line && !s.lower)) {
        const bar = (f[s.key] / msMax) * (half - 14);
        g.fillStyle = s.color;
        g.fillRect(x0 + i * step, y - bar, Math.max(1, step - 1), bar);
        y -= bar;
      }
      const bar = (f.damagedPx / pxMax) * (half - 14);
      g.fillStyle = '#b892ff';
      g.fillRect(x0 + i * step, h - bar, Math.max(1, step - 1), bar);
    });
    for (const s of SERIES.filter((s) => s.line)) {
      const base = s.lower ? h : half, max = scaleOf(s);
      g.strokeStyle = s.color;
      g.lineWidth = 2;
      g.beginPath();
      frames.forEach((f, i) => {
        const x = x0 + i * step + step / 2, y = base - (f[s.key] / max) * (half - 14);
        if (i) g.lineTo(x, y); else g.moveTo(x, y);
      });
      g.stroke();
    }
    g.fillStyle = '#dde3ec';
    g.font = '20px system-ui, sans-serif';
    g.fillText(`${msMax.toFixed(1)} ms · present ${presentMax.toFixed(1)} ms`, 4, 18);
    g.fillText(`${Math.round(pxMax / 1000)}k px · ${Math.round(bytesMax / 1024)} KiB`, 4, half + 18);
  }
}
