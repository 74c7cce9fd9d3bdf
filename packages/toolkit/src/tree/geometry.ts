/**
 * Small geometry helpers shared by layout, damage, paint and hit testing.
 * Rects are edges (`left, top, right, bottom`) because damage math is unions and intersections;
 * matrices are 2D affine `[a, b, c, d, e, f]` mapping (x, y) to (a·x + c·y + e, b·x + d·y + f).
 */
export interface Rect { left: number; top: number; right: number; bottom: number }
export interface Box { x: number; y: number; width: number; height: number }
export type Affine = readonly [number, number, number, number, number, number];

export const IDENTITY: Affine = [1, 0, 0, 1, 0, 0];

export function rectFromBox(b: Box): Rect {
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
}

export function boxFromRect(r: Rect): Box {
  return { x: r.left, y: r.top, width: r.right - r.left, height: r.bottom - r.top };
}

export function isEmpty(r: Rect): boolean {
  return r.right <= r.left || r.bottom <= r.top;
}

export function area(r: Rect): number {
  return isEmpty(r) ? 0 : (r.right - r.left) * (r.bottom - r.top);
}

export function union(a: Rect, b: Rect): Rect {
  return {
    left: Math.min(a.left, b.left), top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom),
  };
}

export function intersect(a: Rect, b: Rect): Rect {
  return {
    left: Math.max(a.left, b.left), top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom),
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.left && x < r.right && y >= r.top && y < r.bottom;
}

/** Expands a rect to whole pixels, plus `margin` pixels on every side (for anti-aliased edges). */
export function roundOut(r: Rect, margin = 0): Rect {
  return {
    left: Math.floor(r.left) - margin, top: Math.floor(r.top) - margin,
    right: Math.ceil(r.right) + margin, bottom: Math.ceil(r.bottom) + margin,
  };
}

export function multiply(m: Affine, n: Affine): Affine {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function translation(x: number, y: number): Affine {
  return [1, 0, 0, 1, x, y];
}

export function invert(m: Affine): Affine | null {
  const det = m[0] * m[3] - m[1] * m[2];
  if (!det) return null;
  const a = m[3] / det, b = -m[1] / det, c = -m[2] / det, d = m[0] / det;
  return [a, b, c, d, -(a * m[4] + c * m[5]), -(b * m[4] + d * m[5])];
}

export function apply(m: Affine, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The axis-aligned bounds of a rect after a transform. */
export function transformRect(m: Affine, r: Rect): Rect {
  if (m[1] === 0 && m[2] === 0) {
    const x0 = m[0] * r.left + m[4], x1 = m[0] * r.right + m[4];
    const y0 = m[3] * r.top + m[5], y1 = m[3] * r.bottom + m[5];
    return { left: Math.min(x0, x1), top: Math.min(y0, y1), right: Math.max(x0, x1), bottom: Math.max(y0, y1) };
  }
  const pts = [apply(m, r.left, r.top), apply(m, r.right, r.top), apply(m, r.left, r.bottom), apply(m, r.right, r.bottom)];
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

export function isIdentity(m: Affine): boolean {
  return m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1 && m[4] === 0 && m[5] === 0;
}
