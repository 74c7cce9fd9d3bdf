/**
 * Tabs: a tab bar (`tablist` of `tab`s) and the panel of the selected tab.
 *
 * Only the selected tab's panel is mounted: switching tabs unmounts the old panel and mounts
 * the new one (keep state that must survive a switch in signals above the tabs). The panels
 * swipe: a horizontal drag slides the panel aside and brings in its neighbour, and the tab it
 * comes to rest on is selected (scroll/swipe-panels.ts); the neighbour is mounted only while
 * it shows. `useTabs`
 * holds the behaviour: the value (controlled, uncontrolled or two-way), checked items, and
 * keys. The bar is one stop in the focus order (Tab, an encoder's turn), drawn as a ring on the
 * selected tab; there the arrows, Home and End select another tab at once. The bar is
 * `editable`: an encoder's push enters edit mode, where its turns switch tabs, and a push
 * leaves it. (Focus stays on the bar rather than moving from tab to tab, so that an encoder
 * in edit mode keeps it while the selection moves.)
 */
import {
  For, Text, View, computed, read, useInteraction,
  type Child, type KeyEvent, type NodeHandle, type Reactive, type ReadonlySignal,
} from '@planar/toolkit';
import { useTheme, type StyleValues } from './theme/index.js';
import { useControllable } from './internal/controllable.js';
import { reportProblems } from './progress-bar-range.js';
import { uniqueByValue } from './internal/unique-values.js';
import { Icon } from './icon.js';
import type { IconName } from './icons.js';
import { SwipePanels } from './scroll/swipe-panels.js';

export interface TabItem<T> {
  value: T;
  /** The tab's text and name. */
  label: string;
  /** An icon above the label. */
  icon?: IconName;
  disabled?: boolean;
  /** The panel, mounted while this tab is selected. */
  panel: () => Child;
}

export interface TabsProps<T> {
  items: Reactive<readonly TabItem<T>[]>;
  /** The selected tab's value. A writable signal is written directly (two-way); any other value makes the tabs controlled. */
  value?: Reactive<T | undefined>;
  /** The tab selected at first when `value` is not given (default the first enabled tab). */
  defaultValue?: T;
  onChange?: (value: T) => void;
  /** The accessible name of the tab bar. */
  label?: Reactive<string | undefined>;
  disabled?: Reactive<boolean>;
  testId?: string;
  /** Overrides for the outer box (its size…). */
  style?: StyleValues;
}

export interface TabsState<T> {
  /** The items, without duplicates of an earlier value. */
  items: ReadonlySignal<readonly TabItem<T>[]>;
  /** The index of the tab shown (a valid, enabled one whenever there is one), or -1. */
  selectedIndex: ReadonlySignal<number>;
  /** Selects tab `index` if it is enabled. */
  select(index: number): void;
  /** Props for the tab bar: one focus stop, keys, semantics. */
  barProps: { focusable: () => boolean; editable: true; onKeyDown: (e: KeyEvent) => void };
}

/**
 * The behaviour of tabs, apart from their looks; `ref` is the tab bar's node (for reports).
 * @example const tabs = useTabs(props, barRef);   // tabs.selectedIndex.value, tabs.select(2)
 */
export function useTabs<T>(props: TabsProps<T>, ref: { readonly current: NodeHandle | null }): TabsState<T> {
  const state = useControllable<T | undefined>(props.value, props.defaultValue, undefined, (v) => v !== undefined && props.onChange?.(v));
  const checked = computed(() => {
    const { kept: items, problems } = uniqueByValue<T, TabItem<T>>(read(props.items), 'items', 'tab');
    const firstEnabled = items.findIndex((i) => !i.disabled);
    const value = state.value.value;
    let selectedIndex = value === undefined ? firstEnabled : items.findIndex((i) => Object.is(i.value, value));
    if (value !== undefined && selectedIndex < 0) {
      problems.push({ prop: 'value', value, problem: `is not one of the tabs (${items.map((i) => JSON.stringify(i.value)).join(', ')}); showing the first tab` });
      selectedIndex = firstEnabled;
    }
    return { items, selectedIndex, problems };
  });
  reportProblems(ref, () => checked.value.problems);
  const items = computed(() => checked.value.items);
  const selectedIndex = computed(() => checked.value.selectedIndex);
  const disabled = () => read(props.disabled) === true;

  const enabled = (i: number) => i >= 0 && i < items.peek().length && !items.peek()[i]!.disabled;
  const select = (index: number) => {
    if (disabled() || !enabled(index)) return;
    state.set(items.peek()[index]!.value);
  };
  /** The next enabled tab from `from` going `dir`, wrapping round; `from` if none. */
  const next = (from: number, dir: 1 | -1) => {
    const n = items.peek().length;
    for (let k = 1; k < n; k++) {
      const i = (((from + dir * k) % n) + n) % n;
      if (enabled(i)) return i;
    }
    return from;
  };
  const onTabKeyDown = (e: KeyEvent) => {
    const at = selectedIndex.peek();
    let to: number | null = null;
    if (e.key === 'ArrowRight' || e.key === 'EncoderCW') to = next(at, 1);
    else if (e.key === 'ArrowLeft' || e.key === 'EncoderCCW') to = next(at, -1);
    else if (e.key === 'Home') to = next(-1 + items.peek().length, 1);
    else if (e.key === 'End') to = next(0, -1);
    if (to === null) return;
    e.preventDefault();
    select(to);
  };
  return {
    items, selectedIndex, select,
    barProps: { focusable: () => !disabled(), editable: true, onKeyDown: onTabKeyDown },
  };
}

