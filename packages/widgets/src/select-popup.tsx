/**
 * A select's open list: a layer over the whole output (a tap on its empty part closes the
 * list) holding the `listbox` under the trigger, or above it when there is no room below
 * (internal/popup.ts). A list taller than the room scrolls: by dragging it, and by itself to
 * keep the highlighted option in view. Presses in the layer leave focus on the trigger.
 */
import {
  For, Portal, Show, Text, View, computed, effect, onCleanup, read, signal, untracked, useGestures, useInteraction, useViewport,
  type Child, type NodeHandle, type Reactive, type ReadonlySignal,
} from '@planar/toolkit';
import { useTheme } from './theme/index.js';
import { Icon } from './icon.js';
import { logicalBox, placePopup } from './internal/popup.js';
import type { SelectOption, SelectState } from './select-types.js';

/** An option's height and the list's padding above and below, logical px. */
export const OPTION_HEIGHT = 48;
const LIST_PADDING = 8;
/** Options shown at most before the list scrolls. */
const MAX_VISIBLE = 6;

interface PopupProps<T> {
  select: SelectState<T>;
  anchor: { readonly current: NodeHandle | null };
  label?: Reactive<string | undefined>;
}

/** The list while the select is open (nothing while it is closed). */
export function SelectPopup<T>(props: PopupProps<T>): Child {
  return <Show when={props.select.open}><PopupList {...props} /></Show>;
}

function PopupList<T>(props: PopupProps<T>): Child {
  const theme = useTheme();
  const viewport = useViewport();
  const { select } = props;
  const handle = props.anchor.current;
  if (!handle) return null;
  const opened = viewport.peek();
  // A turned or resized output moves the trigger: close rather than float in the wrong place.
  onCleanup(effect(() => {
    if (viewport.value !== opened) untracked(() => select.setOpen(false, false));
  }));

  const anchor = logicalBox(handle.box(), opened);
  const contentHeight = select.options.peek().length * OPTION_HEIGHT + 2 * LIST_PADDING;
  const wanted = Math.min(contentHeight, MAX_VISIBLE * OPTION_HEIGHT + 2 * LIST_PADDING);
  const place = placePopup(anchor, { width: anchor.width, height: wanted }, opened);
  const maxOffset = Math.max(0, contentHeight - place.height);
  const offset = signal(0);
  const scrollTo = (y: number) => (offset.value = Math.min(maxOffset, Math.max(0, y)));
  onCleanup(effect(() => {
    const i = select.active.value;
    if (i < 0) return;
    const top = LIST_PADDING + i * OPTION_HEIGHT;
    const now = untracked(() => offset.value);
    if (top - LIST_PADDING < now) scrollTo(top - LIST_PADDING);
    else if (top + OPTION_HEIGHT + LIST_PADDING > now + place.height) scrollTo(top + OPTION_HEIGHT + LIST_PADDING - place.height);
  }));
  const listRef = { current: null as NodeHandle | null };
  useGestures(listRef, { onPan: { axis: 'y', update: (e) => scrollTo(offset.peek() - e.dy) } });

  return (
    <Portal zIndex={1000} position={{ x: 0, y: 0 }} style={{ width: opened.width, height: opened.height }}>
      <View
        style={{ position: 'absolute', left: 0, top: 0, width: opened.width, height: opened.height }}
        preventFocusOnPress
        onPress={() => select.setOpen(false)}
      />
      <View
        ref={listRef}
        semantics={{ role: 'listbox', label: () => (props.label !== undefined ? read(props.label) : undefined) }}
        style={{
          position: 'absolute', left: place.x, top: place.y, width: anchor.width, height: place.height, overflow: 'hidden',
          borderRadius: () => theme.radii.xs, backgroundColor: () => theme.colors.surfaceContainer, shadow: () => theme.elevation.level2,
        }}
      >
        <View style={{ paddingVertical: LIST_PADDING, transform: () => ({ translateY: -offset.value }) }}>
          <For each={select.options}>{(option, index) => <OptionRow select={select} option={option} index={index} />}</For>
        </View>
      </View>
    </Portal>
  );
}

function OptionRow<T>(props: { select: SelectState<T>; option: SelectOption<T>; index: ReadonlySignal<number> }): Child {
  const theme = useTheme();
  const c = theme.colors;
  const ref = { current: null as NodeHandle | null };
  const { pressed } = useInteraction(ref);
  const { select, option, index } = props;
  const selected = computed(() => select.selectedIndex.value === index.value);
  const active = computed(() => select.active.value === index.value);
  return (
    <View
      ref={ref}
      preventFocusOnPress
      disabled={option.disabled === true}
      onPress={() => select.pick(index.peek())}
      onPointerEnter={() => { if (!option.disabled) select.setActive(index.peek()); }}
      semantics={{ role: 'option', selected, disabled: option.disabled === true }}
      style={{
        height: OPTION_HEIGHT, flexDirection: 'row', alignItems: 'center', gap: () => theme.spacing.md,
        paddingHorizontal: () => theme.spacing.lg, opacity: option.disabled ? 0.38 : 1,
        backgroundColor: () => (pressed.value ? c.surfaceContainerHighest : selected.value ? c.secondaryContainer : active.value ? c.surfaceContainerHighest : 'transparent'),
      }}
    >
      <Text style={{ ...theme.typography('bodyLarge'), flexGrow: 1, flexShrink: 1, maxLines: 1, color: () => (selected.value ? c.onSecondaryContainer : c.onSurface) }}>{option.label}</Text>
      <Show when={selected}><Icon name="check" size={20} color="onSecondaryContainer" /></Show>
    </View>
  );
}
