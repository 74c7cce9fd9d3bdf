/**
 * Text geometry as a text field uses it: where the caret of an index is drawn, which index a
 * touch lands on, the boxes of a selection, grapheme, word and line boundaries, and caret moves
 * on screen through mixed-direction text. Where it can, a case checks the answers against the
 * pixels drawn: a caret between two words stands in the white between them, a selection
 * covers its letters' ink.
 */
import { describe, expect, it } from 'vitest';
import { Show, Text, View, signal, textGeometry, type NodeHandle, type Style, type TextGeometry } from '@planar/toolkit';
import { checkLeaks, liveObjects, type Screen } from '@planar/toolkit/testing';
import { mount } from './mount.js';

const PAD = 4;

/** A black <Text> on white, `width` wide (undefined: as wide as its text), padded by PAD. */
async function laidOut(text: string, style: Style = {}, width?: number): Promise<{ screen: Screen; g: TextGeometry; ref: { current: NodeHandle | null } }> {
  const ref = { current: null as NodeHandle | null };
  const screen = await mount(() => (
    <View style={{ width: '100%', height: '100%', backgroundColor: 'white', alignItems: 'flex-start' }}>
      <Text ref={ref} style={{ fontSize: 20, color: 'black', padding: PAD, width, ...style }}>{text}</Text>
    </View>
  ), { width: 320, height: 200 });
  return { screen, g: textGeometry(ref.current!), ref };
}

/** The x of every output column with ink (a dark pixel) between rows `top` and `bottom`. */
function inkColumns(screen: Screen, top: number, bottom: number): number[] {
  const { width, pixels } = screen.pixels();
  const columns: number[] = [];
  for (let x = 0; x < width; x++) {
    for (let y = Math.ceil(top); y < Math.floor(bottom); y++) {
      const i = (y * width + x) * 4;
      if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 3 * 128) {
        columns.push(x);
        break;
      }
    }
  }
  return columns;
}

/** Steps with `move` from `from` until it stops moving; the indices visited, in order. */
function walk(move: (index: number) => number, from: number): number[] {
  const seen = [from];
  for (let i = from, n = 0; n < 100; n++) {
    const next = move(i);
    if (next === i) break;
    seen.push((i = next));
  }
  return seen;
}

const xOf = (g: TextGeometry) => (index: number) => g.caretRect(index).x;

