/**
 * The semantics matchers, as jest-dom has them for the web: `toBeChecked`, `toBeDisabled`,
 * `toHaveValue`, `toHaveFocus`, `toBeVisible`, `toHaveAccessibleName`. Each takes a node from
 * a query (`screen.getByRole(…)`) and reads its semantics as they are now.
 */
import { SemanticsNode } from '../semantics/node.js';
import type { SemanticsValue } from '../semantics/types.js';
import { matches, type TextMatch } from './queries.js';

type Result = { pass: boolean; message: () => string };
interface MatcherContext { isNot: boolean }

const CHECKABLE = new Set(['checkbox', 'switch', 'radio', 'menuitem', 'option']);

function notANode(matcher: string, received: unknown): Result | null {
  if (received instanceof SemanticsNode) return null;
  return { pass: false, message: () => `${matcher} expects a node from a query such as screen.getByRole(), got ${typeof received === 'object' ? JSON.stringify(received) : String(received)}` };
}

function result(pass: boolean, isNot: boolean, node: SemanticsNode, expected: string): Result {
  return { pass, message: () => `expected ${node} ${isNot ? 'not ' : ''}${expected}` };
}

export const semanticsMatchers = {
  toBeChecked(this: MatcherContext, received: unknown): Result {
    const bad = notANode('toBeChecked', received);
    if (bad) return bad;
    const node = received as SemanticsNode;
    const checked = node.states.checked;
    if (checked === undefined && !CHECKABLE.has(node.role)) {
      return { pass: false, message: () => `toBeChecked: ${node} cannot be checked: give it a checkable role (checkbox, switch, radio) and semantics.checked` };
    }
    return result(checked === true, this.isNot, node, 'to be checked');
  },

  toBePartiallyChecked(this: MatcherContext, received: unknown): Result {
    const bad = notANode('toBePartiallyChecked', received);
    if (bad) return bad;
    const node = received as SemanticsNode;
    return result(node.states.checked === 'mixed', this.isNot, node, 'to be partially checked (mixed)');
  },

  toBeDisabled(this: MatcherContext, received: unknown): Result {
    const bad = notANode('toBeDisabled', received);
    if (bad) return bad;
    const node = received as SemanticsNode;
    return result(node.disabled, this.isNot, node, 'to be disabled');
  },

  toHaveFocus(this: MatcherContext, received: unknown): Result {
    const bad = notANode('toHaveFocus', received);
    if (bad) return bad;
    const node = received as SemanticsNode;
    return result(node.states.focused, this.isNot, node, 'to have focus');
  },

  toBeVisible(this: MatcherContext, received: unknown): Result {
    const bad = notANode('toBeVisible', received);
    if (bad) return bad;
    const node = received as SemanticsNode;
    return result(node.visible, this.isNot, node, 'to be visible (mounted, not display: none, not fully transparent)');
  },

  /** A number compares `value.now`, a string `value.text`, an object the fields it gives. */
  toHaveValue(this: MatcherContext, received: unknown, expected: number | string | SemanticsValue): Result {
    const bad = notANode('toHaveValue', received);
    if (bad) return bad;
    const node = received as SemanticsNode;
    const value = node.value ?? {};
    const want: SemanticsValue = typeof expected === 'number' ? { now: expected } : typeof expected === 'string' ? { text: expected } : expected;
    const pass = Object.entries(want).every(([k, v]) => value[k as keyof SemanticsValue] === v);
    return { pass, message: () => `expected ${node} ${this.isNot ? 'not ' : ''}to have value ${JSON.stringify(want)}, it has ${JSON.stringify(node.value ?? null)}` };
  },

  /** Without an argument: has any name at all. */
  toHaveAccessibleName(this: MatcherContext, received: unknown, expected?: TextMatch): Result {
    const bad = notANode('toHaveAccessibleName', received);
    if (bad) return bad;
    const node = received as SemanticsNode;
    const pass = expected === undefined ? node.name !== '' : matches(node.name, expected);
    const what = expected === undefined ? 'a name' : `the name ${expected instanceof RegExp ? String(expected) : JSON.stringify(expected)}`;
    return { pass, message: () => `expected ${node} ${this.isNot ? 'not ' : ''}to have ${what}, it is named ${JSON.stringify(node.name)}` };
  },
};
