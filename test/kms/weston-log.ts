/**
 * Reading weston 10's `drm-backend` debug scope (as weston-debug writes it): how each output
 * repaint was built and where each view went.
 *
 * A repaint starts at "[repaint] Beginning repaint". weston first tries a state with every view
 * on a plane ("plane-only"), then a mix of planes and its GL composite ("mixed"), then the
 * composite alone ("renderer-only"), and says which one it used ("[repaint] Using <kind> state
 * composition"). After that it lists each view: "[repaint] view <ptr> on <Primary|Overlay|
 * Cursor> plane <id>" or "[repaint] view <ptr> using renderer composition" (occluded views too). A view scanned out
 * from a plane is shown without weston copying or sampling it.
 */

export interface Repaint {
  /** How weston built the frame: 'plane-only' (scanned out directly), 'mixed' or 'renderer-only' (composited). */
  composition: string | null;
  /** Views on planes: the view's pointer, the plane's type (lower case) and id. */
  onPlanes: { view: string; plane: string; id: number }[];
  /** Views drawn into weston's composite. */
  rendered: string[];
}

export function parseRepaints(text: string): Repaint[] {
  const repaints: Repaint[] = [];
  let current: Repaint | null = null;
  for (const line of text.split('\n')) {
    if (line.includes('[repaint] Beginning repaint')) {
      current = { composition: null, onPlanes: [], rendered: [] };
      repaints.push(current);
      continue;
    }
    if (!current) continue;
    const using = /\[repaint\] Using (\S+)(?: state)? composition/.exec(line);
    if (using) current.composition = using[1]!;
    const placed = /\[repaint\] view (0x[0-9a-f]+) on (\w+) plane (\d+)/.exec(line);
    if (placed) current.onPlanes.push({ view: placed[1]!, plane: placed[2]!.toLowerCase(), id: Number(placed[3]) });
    const rendered = /\[repaint\] view (0x[0-9a-f]+) using renderer composition/.exec(line);
    if (rendered) current.rendered.push(rendered[1]!);
  }
  return repaints;
}

/** The pointer of the view of the toplevel titled `title`, from a scene-graph dump in the same text; null when absent. */
export function toplevelView(text: string, title: string): string | null {
  const line = text.split('\n').find((l) => l.includes(`top-level window '${title}'`) && !l.includes('black background'));
  return /(0x[0-9a-f]+)\):\s*$/.exec(line ?? '')?.[1] ?? null;
}

/** Repaints that scanned every view out from planes, and those weston composited. */
export function compositionCounts(repaints: readonly Repaint[]): { direct: number; composited: number } {
  const built = repaints.filter((r) => r.composition !== null);
  const direct = built.filter((r) => r.composition === 'plane-only').length;
  return { direct, composited: built.length - direct };
}