describe('text geometry', () => {
  it('latin line: carets move right index by index, from the padding to the text end, and touches find them again', async () => {
    const text = 'Hello, world';
    const { screen, g, ref } = await laidOut(text);
    expect(g.text).toBe(text);
    expect(g.lineCount).toBe(1);
    const xs = [...text + ' '].map((_, i) => g.caretRect(i).x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]!);
    expect(xs[0]).toBe(PAD);
    // The box is as wide as the text, rounded up to a whole pixel.
    expect(ref.current!.box().width - PAD - xs[text.length]!).toBeGreaterThanOrEqual(0);
    expect(ref.current!.box().width - PAD - xs[text.length]!).toBeLessThan(1);
    const caret = g.caretRect(3);
    expect(caret).toMatchObject({ y: PAD, width: 0 });
    expect(caret.height).toBeCloseTo(ref.current!.box().height - 2 * PAD, 0);
    // The caret between the words stands in the white between them.
    const ink = inkColumns(screen, PAD, PAD + caret.height);
    expect(ink.some((x) => x >= xs[6]! + 1 && x < xs[7]! - 1)).toBe(false);
    expect(ink[0]).toBeGreaterThanOrEqual(xs[0]! - 1);
    expect(ink[ink.length - 1]).toBeLessThanOrEqual(xs[text.length]! + 1);
    // A touch on a caret's place finds its index; touches beyond the text find its ends.
    for (let i = 0; i <= text.length; i++) expect(g.positionAt(xs[i]! + 0.5, 12).index).toBe(i);
    expect(g.positionAt(-20, 12)).toEqual({ index: 0, affinity: 'downstream' });
    expect(g.positionAt(300, 12).index).toBe(text.length);
    expect(g.positionAt(300, 150).index).toBe(text.length);
  });

  it("a tap on the text finds the index under the finger, from the event's own coordinates", async () => {
    const ref = { current: null as NodeHandle | null };
    const taps: number[] = [];
    const screen = await mount(() => (
      <View style={{ padding: 30 }}>
        <Text ref={ref} style={{ fontSize: 20, padding: PAD }} onPointerDown={(e) => taps.push(textGeometry(ref.current!).positionAt(e.x, e.y).index)}>
          {'tap here'}
        </Text>
      </View>
    ));
    const g = textGeometry(ref.current!);
    const box = ref.current!.box();
    // Just right of the caret between "tap" and " here", then on the left half of the "e" of "here".
    await screen.tap({ x: box.x + g.caretRect(3).x + 1, y: box.y + 12 });
    const e = g.caretRect(5).x, r = g.caretRect(6).x;
    await screen.tap({ x: box.x + e + (r - e) / 4, y: box.y + 12 });
    expect(taps).toEqual([3, 5]);
  });

  it('paragraph with soft wraps and hard breaks: lines, their boxes, and moves up and down at about the same x', async () => {
    const text = 'one two three four five six\nseven\n\nthe end.';
    const { g } = await laidOut(text, {}, 130);
    const lines = Array.from({ length: g.lineCount }, (_, k) => k);
    const starts = [0];
    for (let i = 0; i <= text.length; i++) if (g.lineAt(i).start !== g.lineAt(starts[starts.length - 1]!).start) starts.push(i);
    const words = (i: number) => text.slice(g.lineAt(i).start, g.lineAt(i).end);
    expect(starts.map(words)).toEqual(['one two ', 'three four ', 'five six', 'seven', '', 'the end.']);
    expect(g.lineCount).toBe(starts.length);
    // Line boxes stack without gaps, each baseline inside its box.
    const boxes = lines.map((k) => g.lineAt(starts[k]!));
    expect(boxes[0]!.top).toBe(PAD);
    for (const [k, box] of boxes.entries()) {
      expect(box.baseline).toBeGreaterThan(box.top);
      expect(box.baseline).toBeLessThan(box.bottom);
      if (k > 0) expect(box.top).toBeCloseTo(boxes[k - 1]!.bottom, 1);
    }
    // At a soft wrap, one index is both the first line's end and the second line's start.
    const wrap = starts[1]!;
    expect(g.lineAt(wrap, 'upstream').start).toBe(0);
    expect(g.caretRect(wrap)).toMatchObject({ x: PAD, y: boxes[1]!.top });
    expect(g.caretRect(wrap, 'upstream').y).toBe(boxes[0]!.top);
    expect(g.caretRect(wrap, 'upstream').x).toBeGreaterThan(g.caretRect(wrap - 1).x);
    expect(g.positionAt(129, boxes[0]!.top + 5)).toEqual({ index: wrap, affinity: 'upstream' });
    // The empty line.
    expect(g.caretRect(starts[4]!)).toMatchObject({ x: PAD, y: boxes[4]!.top });
    // Down from "tw|o" visits every line near the same x (the empty one at its start); past the last line is the text's end.
    const x = g.caretRect(6).x;
    const down = walk((i) => g.lineBelow(i, x), 6);
    expect(down.slice(0, -1).map((i) => g.lineAt(i).start)).toEqual(starts);
    expect(down[down.length - 1]).toBe(text.length);
    for (const i of down.slice(1, 4)) expect(Math.abs(g.caretRect(i).x - x)).toBeLessThan(10);
    expect(down[4]).toBe(starts[4]);
    expect(walk((i) => g.lineAbove(i, x), down[3]!)).toEqual([...down.slice(0, 4).reverse(), 0]);
    // Right from the end of a line goes on to the start of the next.
    expect(g.visualRight(starts[3]! - 1)).toBe(starts[3]);
    expect(g.visualLeft(starts[3]!)).toBe(starts[3]! - 1);
  });

  it('graphemes: an emoji family, a letter with a combining accent and a flag are one step each', async () => {
    const family = '👨‍👩‍👧‍👦', accented = 'e\u0301', flag = '🇫🇷';
    const text = `${family}${accented}${flag}!`;
    const { g } = await laidOut(text);
    const ends = [family.length, family.length + 2, family.length + 2 + flag.length, text.length];
    expect(walk((i) => g.nextGrapheme(i), 0)).toEqual([0, ...ends]);
    expect(walk((i) => g.previousGrapheme(i), text.length)).toEqual([text.length, ends[2], ends[1], ends[0], 0]);
    expect(walk((i) => g.visualRight(i), 0)).toEqual([0, ...ends]);
    // An index inside a grapheme counts as its start; touches never land inside one.
    expect(g.caretRect(5)).toEqual(g.caretRect(0));
    const boundaries = new Set([0, ...ends]);
    for (let x = 0; x < 120; x += 2) expect(boundaries.has(g.positionAt(x, 12).index)).toBe(true);
    const rects = g.selectionRects(2, 3);
    expect(rects).toHaveLength(1);
    expect(rects[0]!.x).toBe(g.caretRect(0).x);
    expect(rects[0]!.x + rects[0]!.width).toBeCloseTo(g.caretRect(family.length).x, 1);
  });

  it('words: punctuation and spaces are skipped by word moves, a caret after a word takes that word', async () => {
    const text = "Hello, world! It's 3.5 km.";
    const { g } = await laidOut(text);
    const word = (i: number) => text.slice(g.wordAt(i).start, g.wordAt(i).end);
    expect([2, 5, 6, 9, 12, 15, 20, 24, 26].map(word)).toEqual(['Hello', 'Hello', ' ', 'world', 'world', "It's", '3.5', 'km', '.']);
    expect(walk((i) => g.nextWord(i), 0)).toEqual([0, 5, 12, 18, 22, 25, 26]);
    expect(walk((i) => g.previousWord(i), text.length)).toEqual([26, 23, 19, 14, 7, 0]);
  });

  it("words in a script without spaces follow the locale's dictionary", async () => {
    const { g } = await laidOut('สวัสดีครับ', {});
    expect(g.wordAt(2)).toEqual({ start: 0, end: 6 });
    expect(g.nextWord(0)).toBe(6);
  });

  it('selection over three lines: a rect per line, from the anchor to the line end, then line starts to the focus', async () => {
    const { g, screen } = await laidOut('hello world again and again', {}, 130);
    const rects = g.selectionRects(3, 25);
    expect(rects).toHaveLength(3);
    const [first, middle, last] = rects as [typeof rects[0], typeof rects[0], typeof rects[0]];
    expect(first.x).toBe(g.caretRect(3).x);
    expect(first.y).toBe(g.lineAt(3).top);
    expect(middle).toMatchObject({ x: PAD, y: g.lineAt(14).top });
    expect(middle.height).toBe(g.lineAt(14).bottom - g.lineAt(14).top);
    expect(last).toMatchObject({ x: PAD, y: g.lineAt(25).top });
    expect(last.x + last.width).toBeCloseTo(g.caretRect(25).x, 1);
    // The rects cover the ink of what they select.
    const ink = inkColumns(screen, middle.y, middle.y + middle.height);
    expect(ink[0]).toBeGreaterThanOrEqual(middle.x - 1);
    expect(ink[ink.length - 1]).toBeLessThanOrEqual(middle.x + middle.width + 1);
    expect(g.selectionRects(25, 3)).toEqual(rects);
    expect(g.selectionRects(7, 7)).toEqual([]);
  });
});

