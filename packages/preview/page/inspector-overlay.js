/**
 * The selected node's box model, in output px as the inspector gives them: margin, border,
 * padding and content as translucent bands, devtools colours.
 *
 * It is drawn on a canvas of the inspector's own, stacked just above the page's overlay (where
 * the plane outlines live): the same grid cell, the same pixel size (the overlay's, which is the
 * output's) and the same size on the page, followed as either changes. Each drawing then clears
 * only its own canvas, and the outlines and the highlight never erase each other.
 */
const BANDS = [
  ['margin', 'border', 'rgba(246, 178, 107, 0.55)'],
  ['border', 'padding', 'rgba(255, 229, 153, 0.6)'],
  ['padding', 'content', 'rgba(147, 196, 125, 0.55)'],
];
const CONTENT = 'rgba(111, 168, 220, 0.55)';

export class BoxHighlight {
  /** `overlay` is the page's overlay canvas; `output()` the output's size now. */
  constructor(overlay, output) {
    this.overlay = overlay;
    this.output = output;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'inspector-highlight';
    this.canvas.setAttribute('aria-hidden', 'true');
    Object.assign(this.canvas.style, { gridArea: getComputedStyle(overlay).gridArea, pointerEvents: 'none' });
    overlay.after(this.canvas);
    this.follow();
    // The overlay's size on the page changes with the window, not only with the output.
    new ResizeObserver(() => this.follow()).observe(overlay);
  }

  /** Takes the overlay's pixel size and its size on the page again (a new pixel size clears the canvas). */
  follow() {
    const { canvas, overlay } = this;
    if (canvas.width !== overlay.width || canvas.height !== overlay.height) {
      canvas.width = overlay.width;
      canvas.height = overlay.height;
    }
    canvas.style.width = `${overlay.clientWidth}px`;
    canvas.style.height = `${overlay.clientHeight}px`;
  }

  clear() {
    this.canvas.getContext('2d').clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** Draws `box` (a box model in output px), or clears when it is null. */
  show(box) {
    this.follow();
    this.clear();
    if (!box) return;
    const g = this.canvas.getContext('2d');
    // The canvas is the output's size; should a page scale it, follow.
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
  }
}
