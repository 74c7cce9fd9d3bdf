/**
 * Which side each caret index of a line is shown on when no affinity is given, chosen so that
 * every visual gap of the line has an index of its own.
 *
 * Between two graphemes of different directions an index has two places on screen, and a
 * place may be the candidate of two indices. In a right-to-left paragraph "abc אבג def" is
 * drawn as below; index 0 can only stand at G8 (before "a"), index 3 at G8 (before the space)
 * or G11 (after "c"), index 8 at G3 (after the space) or G0 (before "d"), index 11 only at G3:
 *
 *     G0 d G1 e G2 f G3 ␠ G4 ג G5 ב G6 א G7 ␠ G8 a G9 b G10 c G11
 *
 * Think of the gaps as the nodes of a graph and each index as an edge between the gaps it may
 * stand at (a loop where it has only one): giving every index one side covers as many gaps as
 * it can when the graph is peeled from its leaves.
 *
 *   1. An index with one place takes it.
 *   2. A gap no index covers yet with exactly one index left that could stand there gets it.
 *   3. When neither applies, what is left are cycles (two indices sharing the same two gaps,
 *      as "c ␠|א" and "ג|␠ d" do in a left-to-right paragraph): the first index left takes the
 *      side it prefers — the grapheme in the paragraph's base direction — if that gap is still
 *      open, else its other side; peeling goes on from there.
 *
 * Above, 0 → G8 and 11 → G3 (1.), so 3 → G11 and 8 → G0 (2.): all twelve gaps are reachable.
 */

export interface SidePlace {
  x: number;
}

export interface CaretSides<P extends SidePlace> {
  /** The place after the index's downstream neighbour starts, or null where there is none on the line. */
  down: P | null;
  /** The place where its upstream neighbour ends, or null. */
  up: P | null;
  /** The side it takes in a cycle (the one in the paragraph's base direction). */
  prefersDown: boolean;
}

/** Closer than this (px) is one gap. */
const SAME = 0.5;

/** The place each index is shown at, in the order of `indices` (null for one with no place on the line). */
export function chooseSides<P extends SidePlace>(indices: readonly CaretSides<P>[]): (P | null)[] {
  // Gaps: the places of all indices, sorted, those within SAME of the previous one merged.
  const places: { x: number; owner: number; down: boolean }[] = [];
  indices.forEach((s, owner) => {
    if (s.down) places.push({ x: s.down.x, owner, down: true });
    if (s.up) places.push({ x: s.up.x, owner, down: false });
  });
  places.sort((a, b) => a.x - b.x);
  const downGap: number[] = indices.map(() => -1), upGap: number[] = indices.map(() => -1);
  let gaps = 0;
  places.forEach((p, i) => {
    if (i === 0 || p.x - places[i - 1]!.x > SAME) gaps++;
    (p.down ? downGap : upGap)[p.owner] = gaps - 1;
  });

  const candidates: Set<number>[] = Array.from({ length: gaps }, () => new Set());
  indices.forEach((_, i) => {
    if (downGap[i]! >= 0) candidates[downGap[i]!]!.add(i);
    if (upGap[i]! >= 0) candidates[upGap[i]!]!.add(i);
  });
  const covered = new Set<number>();
  const side: (boolean | null)[] = indices.map(() => null);
  let left = indices.filter((s) => s.down || s.up).length;
  const assign = (i: number, down: boolean) => {
    side[i] = down;
    covered.add(down ? downGap[i]! : upGap[i]!);
    candidates[downGap[i]!]?.delete(i);
    candidates[upGap[i]!]?.delete(i);
    left--;
  };
  const single = (i: number) => downGap[i] === -1 || upGap[i] === -1 || downGap[i] === upGap[i];

  while (left > 0) {
    let progressed = false;
    indices.forEach((s, i) => {
      if (side[i] !== null || !(s.down || s.up) || !single(i)) return;
      assign(i, s.down && s.up ? s.prefersDown : !!s.down);
      progressed = true;
    });
    candidates.forEach((set, gap) => {
      if (covered.has(gap) || set.size !== 1) return;
      const i = set.values().next().value!;
      assign(i, downGap[i] === gap);
      progressed = true;
    });
    if (progressed) continue;
    const i = side.findIndex((d, k) => d === null && (indices[k]!.down || indices[k]!.up));
    const prefers = indices[i]!.prefersDown;
    const open = !covered.has(prefers ? downGap[i]! : upGap[i]!);
    assign(i, open ? prefers : !prefers);
  }
  return indices.map((s, i) => (side[i] === null ? null : side[i] ? s.down : s.up));
}