describe('text geometry in right-to-left and mixed text', () => {
  it('left-to-right paragraph with a Hebrew run: right steps go through the run backwards, each to the next gap', async () => {
    const text = 'abc אבג def';
    const { g } = await laidOut(text);
    const right = walk((i) => g.visualRight(i), 0);
    expect(right).toEqual([0, 1, 2, 3, 4, 6, 5, 7, 8, 9, 10, 11]);
    const xs = right.map(xOf(g));
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]!);
    expect(walk((i) => g.visualLeft(i), 11)).toEqual([...right].reverse());
    // Index 4 has two places: after the space (upstream) and before the alef (downstream).
    expect(g.caretRect(4, 'upstream').x).toBeLessThan(g.caretRect(4, 'downstream').x);
    // "c", the space and alef: the alef sits at the far end of the Hebrew run, a box of its own.
    const rects = g.selectionRects(2, 5);
    expect(rects).toHaveLength(2);
    expect(rects[1]!.x + rects[1]!.width).toBeCloseTo(g.caretRect(7).x, 1);
    for (const i of right) expect(g.positionAt(g.caretRect(i).x + 0.5, 12).index).toBe(i);
  });

  it('right-to-left paragraph with Latin at both ends: every gap is reached, right to left is forward', async () => {
    const text = 'abc אבג def';
    const { g } = await laidOut(text, { writingDirection: 'rtl', textAlign: 'right' }, 300);
    expect(g.caretRect(3).x).toBeCloseTo(300 - PAD, 0);
    const right = walk((i) => g.visualRight(i), g.positionAt(0, 12).index);
    expect(right).toEqual([8, 9, 10, 11, 7, 6, 5, 4, 0, 1, 2, 3]);
    const xs = right.map(xOf(g));
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]!);
    expect(walk((i) => g.visualLeft(i), 3)).toEqual([...right].reverse());
  });

  it('Arabic: one step per letter though the letters join, forward to the left', async () => {
    const text = 'سلام عليكم';
    const { g, screen } = await laidOut(text, { writingDirection: 'rtl' }, 300);
    const left = walk((i) => g.visualLeft(i), 0);
    expect(left).toEqual([...text + ' '].map((_, i) => i));
    const xs = left.map(xOf(g));
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeLessThan(xs[i - 1]!);
    // The ink of the line lies between the caret at the start (right) and at the end (left).
    const ink = inkColumns(screen, PAD, g.lineAt(0).bottom);
    expect(ink[0]).toBeGreaterThanOrEqual(xs[xs.length - 1]! - 1);
    expect(ink[ink.length - 1]).toBeLessThanOrEqual(xs[0]! + 1);
    expect(g.nextWord(0)).toBe(4);
  });

  it('right-to-left lines ending in a hard break: carets and selections sit on the drawn letters', async () => {
    const text = 'אב\nגד\nabc';
    const { g, screen } = await laidOut(text, { writingDirection: 'rtl' }, 300);
    expect(g.lineCount).toBe(3);
    for (const [start, end] of [[0, 2], [3, 5]] as const) {
      const [rect, ...more] = g.selectionRects(start, end + 1);
      expect(more).toEqual([]);
      const ink = inkColumns(screen, rect!.y + 2, rect!.y + rect!.height - 2);
      expect(rect!.x + rect!.width).toBeCloseTo(300 - PAD, 0);
      expect(Math.abs(ink[0]! - rect!.x)).toBeLessThan(3);
      expect(Math.abs(ink[ink.length - 1]! - (rect!.x + rect!.width))).toBeLessThan(3);
      expect(g.caretRect(start).x).toBeCloseTo(rect!.x + rect!.width, 1);
      expect(g.caretRect(end).x).toBeCloseTo(rect!.x, 1);
    }
    // Left from the end of the first line goes down to the start of the second.
    expect(g.visualLeft(2)).toBe(3);
    expect(g.visualRight(3)).toBe(2);
  });
});

