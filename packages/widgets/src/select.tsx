/**
 * Select: a trigger showing the chosen option that opens a list of options in a popup layer.
 *
 * `useSelect` holds the behaviour: the value (controlled, uncontrolled or two-way), open state,
 * the highlighted ("active") option, keys and semantics. Focus stays on the trigger while the
 * list is open (the combobox pattern): arrows, Home / End and letters move the highlight,
 * Enter or Space picks it, Escape and Tab close the list; an encoder's push opens the list and
 * enters edit mode (the trigger is `editable`), its turns move the highlight and a second push
 * picks. A tap on an option picks it, a tap outside the list closes it; either way focus is
 * on the trigger afterwards.
 */
import {
  Text, View, computed, read, signal, timeout, useInteraction,
  type Child, type KeyEvent, type NodeHandle, type Reactive, type SemanticsProps,
} from '@planar/toolkit';
import { useTheme, type StyleValues } from './theme/index.js';
import { useControllable } from './internal/controllable.js';
import { reportProblems } from './progress-bar-range.js';
import { uniqueByValue } from './internal/unique-values.js';
import { Icon } from './icon.js';
import { SelectPopup } from './select-popup.js';
import type { SelectOption, SelectState } from './select-types.js';

export type { SelectOption, SelectState };

export interface SelectProps<T> {
  options: Reactive<readonly SelectOption<T>[]>;
  /** The chosen value. A writable signal is written directly (two-way); any other value makes the select controlled. */
  value?: Reactive<T | undefined>;
  defaultValue?: T;
  onChange?: (value: T) => void;
  /** Called when the list opens or closes. */
  onOpenChange?: (open: boolean) => void;
  /** The accessible name, also shown above the trigger unless `hideLabel`. */
  label?: Reactive<string | undefined>;
  hideLabel?: boolean;
  /** Shown while nothing is chosen. */
  placeholder?: Reactive<string | undefined>;
  disabled?: Reactive<boolean>;
  testId?: string;
  /** Overrides for the outer box (its width…). */
  style?: StyleValues;
}

/** How long typed letters add up to one search, ms. */
const TYPEAHEAD_MS = 700;

/**
 * The behaviour of a select, apart from its looks; `ref` is the trigger's node.
 * @example
 * const select = useSelect(props, triggerRef);
 * <View ref={triggerRef} {...select.triggerProps}>…</View>
 */
export function useSelect<T>(props: SelectProps<T>, ref: { readonly current: NodeHandle | null }): SelectState<T> {
  const state = useControllable<T | undefined>(props.value, props.defaultValue, undefined, (v) => v !== undefined && props.onChange?.(v));
  const checked = computed(() => {
    const { kept: options, problems } = uniqueByValue<T, SelectOption<T>>(read(props.options), 'options', 'option');
    const value = state.value.value;
    const selectedIndex = value === undefined ? -1 : options.findIndex((o) => Object.is(o.value, value));
    if (value !== undefined && selectedIndex < 0) {
      problems.push({ prop: 'value', value, problem: `is not one of the options (${options.map((o) => JSON.stringify(o.value)).join(', ')}); showing no choice` });
    }
    return { options, selectedIndex, problems };
  });
  reportProblems(ref, () => checked.value.problems);
  const options = computed(() => checked.value.options);
  const selectedIndex = computed(() => checked.value.selectedIndex);
  const disabled = () => read(props.disabled) === true;
  const open = signal(false);
  const active = signal(-1);

  const enabled = (i: number) => i >= 0 && i < options.peek().length && !options.peek()[i]!.disabled;
  /** The next enabled option from `from` in direction `dir`, or `from` when there is none. */
  const step = (from: number, dir: 1 | -1) => {
    for (let i = from + dir; i >= 0 && i < options.peek().length; i += dir) if (enabled(i)) return i;
    return from;
  };
  const setOpen = (next: boolean, refocus = true) => {
    if (next && disabled()) return;
    if (open.peek() === next) return;
    if (next) active.value = enabled(selectedIndex.peek()) ? selectedIndex.peek() : step(-1, 1);
    open.value = next;
    props.onOpenChange?.(next);
    if (!next && refocus) ref.current?.focus();
  };
  const pick = (index: number) => {
    if (!enabled(index)) return;
    state.set(options.peek()[index]!.value);
    setOpen(false);
  };

  let typed = '';
  let clearTyped: (() => void) | null = null;
  const typeAhead = (key: string) => {
    clearTyped?.();
    typed += key.toLowerCase();
    clearTyped = timeout(TYPEAHEAD_MS, () => (typed = ''));
    const list = options.peek();
    // A repeated single letter cycles through the options starting with it.
    const cycling = typed.length > 1 && [...typed].every((c) => c === typed[0]);
    const prefix = cycling ? typed[0]! : typed;
    const from = open.peek() ? active.peek() : selectedIndex.peek();
    for (let k = cycling || typed.length === 1 ? 1 : 0; k <= list.length; k++) {
      const i = (from + k + list.length) % list.length;
      if (enabled(i) && list[i]!.label.toLowerCase().startsWith(prefix)) {
        if (open.peek()) active.value = i;
        else state.set(list[i]!.value);
        return;
      }
    }
  };

  const onKeyDown = (e: KeyEvent) => {
    if (disabled()) return;
    const isOpen = open.peek();
    const last = options.peek().length - 1;
    switch (e.key) {
      case 'ArrowDown': case 'ArrowUp': case 'EncoderCW': case 'EncoderCCW':
        e.preventDefault();
        if (!isOpen) setOpen(true);
        else active.value = step(active.peek(), e.key === 'ArrowDown' || e.key === 'EncoderCW' ? 1 : -1);
        return;
      case 'Home': case 'End':
        if (!isOpen) return;
        e.preventDefault();
        active.value = e.key === 'Home' ? step(-1, 1) : step(last + 1, -1);
        return;
      case 'Enter': case ' ':
        // Enter also goes on to the toolkit, which enters or leaves the encoder's edit mode.
        if (e.key === ' ') e.preventDefault();
        if (isOpen) pick(active.peek());
        else setOpen(true);
        return;
      case 'Escape':
        if (isOpen) setOpen(false);
        return;
      case 'Tab':
        if (isOpen) setOpen(false, false);
        return;
      default:
        if (e.key.length === 1 && e.key !== ' ' && !e.ctrl && !e.alt && !e.meta) typeAhead(e.key);
    }
  };

  const semantics: SemanticsProps = {
    role: 'combobox',
    label: () => read(props.label),
    value: () => ({ text: options.value[selectedIndex.value]?.label ?? '' }),
    expanded: () => open.value,
    invalid: () => checked.value.problems.some((p) => p.prop === 'value'),
    actions: ['expand', 'collapse'],
    onAction: (action) => {
      if (action === 'expand') setOpen(true);
      else if (action === 'collapse') setOpen(false);
    },
  };
  return {
    options, selectedIndex, open, active, setOpen, pick,
    setActive: (index) => { if (enabled(index)) active.value = index; },
    triggerProps: {
      focusable: true, editable: true, onKeyDown, semantics,
      onPress: () => setOpen(!open.peek()),
      // Focus leaving the trigger (Tab, an encoder's turn, a tap elsewhere) closes the list.
      onBlur: () => setOpen(false, false),
    },
  };
}

