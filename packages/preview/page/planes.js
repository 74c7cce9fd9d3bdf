/**
 * Outlines of the hardware planes on the overlay: each layer the display shows, in the colour
 * of its plane, labelled with the plane and the layer (-1 is the composition layer).
 */
const COLORS = ['#ff5a5a', '#4fd27a', '#4fa3ff', '#ffc94f', '#d07bff', '#4fe0e0', '#ff8f4f', '#b0b0b0', '#ff6fb5', '#9fdf4f'];

export function drawPlaneOutlines(overlay, planes) {
  const ctx = overlay.getContext('2d');
  ctx.clearRect(0, 0, overlay.width, overlay.height);
  const line = Math.max(2, Math.round(overlay.width / 400));
  ctx.lineWidth = line;
  ctx.font = `${6 * line}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  for (const p of planes) {
    const color = COLORS[p.planeId % COLORS.length];
    ctx.strokeStyle = color;
    ctx.strokeRect(p.x + line / 2, p.y + line / 2, p.width - line, p.height - line);
    const label = `plane ${p.planeId} (${p.planeType}) · layer ${p.layerId}`;
    const width = ctx.measureText(label).width + 2 * line;
    ctx.fillStyle = color;
    ctx.fillRect(p.x, p.y, width, 8 * line);
    ctx.fillStyle = '#000';
    ctx.fillText(label, p.x + line, p.y + line);
  }
}
