/**
 * Roller: a picker wheel (LVGL's lv_roller) — a column of options seen through a few rows,
 * the middle row a themed band holding the chosen option.
 *
 * Drags and flings come from the same input binding as a ScrollView's (scroll-input.ts) and
 * always come to rest exactly on a row (the scroller snaps every row); the option in the band
 * then becomes the value. A tap on a row above or below the band turns the roller to it. With
 * focus, arrows and an encoder's turns (in edit mode: push to edit, push to leave) step one
 * option, PageUp / PageDown five, Home / End go to the ends; the wheel steps one per notch.
 * `infinite` wraps round: after the last option comes the first.
 *
 * It is drawn as two scroll layers moved by the same offset (roller-column.tsx): the rows, and
 * over the band a one-row viewport onto the same rows drawn selected; turning it repaints
 * nothing but rows that come into view. It is a `spinbutton` to assistive technologies, its
 * value the chosen option's text.
 */
import { View, computed, read, useGestures, useInteraction, type Child, type NodeHandle, type WheelEvent } from '@planar/toolkit';
import { useTheme } from '../theme/index.js';
import { useScrollInput } from '../scroll/scroll-input.js';
import { RollerColumn } from './roller-column.js';
import { bandTop, shownOffset } from './roller-geometry.js';
import { useRoller, type RollerProps } from './use-roller.js';

/** The focus ring's width, always there (transparent without focus) so the rows never move. */
const BORDER = 2;

/**
 * A themed roller.
 * @example
 * const hour = signal(7);
 * <Roller label="Wake up at" options={HOURS} value={hour} infinite visibleRows={5} />
 */
export function Roller(props: RollerProps): Child {
  const theme = useTheme();
  const c = theme.colors;
  const ref = { current: null as NodeHandle | null };
  const roller = useRoller(props, ref);
  const { scroller, geometry } = roller;
  const { focusVisible, editing } = useInteraction(ref);
  const row = () => geometry.value.rowHeight;
  const height = () => geometry.value.visibleRows * row();
  const shown = computed(() => shownOffset(scroller.y.value, geometry.value));
  const bandShown = computed(() => shown.value + bandTop(geometry.value));

  const layerInput = (layer: { current: NodeHandle | null }) => {
    const input = useScrollInput(layer, scroller, { axis: 'y', outer: null, disabled: roller.disabled });
    return {
      onPointerDownCapture: input.onPointerDownCapture, onPointerUp: input.onPointerUp, onPointerCancel: input.onPointerCancel,
      // The wheel steps a whole option per notch: a roller never rests between rows.
      onWheel: (e: WheelEvent) => {
        e.stopPropagation();
        roller.step(Math.sign(e.deltaY));
      },
    };
  };
  const rowsRef = { current: null as NodeHandle | null }, bandRef = { current: null as NodeHandle | null };
  // A tap turns the row tapped into the band.
  useGestures(ref, {
    onTap: (e) => roller.step(Math.round((e.y - BORDER - bandTop(geometry.peek()) - row() / 2) / row())),
  });

  return (
    <View ref={ref} testId={props.testId} disabled={props.disabled} {...roller.rootProps} style={{
      alignSelf: 'flex-start', minWidth: 120, height: () => height() + 2 * BORDER, borderWidth: BORDER, borderRadius: () => theme.radii.md, overflow: 'hidden',
      borderColor: () => (focusVisible.value || editing.value ? c.primary : 'transparent'),
      backgroundColor: () => c.surfaceContainerLow,
      opacity: () => (props.disabled !== undefined && read(props.disabled) ? 0.38 : 1),
      ...props.style,
    }}>
      <RollerColumn geometry={geometry} options={roller.options} offset={shown} length={height} selected={false}
        input={layerInput(rowsRef)} layerRef={rowsRef} style={{ height }} />
      <RollerColumn geometry={geometry} options={roller.options} offset={bandShown} length={row} selected
        input={layerInput(bandRef)} layerRef={bandRef} style={{ position: 'absolute', top: () => bandTop(geometry.value), left: 0, right: 0, height: row }} />
    </View>
  );
}