/**
 * A tab bar with the selected tab's panel under it.
 * @example
 * <Tabs label="Settings" defaultValue="display" items={[
 *   { value: 'display', label: 'Display', icon: 'brightness', panel: () => <DisplaySettings /> },
 *   { value: 'network', label: 'Network', icon: 'wifi', panel: () => <NetworkSettings /> },
 * ]} />
 */
export function Tabs<T>(props: TabsProps<T>): Child {
  const theme = useTheme();
  const barRef = { current: null as NodeHandle | null };
  const tabs = useTabs(props, barRef);
  const selected = computed(() => tabs.items.value[tabs.selectedIndex.value]);
  const { focusVisible } = useInteraction(barRef);
  return (
    <View testId={props.testId} disabled={props.disabled} style={{ opacity: () => (read(props.disabled) === true ? 0.38 : 1), ...props.style }}>
      <View
        ref={barRef}
        {...tabs.barProps}
        semantics={{ role: 'tablist', label: () => read(props.label) }}
        style={{
          flexDirection: 'row', borderBottomWidth: 1,
          borderColor: () => theme.colors.outlineVariant, backgroundColor: () => theme.colors.surface,
        }}
      >
        <For each={tabs.items}>{(item, index) => <Tab tabs={tabs} item={item} index={index} ring={focusVisible} />}</For>
      </View>
      <View semantics={{ role: 'tabpanel', label: () => selected.value?.label }} style={{ flexGrow: 1 }}>
        <SwipePanels
          count={() => tabs.items.value.length}
          selected={tabs.selectedIndex}
          selectable={(i) => !tabs.items.peek()[i]?.disabled}
          select={tabs.select}
          disabled={() => read(props.disabled) === true}
          panel={(i) => tabs.items.peek()[i]?.panel() ?? null}
        />
      </View>
    </View>
  );
}

function Tab<T>(props: { tabs: TabsState<T>; item: TabItem<T>; index: ReadonlySignal<number>; ring: ReadonlySignal<boolean> }): Child {
  const theme = useTheme();
  const c = theme.colors;
  const ref = { current: null as NodeHandle | null };
  const { pressed } = useInteraction(ref);
  const { tabs, item, index } = props;
  const selected = computed(() => tabs.selectedIndex.value === index.value);
  const color = () => (selected.value ? c.primary : c.onSurfaceVariant);
  return (
    <View
      ref={ref}
      disabled={item.disabled === true}
      onPress={() => tabs.select(index.peek())}
      semantics={{ role: 'tab', label: item.label, selected }}
      style={{
        flexGrow: 1, flexBasis: 0, minHeight: item.icon ? 64 : 48, alignItems: 'center', justifyContent: 'center',
        gap: () => theme.spacing.xxs, paddingHorizontal: () => theme.spacing.lg,
        opacity: item.disabled ? 0.38 : 1,
        backgroundColor: () => (pressed.value ? c.surfaceContainerHighest : 'transparent'),
        borderWidth: 2, borderColor: () => (props.ring.value && selected.value ? c.primary : 'transparent'), borderRadius: () => theme.radii.xs,
        transition: { backgroundColor: 100 },
      }}
    >
      {item.icon ? <Icon name={item.icon} size={24} color={() => (selected.value ? 'primary' : 'onSurfaceVariant')} /> : null}
      <Text style={{ ...theme.typography('titleSmall'), color, maxLines: 1 }}>{item.label}</Text>
      <View style={{
        position: 'absolute', left: 12, right: 12, bottom: -1, height: 3,
        borderTopLeftRadius: 3, borderTopRightRadius: 3, backgroundColor: () => c.primary,
        opacity: () => (selected.value ? 1 : 0), transition: () => ({ opacity: theme.motion.duration.short4 }),
      }} />
    </View>
  );
}
