/**
 * Dialog: a modal window with a title, content and a row of actions, drawn in an overlay layer
 * above the app (scrim, focus trapped inside, Escape and a tap outside dismiss it, focus back
 * to where it was after it closes).
 *
 * Behaviour lives in `useDialog` (open state, controlled or not, the semantics); `Dialog` is
 * its themed look. `open` follows the widgets' naming table: a writable signal is written
 * directly (two-way), any other value makes the dialog controlled through `onOpenChange`, and
 * without it the dialog keeps its own state from `defaultOpen`.
 */
import {
  Show, Text, View, createContext, onMount, read, reportPropError, useContext,
  type Child, type NodeHandle, type Reactive, type ReadonlySignal, type SemanticsProps,
} from '@planar/toolkit';
import { useControllable } from './internal/controllable.js';
import { useTheme, type StyleValues } from './theme/index.js';
import { Overlay } from './overlay-layer.js';
import { Button } from './button.js';

export interface DialogProps {
  /** Whether it is open: a value or getter (controlled), or a writable signal (written directly). */
  open?: Reactive<boolean>;
  /** The initial state when `open` is not given (default false). */
  defaultOpen?: boolean;
  /** The dialog asks to open or close (an action, Escape, a tap outside). */
  onOpenChange?: (open: boolean) => void;
  /** The title, which also names the dialog for assistive technology. */
  title: Reactive<string>;
  /** `dialog` (default), or `alertdialog` for an urgent question that needs an answer. */
  role?: 'dialog' | 'alertdialog';
  /** Whether Escape and a tap on the scrim close it (default true). */
  dismissible?: Reactive<boolean>;
  /** The buttons, laid out in a row at the bottom right (e.g. `DialogAction`s). */
  actions?: Child;
  /** A paragraph under the title, in the theme's body style; it also describes the dialog. */
  message?: Reactive<string | undefined>;
  testId?: string;
  /** Receives the handle of the dialog's panel while it is shown. */
  ref?: { current: NodeHandle | null };
  /** After the exit fade, when the dialog has unmounted and focus is back where it was. */
  onClosed?: () => void;
  /** Overrides for the dialog's panel. */
  style?: StyleValues;
  /** More content between the message and the actions. */
  children?: Child;
}

export interface DialogState {
  readonly open: ReadonlySignal<boolean>;
  setOpen(open: boolean): void;
  /** The semantics of the dialog's panel, named by the title node behind `titleRef`. */
  semantics(titleRef: { current: NodeHandle | null }): SemanticsProps;
}

/**
 * The behaviour of a dialog: its open state and semantics.
 * @example const dialog = useDialog(props); dialog.setOpen(false);
 */
export function useDialog(props: Pick<DialogProps, 'open' | 'defaultOpen' | 'onOpenChange' | 'role' | 'message'>): DialogState {
  const open = useControllable(props.open, props.defaultOpen, false, props.onOpenChange);
  return {
    open: open.value,
    setOpen: (next) => open.set(next),
    semantics: (titleRef) => ({
      role: props.role ?? 'dialog',
      labelledBy: () => titleRef.current ?? undefined,
      description: () => (props.message === undefined ? undefined : read(props.message)),
      actions: ['dismiss'],
      onAction: (action) => {
        if (action === 'dismiss') open.set(false);
      },
    }),
  };
}

const DialogContext = createContext<DialogState | null>(null, 'Dialog');

/**
 * A modal dialog. It needs an `<OverlayHost>` at the app's root.
 * @example
 * const confirming = signal(false);
 * <Dialog open={confirming} title="Restart panel?" message="The screen goes dark for about 20 seconds."
 *   actions={<>
 *     <DialogAction label="Cancel" />
 *     <DialogAction label="Restart" look="filled" onPress={restart} />
 *   </>} />
 */
export function Dialog(props: DialogProps): Child {
  const theme = useTheme();
  const dialog = useDialog(props);
  const panel = props.ref ?? { current: null as NodeHandle | null };
  const title = { current: null as NodeHandle | null };
  const titleText = () => {
    const t = read(props.title);
    return typeof t === 'string' && t.trim() ? t : 'Dialog';
  };
  const checkTitle = () => {
    const t = read(props.title);
    if (panel.current && (typeof t !== 'string' || !t.trim())) {
      reportPropError(panel.current, 'title', t, 'Dialog needs a non-empty title string: it is shown and names the dialog; showing "Dialog"');
    }
  };
  const Panel = (): Child => {
    onMount(checkTitle);
    return DialogContext.Provider({
      value: dialog,
      children: (
        <View
          ref={panel}
          testId={props.testId}
          semantics={dialog.semantics(title)}
          style={{
            minWidth: 280, maxWidth: 560, padding: () => theme.spacing.xl, gap: () => theme.spacing.lg,
            borderRadius: () => theme.radii.xl, backgroundColor: () => theme.colors.surfaceContainerHigh,
            shadow: () => theme.elevation.level3,
            ...props.style,
          }}
        >
          <Text ref={title} style={{ ...theme.typography('headlineSmall'), color: () => theme.colors.onSurface }}>{titleText}</Text>
          <Show when={() => props.message !== undefined && !!read(props.message)}>
            <Text style={{ ...theme.typography('bodyMedium'), color: () => theme.colors.onSurfaceVariant }}>{() => read(props.message) ?? ''}</Text>
          </Show>
          <Show when={props.children !== undefined}>
            <View style={{ gap: () => theme.spacing.sm }}>{props.children}</View>
          </Show>
          <Show when={props.actions !== undefined}>
            <View style={{ flexDirection: 'row', justifyContent: 'flex-end', flexWrap: 'wrap', gap: () => theme.spacing.sm }}>
              {props.actions}
            </View>
          </Show>
        </View>
      ),
    });
  };
  return (
    <Overlay open={dialog.open} dismissible={props.dismissible} onDismiss={() => dialog.setOpen(false)} onClosed={props.onClosed}>
      <Panel />
    </Overlay>
  );
}

export interface DialogActionProps {
  label: string;
  /** Runs before the dialog closes. */
  onPress?: () => void;
  /** `filled` for the action the dialog leads to; `text` (default) for the others. */
  look?: 'text' | 'filled';
  /** Whether pressing it closes the dialog it is in (default true). */
  closes?: boolean;
  /** A disabled action is shown dimmed, skipped by focus and never pressed. */
  disabled?: Reactive<boolean | undefined>;
  testId?: string;
}

/**
 * A button in a dialog's actions row; by default it also closes the dialog.
 * @example <DialogAction label="Save" look="filled" onPress={save} />
 */
export function DialogAction(props: DialogActionProps): Child {
  const dialog = useContext(DialogContext);
  const press = () => {
    props.onPress?.();
    if (props.closes !== false) dialog?.setOpen(false);
  };
  return <Button label={props.label} variant={props.look === 'filled' ? 'filled' : 'text'} disabled={props.disabled} testId={props.testId} onPress={press} />;
}
