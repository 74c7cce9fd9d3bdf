/**
 * The live-object ledger: how many CanvasKit objects and Yoga nodes exist right now, counted
 * where they are made and destroyed rather than by Planar's own bookkeeping, so a leak
 * anywhere (a forgotten `paint.delete()`, a Yoga node never freed) shows up here.
 *
 * How CanvasKit is counted. canvaskit-wasm exposes C++ objects through embind, whose JS
 * handles all come from two places and all die in one:
 *   1. Every C++ object handed to JS (a constructor such as `new ck.Paint()`, a factory such
 *      as `ck.Shader.MakeLinearGradient`, a method such as `builder.build()`) is wrapped in a
 *      handle by the `fromWireType` method shared by all of embind's pointer types (one
 *      prototype, reached from any handle: handle → its internal record → its pointer type).
 *   2. `handle.clone()` makes another handle on the same object.
 *   3. `handle.delete()`, on the prototype every class inherits from, releases a handle
 *      (`deleteLater` and `Symbol.dispose` end there too).
 * Wrapping those three counts handles per class name: created minus deleted is what is alive.
 * A `Canvas` handle is a view of the canvas its Surface or PictureRecorder owns (CanvasKit
 * makes a new one per `getCanvas()` and it must never be deleted), so it is counted apart and
 * left out of the owned total. Blocks from `ck.Malloc` are counted the same way against
 * `ck.Free`, with their bytes.
 *
 * How Yoga is counted. yoga-layout's `Node.create` calls `Node.createWithConfig` or
 * `Node.createDefault`, and `node.free()` calls `Node.destroy`, all looked up at call time on
 * the one `Node` class of the process; wrapping those counts every node that exists. This
 * module wraps them as soon as Yoga is loaded, before any node can be made.
 *
 * The embind internals are reached by shape, not by name (the names are minified); if a
 * CanvasKit update changes that shape, `trackCanvasKit` throws and says so.
 */
import type { Yoga } from 'yoga-layout/load';
import { whenYogaLoaded } from '../engines/yoga.js';
import type { CanvasKit } from 'canvaskit-wasm';

/** CanvasKit handles alive, by class, plus `ck.Malloc` blocks. */
export interface CanvasKitCounts {
  /** Handles Planar owns and must delete: created minus deleted, over every class but `Canvas`. */
  owned: number;
  /** The same by class name (`Paint`, `Paragraph`, `Shader`…), classes at zero left out. */
  byClass: Record<string, number>;
  /** Views of a Surface's or recorder's canvas (never deleted by design; not in `owned`). */
  canvasViews: number;
  /** Blocks from `ck.Malloc` not yet given to `ck.Free`, and their bytes. */
  mallocBlocks: number;
  mallocBytes: number;
}

const BORROWED = 'Canvas';

/**
 * The counts live on the global object, so that two copies of this module in one process (a
 * test importing the sources while a dependency imports the build) share one ledger and wrap
 * each library once.
 */
interface Ledger {
  byClass: Map<string, number>;
  mallocBlocks: number;
  mallocBytes: number;
  canvasKits: WeakSet<object>;
  yogaLive: number;
  yogaClasses: WeakSet<object>;
}
const LEDGER = Symbol.for('planar.live-objects');
const ledger: Ledger = ((globalThis as Record<symbol, Ledger | undefined>)[LEDGER] ??= {
  byClass: new Map(), mallocBlocks: 0, mallocBytes: 0, canvasKits: new WeakSet(), yogaLive: 0, yogaClasses: new WeakSet(),
});
const { byClass } = ledger;

const className = (handle: object): string =>
  (handle as { constructor?: { name?: string } }).constructor?.name || 'unknown';

function count(handle: object, delta: number): void {
  const name = className(handle);
  byClass.set(name, (byClass.get(name) ?? 0) + delta);
}

type Method = (this: object, ...args: unknown[]) => unknown;

function shapeError(what: string): Error {
  return new Error(`live objects: canvaskit-wasm's embind layout is not the one expected (${what}); the ledger in render/live-objects.ts needs updating for this CanvasKit version`);
}

/** The prototype holding embind's `fromWireType`, found from a probe handle's internal record. */
function pointerTypePrototype(probe: object): Record<string, Method> {
  const [internal] = Object.getOwnPropertyNames(probe);
  const record = internal !== undefined ? (probe as Record<string, unknown>)[internal] : undefined;
  if (!record || typeof record !== 'object') throw shapeError('a handle has no internal record');
  for (const value of Object.values(record)) {
    if (!value || typeof value !== 'object') continue;
    const proto = Object.getPrototypeOf(value) as Record<string, Method> | null;
    if (proto && Object.hasOwn(proto, 'fromWireType') && typeof proto.fromWireType === 'function') return proto;
  }
  throw shapeError('no pointer type with fromWireType');
}

