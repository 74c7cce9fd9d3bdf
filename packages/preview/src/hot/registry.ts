/**
 * The hot registry: components that can be swapped while the app runs.
 *
 * How a swap works:
 *
 * 1. `planar dev` rewrites every module that contains JSX so that each top-level PascalCase
 *    function goes through `hotComponent(moduleUrl, name, impl)` before anything uses it. The
 *    first call for a (module, name) pair makes a record holding the implementation in a
 *    signal, and a proxy component; the module's binding is replaced by the proxy, so the
 *    module's own JSX, its exports and every importer use the proxy.
 * 2. A proxy, when mounted, returns a getter that reads the record's signal and makes an
 *    element of the current implementation. The getter is a dynamic region: when the signal
 *    changes, what the old implementation mounted is disposed and the new one is mounted in its
 *    place. Nothing else in the tree is touched — a parent that did not change keeps its
 *    nodes and its signals.
 * 3. When an edited module is imported again (with a new `?v=` query), its `hotComponent`
 *    calls find the records already there: they return the same proxies (so importers that
 *    were not imported again keep working) and park the new implementations.
 * 4. `commitModule` then decides which parked implementations go live: a component whose
 *    source text changed, or every component of the module when the module's other code
 *    changed (a helper or a constant they may use), or when `force` says a dependency the
 *    module reads was replaced. A component whose text is the same keeps its old
 *    implementation, and with it the module state that implementation closed over.
 *
 * A component's text is `Function.prototype.toString`, which for functions written in source
 * is their exact source slice; the "other code" of a module is its output text with every
 * component's text cut out and the `?v=` queries removed.
 */
import { batch, signal, type Child, type Signal } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';

type Component = (props: Record<string, unknown>) => unknown;

interface ComponentRecord {
  readonly impl: Signal<Component>;
  readonly proxy: Component;
  /** The source text of the live implementation. */
  text: string;
}

const HOT_PROXY = Symbol.for('planar.hotProxy');
const records = new Map<string, ComponentRecord>();
/** Implementations met while a module was imported again, by module id, waiting for `commitModule`. */
const parked = new Map<string, Map<string, Component>>();

/** A module's id: its URL without query or hash, so every version of a file shares its records. */
export function moduleId(url: string): string {
  return url.replace(/[?#].*$/, '');
}

function isClass(value: Function): boolean {
  return /^class\b/.test(Function.prototype.toString.call(value));
}

function makeProxy(record: () => ComponentRecord): Component {
  const proxy = (props: Record<string, unknown>): Child => () => jsx(record().impl.value as never, props);
  Object.defineProperty(proxy, HOT_PROXY, { value: true });
  // Unnamed, so error paths and the inspector name the component once (by its implementation).
  Object.defineProperty(proxy, 'name', { value: '' });
  return proxy;
}

/**
 * Registers a component of a module and returns its stable proxy (anything that is not a plain
 * function is returned as it is).
 * @example MyLabel = hotComponent(import.meta.url, 'MyLabel', MyLabel);
 */
export function hotComponent<T>(moduleUrl: string, name: string, impl: T): T {
  if (typeof impl !== 'function' || isClass(impl) || (impl as { [HOT_PROXY]?: boolean })[HOT_PROXY]) return impl;
  const id = moduleId(moduleUrl);
  const key = `${id}#${name}`;
  const existing = records.get(key);
  if (existing) {
    let waiting = parked.get(id);
    if (!waiting) parked.set(id, (waiting = new Map()));
    waiting.set(name, impl as Component);
    return existing.proxy as T;
  }
  const record: ComponentRecord = {
    impl: signal(impl as Component),
    proxy: makeProxy(() => record),
    text: Function.prototype.toString.call(impl),
  };
  records.set(key, record);
  return record.proxy as T;
}

/** Whether `value` is a proxy made by `hotComponent`. */
export function isHotProxy(value: unknown): boolean {
  return typeof value === 'function' && (value as { [HOT_PROXY]?: boolean })[HOT_PROXY] === true;
}

/** The module's code apart from its components' source, with version queries removed. */
function otherCode(text: string, componentTexts: Iterable<string>): string {
  let rest = text;
  for (const t of componentTexts) rest = rest.split(t).join('');
  return rest.replace(/\?v=\d+/g, '');
}

export interface CommitOptions {
  /** The module's output text before this version (the one its live components came from). */
  previousText: string;
  /** The output text of the version just imported. */
  text: string;
  /** Swap every component of the module (a module it imports was replaced). */
  force?: boolean;
}

/**
 * Puts live the implementations parked while `moduleUrl` was imported again; returns the names
 * of the components that were swapped (their mounted instances are remounted).
 */
export function commitModule(moduleUrl: string, options: CommitOptions): string[] {
  const id = moduleId(moduleUrl);
  const waiting = parked.get(id) ?? new Map<string, Component>();
  parked.delete(id);
  const recordOf = (name: string) => records.get(`${id}#${name}`)!;
  const oldRest = otherCode(options.previousText, [...waiting.keys()].map((n) => recordOf(n).text));
  const newRest = otherCode(options.text, [...waiting.values()].map((impl) => Function.prototype.toString.call(impl)));
  const all = options.force === true || oldRest !== newRest;
  const swapped: string[] = [];
  batch(() => {
    for (const [name, impl] of waiting) {
      const record = recordOf(name);
      const text = Function.prototype.toString.call(impl);
      if (!all && text === record.text) continue;
      record.text = text;
      record.impl.value = impl;
      swapped.push(name);
    }
  });
  return swapped;
}

/** Drops what was parked for a module whose new version failed to import. */
export function abandonModule(moduleUrl: string): void {
  parked.delete(moduleId(moduleUrl));
}

/** Forgets every record (a new run of planar dev, or between tests). */
export function resetHotRegistry(): void {
  records.clear();
  parked.clear();
}