describe('text geometry over random mixed text', () => {
  const PIECES = ['a', 'b', ' ', 'א', 'ב', 'س', 'ل', '1', '2', '\n', '\r\n', '👨‍👩‍👧', 'e\u0301', '.', '(', ')', '\t'];

  it('every answer lies in the text, and walking left or right never comes back to an index', async () => {
    let seed = 7;
    const pick = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let round = 0; round < 40; round++) {
      const text = Array.from({ length: pick(25) }, () => PIECES[pick(PIECES.length)]).join('');
      const style: Style = { fontSize: 16, writingDirection: (['ltr', 'rtl', 'auto'] as const)[pick(3)], textAlign: (['start', 'center', 'end'] as const)[pick(3)] };
      const { g, screen } = await laidOut(text, style, [40, 90, 200][pick(3)]);
      const context = JSON.stringify({ text, style });
      const inText = (i: number) => i >= 0 && i <= text.length;
      for (let i = 0; i <= text.length; i++) {
        for (const affinity of [undefined, 'upstream', 'downstream'] as const) {
          const caret = g.caretRect(i, affinity);
          expect(caret.x >= 0 && caret.y >= 0 && caret.height > 0, context).toBe(true);
          for (const moved of [g.visualLeft(i, affinity), g.visualRight(i, affinity), g.lineAbove(i, 20, affinity), g.lineBelow(i, 20, affinity)]) {
            expect(inText(moved), context).toBe(true);
          }
        }
      }
      for (const move of ['visualLeft', 'visualRight'] as const) {
        const from = g.positionAt(move === 'visualRight' ? 0 : 300, 0).index;
        const path = walk((i) => g[move](i), from);
        expect(new Set(path).size, `${context} ${move}: ${path}`).toBe(path.length);
      }
      await screen.dispose();
    }
  });
});

