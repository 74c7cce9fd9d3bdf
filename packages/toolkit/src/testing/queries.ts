/**
 * Queries by what a person perceives, as Testing Library has them: by role and accessible name
 * first, then by visible text, then by label. They read the semantics tree as it is now and
 * return live `SemanticsNode`s; a failed `get` says what it looked for and prints the tree.
 */
import type { PlanarNode } from '../tree/node.js';
import { SemanticsNode, normalise } from '../semantics/node.js';
import { print, walk } from '../semantics/tree.js';
import { ROLES, type Role, type SemanticsStates, type SemanticsValue } from '../semantics/types.js';

/** A name or text to match: exactly (white space collapsed), by RegExp, or by a test function. */
export type TextMatch = string | RegExp | ((text: string) => boolean);

/** What `getByRole` filters on besides the role; unset fields match anything. */
export interface RoleQueryOptions {
  name?: TextMatch;
  description?: TextMatch;
  checked?: boolean | 'mixed';
  selected?: boolean;
  expanded?: boolean;
  pressed?: boolean;
  invalid?: boolean;
  disabled?: boolean;
  focused?: boolean;
  /** Matches the fields given (e.g. `{ now: 30 }`). */
  value?: SemanticsValue;
  /** Also look in hidden subtrees (`display: 'none'`, `semantics.hidden`); default false. */
  hidden?: boolean;
}

/** Options of `getByText` and `getByLabel`. */
export interface TextQueryOptions {
  hidden?: boolean;
}

const STATE_KEYS = ['checked', 'selected', 'expanded', 'pressed', 'invalid', 'disabled', 'focused'] as const satisfies readonly (keyof SemanticsStates)[];

/** Whether `text` matches: a string exactly (white space collapsed), a RegExp by test, a function by its answer. */
export function matches(text: string, match: TextMatch): boolean {
  if (typeof match === 'string') return normalise(text) === normalise(match);
  if (match instanceof RegExp) return new RegExp(match.source, match.flags.replace('g', '')).test(text);
  return match(text);
}

function showMatch(match: TextMatch): string {
  return typeof match === 'string' ? JSON.stringify(match) : match instanceof RegExp ? String(match) : 'matching the function';
}

/** A query: what it finds and how to say what it looked for. */
interface Query {
  what: string;
  hidden: boolean;
  test(node: SemanticsNode): boolean;
}

export function roleQuery(role: Role, options: RoleQueryOptions = {}): Query {
  if (!ROLES.has(role)) throw new Error(`getByRole: unknown role "${role}"; roles are ${[...ROLES].join(', ')}`);
  const filters: string[] = [];
  for (const key of STATE_KEYS) if (options[key] !== undefined) filters.push(`${key}: ${JSON.stringify(options[key])}`);
  if (options.value) filters.push(`value ${JSON.stringify(options.value)}`);
  if (options.description !== undefined) filters.push(`description ${showMatch(options.description)}`);
  return {
    what: `${role}${options.name !== undefined ? ` named ${showMatch(options.name)}` : ''}${filters.length ? ` with ${filters.join(', ')}` : ''}`,
    hidden: !!options.hidden,
    test(node) {
      if (node.role !== role) return false;
      if (options.name !== undefined && !matches(node.name, options.name)) return false;
      if (options.description !== undefined && !matches(node.description, options.description)) return false;
      const states = node.states;
      for (const key of STATE_KEYS) {
        const want = options[key];
        if (want === undefined) continue;
        // An unset checked/selected/… state reads as false, as aria-checked does when absent.
        if ((states[key] ?? false) !== want) return false;
      }
      if (options.value) {
        const value = node.value ?? {};
        for (const [k, v] of Object.entries(options.value)) if (value[k as keyof SemanticsValue] !== v) return false;
      }
      return true;
    },
  };
}

export function textQuery(text: TextMatch, options: TextQueryOptions = {}): Query {
  return { what: `text ${showMatch(text)}`, hidden: !!options.hidden, test: (n) => n.role === 'text' && matches(n.name, text) };
}

export function labelQuery(label: TextMatch, options: TextQueryOptions = {}): Query {
  return { what: `label ${showMatch(label)}`, hidden: !!options.hidden, test: (n) => n.labelled && matches(n.name, label) };
}

/** Every node the query matches, in reading order. */
export function queryAll(root: PlanarNode, query: Query): SemanticsNode[] {
  return walk(root, { hidden: query.hidden }).map((e) => e.node).filter((n) => query.test(n));
}

/** The one node the query matches, or null; several is an error. */
export function queryOne(root: PlanarNode, query: Query, verb: string): SemanticsNode | null {
  const found = queryAll(root, query);
  if (found.length > 1) {
    throw new Error(`${verb}: ${found.length} nodes are ${query.what}: ${found.map(String).join('; ')} — narrow the query (name, states) or use ${verb.replace(/By/, 'AllBy')}\nthe tree is:\n${print(root)}`);
  }
  return found[0] ?? null;
}

/** The one node the query matches; none or several is an error that prints the tree. */
export function getOne(root: PlanarNode, query: Query, verb: string): SemanticsNode {
  const found = queryOne(root, query, verb);
  if (!found) throw new Error(`${verb}: no ${query.what}${hint(root, query)}\nthe tree is:\n${print(root)}`);
  return found;
}

/** Every node the query matches; none is an error that prints the tree. */
export function getAll(root: PlanarNode, query: Query, verb: string): SemanticsNode[] {
  const found = queryAll(root, query);
  if (!found.length) throw new Error(`${verb}: no ${query.what}${hint(root, query)}\nthe tree is:\n${print(root)}`);
  return found;
}

/** Points at the likely cause: the match is hidden. */
function hint(root: PlanarNode, query: Query): string {
  if (query.hidden) return '';
  const hidden = walk(root, { hidden: true }).map((e) => e.node).filter((n) => query.test(n));
  return hidden.length ? ` (${hidden.length} hidden: ${hidden.map(String).join('; ')} — pass { hidden: true } to find it)` : '';
}
