/**
 * The selected node's box model drawn on the preview's overlay canvas, in output px as the
 * inspector gives them: margin, border, padding and content as translucent bands, devtools
 * colours. The overlay is shared (plane outlines live there too), so only the area drawn last
 * time is cleared, not the whole canvas.
 */
const BANDS = [
  ['margin', 'border', 'rgba(246, 178, 107, 0.55)'],
  ['border', 'padding', 'rgba(255, 229, 153, 0.6)'],
  ['padding', 'content', 'rgba(147, 196, 125, 0.55)'],
];
const CONTENT = 'rgba(111, 168, 220, 0.55)';

export class BoxHighlight {
  constructor(canvas, output) {
    this.canvas = canvas;
    this.output = output;
    this.drawn = null;
  }

  clear() {
    if (!this.drawn) return;
    const { x, y, width, height } = this.drawn;
    this.canvas.getContext('2d').clearRect(x - 2, y - 2, width + 4, height + 4);
    this.drawn = null;
  }

  /** Draws `box` (a box model in output px), or clears when it is null. */
  show(box) {
    this.clear();
    if (!box) return;
    const g = this.canvas.getContext('2d');
    // The overlay is the output's size; should a page scale it, follow.
    const out = this.output();
    const k = out && out.width ? this.canvas.width / out.width : 1;
    const rect = (r) => [r.x * k, r.y * k, r.width * k, r.height * k];
    g.save();
    for (const [outer, inner, color] of BANDS) {
      g.fillStyle = color;
      g.beginPath();
      g.rect(...rect(box[outer]));
      g.rect(...rect(box[inner]));
      g.fill('evenodd');
    }
    g.fillStyle = CONTENT;
    g.fillRect(...rect(box.content));
    g.restore();
    const [x, y, width, height] = rect(box.margin);
    this.drawn = { x: Math.floor(x), y: Math.floor(y), width: Math.ceil(width) + 1, height: Math.ceil(height) + 1 };
  }
}
