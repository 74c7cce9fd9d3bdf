/**
 * A full screen over the dashboard that slides in from the right and back out: a title row
 * (Back and the title) that stays put, and the screen's body below it. The settings and the
 * history are such screens.
 *
 * The slide is a `transition` on the layer's transform, which the compositor applies as the
 * layer's placement, so neither the screen nor the dashboard repaints while it moves. Focus
 * stays inside while it is open (Tab, arrows, Enter, an encoder), Escape goes back like Back,
 * and focus returns to the button that opened it when it closes.
 */
import {
  FocusScope, Layer, View, effect, onCleanup, onMount, reducedMotion, signal, timeout, untracked, useI18n, useViewport,
  type Child, type KeyEvent,
} from '@planar/toolkit';
import { Button, Divider, Heading, useTheme } from '@planar/widgets';

export interface SlideInScreenProps {
  /** The layer's test id; the Back button's is `<testId>-back`. */
  testId: string;
  title: string | (() => string);
  /** Whether the screen is in place; turning false slides it out, after which `onClosed` runs. */
  shown: () => boolean;
  /** Back was pressed (or Escape): the app starts the slide out. */
  onBack: () => void;
  onClosed: () => void;
  /** Whether Escape goes back now (default: always); false while the screen's own dialog is open. */
  escapes?: () => boolean;
  /** The body, under the title row: give it `flexGrow: 1` to fill the rest of the screen. */
  children: Child;
  /** Over the screen and outside its focus trap: its dialogs. */
  overlays?: Child;
}

/**
 * @example
 * <SlideInScreen testId="history" title="History" shown={() => open.value} onBack={close} onClosed={unmount}>
 *   <VirtualList … style={{ flexGrow: 1 }} />
 * </SlideInScreen>
 */
export function SlideInScreen(props: SlideInScreenProps): Child {
  const theme = useTheme();
  const { t } = useI18n();
  const viewport = useViewport();
  // Mounted off to the right; asking for 0 once mounted is what the transition animates.
  const inPlace = signal(false);
  onMount(() => {
    inPlace.value = true;
  });
  const placed = () => inPlace.value && props.shown();
  // Unmounted once it has slid out.
  onCleanup(effect(() => {
    if (props.shown()) return;
    untracked(() => {
      if (reducedMotion()) props.onClosed();
      else timeout(theme.motion.duration.medium2, props.onClosed);
    });
  }));
  const onKeyDown = (e: KeyEvent) => {
    if (e.key !== 'Escape' || (props.escapes && !props.escapes())) return;
    e.preventDefault();
    props.onBack();
  };

  return (
    <Layer
      testId={props.testId}
      semantics={{ hidden: () => !props.shown() }}
      disabled={() => !props.shown()}
      style={() => ({
        width: viewport.value.width,
        height: viewport.value.height,
        backgroundColor: theme.colors.surface,
        transform: { translateX: placed() ? 0 : viewport.value.width },
        transition: { transform: { duration: theme.motion.duration.medium2, easing: theme.motion.easing.emphasized } },
      })}
    >
      <FocusScope trapped autoFocus onKeyDown={onKeyDown} style={{ flexGrow: 1 }}>
        <View style={{ paddingTop: () => theme.spacing.lg, paddingHorizontal: () => theme.spacing.lg, gap: () => theme.spacing.sm }}>
          <View style={{ flexDirection: 'row', alignItems: 'center', gap: () => theme.spacing.sm }}>
            <Button testId={`${props.testId}-back`} label={() => t('common.back')} variant="icon" icon="back" onPress={props.onBack} />
            <Heading level={1}>{props.title}</Heading>
          </View>
          <Divider />
        </View>
        {props.children}
      </FocusScope>
      {props.overlays ?? null}
    </Layer>
  );
}
