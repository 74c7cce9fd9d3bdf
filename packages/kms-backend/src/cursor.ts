/**
 * The pointer's arrow, drawn once into RGBA pixels for the cursor plane: a white arrow with a
 * black outline, its tip (the hotspot) at 0,0. Each pixel is covered when its centre lies in the
 * arrow polygon (even-odd rule); the outline is the covered pixels next to an uncovered one.
 */
const ARROW: [number, number][] = [[0, 0], [0, 17], [4, 13], [7, 20], [10, 19], [7, 12], [12, 12]];
const SCALE = 1.2;

function inside(x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = ARROW.length - 1; i < ARROW.length; j = i++) {
    const [xi, yi] = ARROW[i]!.map((v) => v * SCALE) as [number, number];
    const [xj, yj] = ARROW[j]!.map((v) => v * SCALE) as [number, number];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** A size x size RGBA (premultiplied) image of the arrow. */
export function drawArrow(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const covered = (x: number, y: number) => x >= 0 && y >= 0 && x < size && y < size && inside(x + 0.5, y + 0.5);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!covered(x, y)) continue;
      const edge = !covered(x - 1, y) || !covered(x + 1, y) || !covered(x, y - 1) || !covered(x, y + 1);
      const v = edge ? 0 : 255;
      pixels.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return pixels;
}