describe('text geometry: what it is asked of', () => {
  it('answers only for a mounted, laid-out <Text>, and says what to do otherwise', async () => {
    const shown = signal(false);
    const text = { current: null as NodeHandle | null }, box = { current: null as NodeHandle | null }, run = { current: null as NodeHandle | null };
    const screen = await mount(() => (
      <View ref={box} testId="panel">
        <Show when={shown}><Text ref={text} testId="name">{'Ada '}<Text ref={run}>Lovelace</Text></Text></Show>
      </View>
    ));
    expect(() => textGeometry(box.current!)).toThrow('<View testId="panel"> is not a <Text> — pass the handle of the <Text>');
    shown.value = true;
    expect(() => textGeometry(text.current!)).toThrow(/<Text testId="name"> has not been laid out yet — .* after await screen.flush\(\)/);
    await screen.flush();
    const g = textGeometry(text.current!);
    expect(g.text).toBe('Ada Lovelace');
    expect(() => textGeometry(run.current!)).toThrow('is a run inside another <Text>');
    shown.value = false;
    await screen.flush();
    expect(() => g.caretRect(0)).toThrow('<Text testId="name"> is not mounted');
    expect(() => textGeometry({} as NodeHandle)).toThrow('not a node handle');
  });

  it('follows the text: a field of fixed width answers for an edit at once, one sized by its text after the frame', async () => {
    const value = signal('abc');
    const field = { current: null as NodeHandle | null }, label = { current: null as NodeHandle | null };
    const screen = await mount(() => (
      <View style={{ alignItems: 'flex-start' }}>
        <Text ref={field} style={{ width: 150 }}>{value}</Text>
        <Text ref={label}>{value}</Text>
      </View>
    ));
    const [inField, inLabel] = [textGeometry(field.current!), textGeometry(label.current!)];
    const end = inField.caretRect(3).x;
    value.value = 'abcdef';
    expect(inField.text).toBe('abcdef');
    expect(inField.caretRect(6)).toMatchObject({ y: 0 });
    expect(inField.caretRect(6).x).toBeGreaterThan(end);
    await screen.flush();
    expect(inLabel.lineCount).toBe(1);
    expect(inLabel.caretRect(6).x).toBeCloseTo(inField.caretRect(6).x, 1);
    expect(inLabel.caretRect(3).x).toBe(end);
  });

  it('a preedit shown as an underlined run is part of the text, and its rect is where the underline is drawn', async () => {
    const ref = { current: null as NodeHandle | null };
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white', alignItems: 'flex-start' }}>
        <Text ref={ref} style={{ fontSize: 20, color: 'black' }}>{'ab'}<Text style={{ textDecoration: 'underline' }}>{'cd'}</Text>{'ef'}</Text>
      </View>
    ));
    const g = textGeometry(ref.current!);
    expect(g.text).toBe('abcdef');
    const [preedit] = g.selectionRects(2, 4);
    // Below the baseline, only the underline has ink across the run: find its row.
    const line = g.lineAt(2);
    const { width, pixels } = screen.pixels();
    const darkRun = (y: number) => {
      const xs: number[] = [];
      for (let x = 0; x < width; x++) if (pixels[(y * width + x) * 4]! < 128) xs.push(x);
      return xs;
    };
    const rows = Array.from({ length: Math.ceil(line.bottom - line.baseline) }, (_, i) => Math.ceil(line.baseline) + i);
    const underline = rows.map(darkRun).find((xs) => xs.length > preedit!.width / 2);
    expect(underline).toBeDefined();
    expect(underline![0]).toBeGreaterThanOrEqual(Math.floor(preedit!.x) - 1);
    expect(underline![underline!.length - 1]).toBeLessThanOrEqual(Math.ceil(preedit!.x + preedit!.width) + 1);
  });

  it('queries make no CanvasKit object, and mounting, querying and unmounting leaves none', async () => {
    const { g } = await laidOut('abc אבג def\nשלום 👨‍👩‍👧‍👦', { writingDirection: 'rtl' }, 200);
    const query = () => {
      for (let i = 0; i <= g.text.length; i++) {
        g.caretRect(i);
        g.caretRect(i, 'upstream');
        g.visualLeft(i);
        g.visualRight(i);
        g.lineBelow(i, 50);
        g.wordAt(i);
      }
      g.positionAt(30, 30);
      g.selectionRects(0, g.text.length);
    };
    query();
    const before = await liveObjects();
    query();
    const after = await liveObjects();
    expect(after.canvasKitByClass).toEqual(before.canvasKitByClass);
    expect(after.mallocBlocks).toBe(before.mallocBlocks);

    const shown = signal(false);
    const ref = { current: null as NodeHandle | null };
    const screen = await mount(() => <View><Show when={shown}><Text ref={ref}>{'abc אבג'}</Text></Show></View>);
    const report = await checkLeaks(async () => {
      shown.value = true;
      await screen.flush();
      const geometry = textGeometry(ref.current!);
      geometry.selectionRects(0, 7);
      geometry.visualRight(3);
      shown.value = false;
      await screen.flush();
    }, { cycles: 30, jsHeapBytesPerCycle: Infinity });
    expect(report.leaks).toEqual([]);
  });
});