/**
 * A themed select: a trigger with the chosen option and a chevron, and its list in a popup layer.
 * @example
 * const unit = signal<'c' | 'f'>('c');
 * <Select label="Temperature unit" value={unit}
 *         options={[{ value: 'c', label: 'Celsius' }, { value: 'f', label: 'Fahrenheit' }]} />
 */
export function Select<T>(props: SelectProps<T>): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const select = useSelect(props, ref);
  const { pressed, focusVisible } = useInteraction(ref);
  const c = theme.colors;
  const disabled = () => read(props.disabled) === true;
  const strong = () => select.open.value || focusVisible.value;
  const chosen = () => select.options.value[select.selectedIndex.value]?.label;
  const motion = () => ({ duration: theme.motion.duration.short4, easing: theme.motion.easing.standard });
  return (
    <View testId={props.testId} style={{ gap: () => theme.spacing.xs, minWidth: 160, opacity: () => (disabled() ? 0.38 : 1), ...props.style }}>
      {props.label !== undefined && !props.hideLabel ? (
        <Text style={{ ...theme.typography('labelMedium'), color: () => (select.open.value ? c.primary : c.onSurfaceVariant) }}>{() => read(props.label) ?? ''}</Text>
      ) : null}
      <View
        ref={ref}
        disabled={props.disabled}
        {...select.triggerProps}
        style={{
          flexDirection: 'row', alignItems: 'center', height: 48, gap: () => theme.spacing.sm,
          // The border thickens when open or focused; the padding gives the pixel back so the content stays put.
          paddingLeft: () => theme.spacing.lg - (strong() ? 1 : 0), paddingRight: () => theme.spacing.md - (strong() ? 1 : 0),
          borderRadius: () => theme.radii.xs, borderWidth: () => (strong() ? 2 : 1),
          borderColor: () => (strong() ? c.primary : c.outline),
          backgroundColor: () => (pressed.value ? c.surfaceContainerHighest : c.surfaceContainerLow),
          transition: { backgroundColor: 100 },
        }}
      >
        <Text style={{ ...theme.typography('bodyLarge'), flexGrow: 1, flexShrink: 1, maxLines: 1, color: () => (chosen() !== undefined ? c.onSurface : c.onSurfaceVariant) }}>
          {() => chosen() ?? read(props.placeholder) ?? ''}
        </Text>
        <View style={{ transform: () => [{ rotate: select.open.value ? 180 : 0 }], transition: () => ({ transform: motion() }) }}>
          <Icon name="chevron-down" size={24} color={() => (select.open.value ? 'primary' : 'onSurfaceVariant')} />
        </View>
      </View>
      <SelectPopup select={select} anchor={ref} label={props.label} />
    </View>
  );
}
