/**
 * `inspect(app)`: the app seen from outside, for the inspector page and for tests.
 *
 * Everything is read when asked and returned as plain JSON; nothing is kept between calls but
 * node ids (a WeakMap). Frame stats are passed on as they come. A change of the tree's shape
 * is found by a hash of its node ids, taken at most every TREE_CHECK_MS after a frame and only
 * while someone listens. A listener that throws is reported on the console and never reaches
 * the frame loop.
 */
import type { App } from '../app/app-types.js';
import type { PlanarNode } from '../tree/node.js';
import { hitTestScene } from '../input/dispatcher.js';
import type { FrameStats } from '../compositor/stats.js';
import { internalsOf, whenClosed } from './internals.js';
import { componentTree, findNode, nodeDetail, nodeTree } from './nodes.js';
import { nodeId } from './ids.js';
import { semanticsTree } from './semantics.js';
import { describeLayers } from './layers.js';
import type { AppInspector } from './types.js';

/** At most this often (ms) the tree's shape is compared after frames. */
const TREE_CHECK_MS = 250;

const inspectors = new WeakMap<App, AppInspector>();

function guarded<A extends unknown[]>(what: string, cb: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      cb(...args);
    } catch (error) {
      console.error(`planar: an inspector's ${what} listener threw: ${(error as Error)?.stack ?? String(error)}`);
    }
  };
}

/** A number that changes when nodes are added, removed or moved. */
function shapeOf(node: PlanarNode, hash = 17): number {
  hash = Math.imul(hash ^ nodeId(node), 0x9e3779b1);
  for (const c of node.children) hash = shapeOf(c, hash);
  return Math.imul(hash ^ node.children.length, 0x85ebca6b);
}

/**
 * The inspector of a running app (one per app): its trees, a node's props and box model, its
 * layers and frames, as plain JSON.
 * @example
 * const app = await createApp(() => <App />);
 * const inspector = inspect(app);
 * inspector.onFrame((stats) => console.log(stats.paintMs));
 */
export function inspect(app: App): AppInspector {
  const existing = inspectors.get(app);
  if (existing) return existing;
  const { scene, compositor, display, loop } = internalsOf(app);
  const treeListeners = new Set<() => void>();
  let stopFrames: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let shape = 0;

  // Runs from a timer, where a throw would end the process: guarded like the listeners.
  const checkTree = guarded('tree-change', () => {
    timer = null;
    const next = shapeOf(scene.root);
    if (next === shape) return;
    shape = next;
    for (const cb of [...treeListeners]) cb();
  });
  const stopWatchingTree = () => {
    stopFrames?.();
    stopFrames = null;
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const inspector: AppInspector = {
    info: () => ({
      backend: app.backend, width: app.width, height: app.height, scale: scene.scale, rotation: scene.rotation,
      output: { ...scene.outputSize }, damageFlash: compositor.damageFlash,
    }),
    nodeTree: () => nodeTree(scene),
    componentTree: () => componentTree(scene.root),
    node(id) {
      if (typeof id !== 'number' || !Number.isInteger(id)) throw new Error(`inspect.node: the id must be an integer, got ${JSON.stringify(id)}`);
      const node = findNode(scene.root, id);
      if (!node) throw new Error(`inspect.node: no node ${id} is mounted (it was removed, or the id is not one of nodeTree()'s); pick it again`);
      return nodeDetail(scene, node);
    },
    pick(x, y) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`inspect.pick: x and y must be numbers (output px), got ${JSON.stringify(x)}, ${JSON.stringify(y)}`);
      const found = hitTestScene(scene, ...scene.toLogical(x, y));
      return found ? nodeId(found) : null;
    },
    layers: () => describeLayers(compositor, display, app.stats),
    semantics: () => semanticsTree(scene.root),
    setDamageFlash(on) {
      if (typeof on !== 'boolean') throw new Error(`inspect.setDamageFlash: pass true or false, got ${JSON.stringify(on)}`);
      compositor.setDamageFlash(on);
      // Switched off, the outline on screen goes with one more frame.
      loop.request();
    },
    screenshot: () => app.screenshot(),
    onFrame(cb) {
      return app.on('frame', guarded('frame', cb as (stats: FrameStats) => void));
    },
    onTreeChange(cb) {
      const listener = guarded('tree-change', cb);
      if (!treeListeners.size) {
        shape = shapeOf(scene.root);
        stopFrames = app.on('frame', () => {
          if (timer) return;
          timer = setTimeout(checkTree, TREE_CHECK_MS);
          timer.unref?.();
        });
      }
      treeListeners.add(listener);
      return () => {
        treeListeners.delete(listener);
        if (!treeListeners.size) stopWatchingTree();
      };
    },
    onClose: (cb) => whenClosed(app, cb),
  };
  whenClosed(app, () => {
    treeListeners.clear();
    stopWatchingTree();
    inspectors.delete(app);
  });
  inspectors.set(app, inspector);
  return inspector;
}