/** The prototype every embind class inherits `delete` and `clone` from. */
function handlePrototype(probe: object): Record<string | symbol, Method> {
  let proto = Object.getPrototypeOf(probe) as Record<string | symbol, Method> | null;
  while (proto && !Object.hasOwn(proto, 'delete')) proto = Object.getPrototypeOf(proto) as Record<string | symbol, Method> | null;
  if (!proto || typeof proto.clone !== 'function') throw shapeError('no shared delete/clone');
  return proto;
}

/**
 * Starts counting CanvasKit's handles and Malloc blocks. Called once, by the loader, before
 * anything else uses the instance.
 */
export function trackCanvasKit(ck: CanvasKit): void {
  if (ledger.canvasKits.has(ck)) return;
  const probe = new ck.Paint();
  const pointerType = pointerTypePrototype(probe);
  const handle = handlePrototype(probe);
  probe.delete();
  ledger.canvasKits.add(ck);

  const fromWireType = pointerType.fromWireType!;
  pointerType.fromWireType = function (this: object, ...args: unknown[]) {
    const made = fromWireType.apply(this, args);
    if (made && typeof made === 'object') count(made, 1);
    return made;
  };
  const clone = handle.clone!;
  handle.clone = function (this: object, ...args: unknown[]) {
    const copy = clone.apply(this, args) as object;
    count(copy, 1);
    return copy;
  };
  const release = handle.delete!;
  const counted: Method = function (this: object, ...args: unknown[]) {
    // Throws on a handle already deleted, which then is not counted twice.
    const result = release.apply(this, args);
    count(this, -1);
    return result;
  };
  handle.delete = counted;
  const dispose = (Symbol as { dispose?: symbol }).dispose;
  if (dispose && Object.hasOwn(handle, dispose)) handle[dispose] = counted;

  const ckMalloc = ck.Malloc.bind(ck);
  const ckFree = ck.Free.bind(ck);
  const sizes = new WeakMap<object, number>();
  ck.Malloc = ((type: Parameters<CanvasKit['Malloc']>[0], length: number) => {
    const block = ckMalloc(type, length);
    const bytes = length * type.BYTES_PER_ELEMENT;
    sizes.set(block, bytes);
    ledger.mallocBlocks++;
    ledger.mallocBytes += bytes;
    return block;
  }) as CanvasKit['Malloc'];
  ck.Free = ((block: Parameters<CanvasKit['Free']>[0]) => {
    ckFree(block);
    const bytes = sizes.get(block);
    if (bytes === undefined) return;
    sizes.delete(block);
    ledger.mallocBlocks--;
    ledger.mallocBytes -= bytes;
  }) as CanvasKit['Free'];
}

/** CanvasKit objects alive now, over every CanvasKit instance of the process (all zero before one is loaded). */
export function canvasKitCounts(): CanvasKitCounts {
  const classes: Record<string, number> = {};
  let owned = 0;
  for (const [name, n] of [...byClass].sort(([a], [b]) => a.localeCompare(b))) {
    if (n === 0 || name === BORROWED) continue;
    classes[name] = n;
    owned += n;
  }
  return { owned, byClass: classes, canvasViews: byClass.get(BORROWED) ?? 0, mallocBlocks: ledger.mallocBlocks, mallocBytes: ledger.mallocBytes };
}

/** Yoga nodes alive in the process: made by `Node.create` and not yet freed. */
export function liveYogaNodes(): number {
  return ledger.yogaLive;
}

function trackYoga(Yoga: Yoga): void {
  if (ledger.yogaClasses.has(Yoga.Node)) return;
  ledger.yogaClasses.add(Yoga.Node);
  type NodeStatics = Record<'createWithConfig' | 'createDefault' | 'destroy', (...args: unknown[]) => unknown>;
  const statics = Yoga.Node as unknown as NodeStatics;
  for (const name of ['createWithConfig', 'createDefault'] as const) {
    const original = statics[name];
    if (typeof original !== 'function') throw new Error(`live objects: yoga-layout has no Node.${name}; the ledger in render/live-objects.ts needs updating for this Yoga version`);
    statics[name] = (...args: unknown[]) => {
      const node = original.apply(Yoga.Node, args);
      ledger.yogaLive++;
      return node;
    };
  }
  const destroy = statics.destroy;
  if (typeof destroy !== 'function') throw new Error('live objects: yoga-layout has no Node.destroy; the ledger in render/live-objects.ts needs updating for this Yoga version');
  statics.destroy = (...args: unknown[]) => {
    const result = destroy.apply(Yoga.Node, args);
    ledger.yogaLive--;
    return result;
  };
}

whenYogaLoaded(trackYoga);
