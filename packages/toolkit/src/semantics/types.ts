/**
 * The vocabulary of the semantics tree: roles (WAI-ARIA names), values, states and actions,
 * the `semantics` prop a box takes, and the plain records a subscriber of the tree receives.
 */
import type { Reactive } from '../jsx/reactive.js';
import type { NodeHandle } from '../input/events.js';

/**
 * What a node is to a person who cannot see it: the WAI-ARIA role names, plus `text` for a
 * plain `<Text>`, `none` for a box that only lays out others (it is left out of the tree), and
 * the custom role `keyboard` for an on-screen keyboard (its keys are `button`s).
 */
export type Role =
  | 'button' | 'checkbox' | 'switch' | 'radio' | 'radiogroup' | 'slider' | 'spinbutton' | 'progressbar'
  | 'tab' | 'tablist' | 'tabpanel' | 'dialog' | 'alertdialog' | 'alert' | 'listbox' | 'option' | 'combobox'
  | 'textbox' | 'list' | 'listitem' | 'heading' | 'img' | 'status' | 'group' | 'link' | 'menu' | 'menuitem'
  | 'text' | 'none' | 'keyboard';

/** Every role, for checking a role written in a test or a prop. */
export const ROLES: ReadonlySet<Role> = new Set<Role>([
  'button', 'checkbox', 'switch', 'radio', 'radiogroup', 'slider', 'spinbutton', 'progressbar',
  'tab', 'tablist', 'tabpanel', 'dialog', 'alertdialog', 'alert', 'listbox', 'option', 'combobox',
  'textbox', 'list', 'listitem', 'heading', 'img', 'status', 'group', 'link', 'menu', 'menuitem',
  'text', 'none', 'keyboard',
]);

/** What an assistive technology or a test can ask a node to do. */
export type SemanticsAction = 'press' | 'increment' | 'decrement' | 'expand' | 'collapse' | 'dismiss' | 'focus';

/** A range value (slider, spinbutton, progressbar) or a text value (textbox, combobox). */
export interface SemanticsValue {
  now?: number;
  min?: number;
  max?: number;
  /** What is read out instead of the number ("21.5 °C", "Celsius"); a textbox's text. */
  text?: string;
}

/** The boolean-ish states; a state that does not apply to a node is left out (undefined). */
export interface SemanticsStates {
  checked?: boolean | 'mixed';
  selected?: boolean;
  expanded?: boolean;
  pressed?: boolean;
  invalid?: boolean;
  disabled: boolean;
  focused: boolean;
}

/**
 * The `semantics` prop of View, Text, Image and Canvas. Every field may be a value, a signal
 * or a getter, and so may the whole object; they are read when the tree is asked, so the tree
 * always says what the props say now.
 *
 * Naming: `label` wins; else `labelledBy` (the testId or handle of the node whose text names
 * this one); else, for roles named by their content (button, checkbox, switch, radio, tab,
 * option, listitem, heading, link, menuitem), the text of the node's descendants.
 *
 * Actions: `press` is offered when the node has `onPress`, `focus` when it is focusable; list
 * others in `actions` and handle them in `onAction`, which also receives `press` or `focus`
 * if they are listed there.
 * @example
 * <View semantics={{ role: 'slider', label: 'Volume', value: () => ({ now: volume.value, min: 0, max: 100 }),
 *   actions: ['increment', 'decrement'], onAction: (a) => { volume.value += a === 'increment' ? 5 : -5; } }} />
 */
export interface SemanticsProps {
  role?: Reactive<Role>;
  label?: Reactive<string | undefined>;
  labelledBy?: Reactive<string | NodeHandle | undefined>;
  description?: Reactive<string | undefined>;
  /** A number is `{ now }`, a string is `{ text }`. */
  value?: Reactive<SemanticsValue | number | string | undefined>;
  checked?: Reactive<boolean | 'mixed' | undefined>;
  selected?: Reactive<boolean | undefined>;
  expanded?: Reactive<boolean | undefined>;
  pressed?: Reactive<boolean | undefined>;
  invalid?: Reactive<boolean | undefined>;
  /** Disabled for semantics even when the node's own `disabled` prop is not set. */
  disabled?: Reactive<boolean | undefined>;
  /** Leaves the node and its subtree out of the tree (decoration, a duplicate label). */
  hidden?: Reactive<boolean | undefined>;
  actions?: Reactive<readonly SemanticsAction[] | undefined>;
  onAction?: (action: SemanticsAction) => void;
}

/** A box in output pixels. */
export interface SemanticsBounds { x: number; y: number; width: number; height: number }

/** One node of the tree as plain data: what a subscriber (a screen-reader bridge) receives. */
export interface SemanticsData {
  /** Stable for the node's lifetime. */
  id: number;
  role: Role;
  name: string;
  description: string;
  value: SemanticsValue | undefined;
  states: SemanticsStates;
  actions: SemanticsAction[];
  bounds: SemanticsBounds;
  parent: number | null;
  children: number[];
}

/** A change to the tree, as a subscriber hears it (in tree order, after the frame that made it). */
export type SemanticsChange =
  | { type: 'added'; node: SemanticsData }
  | { type: 'removed'; id: number }
  | { type: 'changed'; node: SemanticsData; fields: (keyof SemanticsData)[] };
