/**
 * MessageBox: a question with a few answers, asked with one call that resolves with the answer.
 *
 * `messageBox(options)` mounts an alert dialog (role `alertdialog`, named by its title and
 * described by its message) at the `<OverlayHost>`, with one button per answer. The promise
 * resolves with the label of the button pressed, or with `cancelButton` (null when there is
 * none) when the box is dismissed by Escape or a tap on the scrim; it resolves as the box
 * starts closing, and the box unmounts after its exit fade.
 */
import { For, onMount, reportPropError, signal, type Child, type NodeHandle } from '@planar/toolkit';
import { useOverlays } from './overlay.js';
import { Dialog, DialogAction } from './dialog.js';

export interface MessageBoxOptions {
  title: string;
  message?: string;
  /** The answers, in the order shown (default `['OK']`); labels must be distinct. */
  buttons?: readonly string[];
  /** The answer shown filled, as the one the box leads to (default the last of several). */
  primaryButton?: string;
  /** What a dismissal (Escape, a tap outside) answers; without it, null. */
  cancelButton?: string;
  /** Whether Escape and a tap outside dismiss the box (default true). */
  dismissible?: boolean;
  testId?: string;
}

/** Asks a question in a message box; resolves with the pressed button's label (see the file comment). */
export type MessageBoxFunction = (options: MessageBoxOptions) => Promise<string | null>;

/**
 * The `messageBox` function of the `<OverlayHost>` above (call it in a component, use it anywhere).
 * @example
 * const messageBox = useMessageBox();
 * const restart = async () => {
 *   const choice = await messageBox({ title: 'Restart panel?', message: 'It takes about 20 seconds.', buttons: ['Cancel', 'Restart'], cancelButton: 'Cancel' });
 *   if (choice === 'Restart') await reboot();
 * };
 */
export function useMessageBox(): MessageBoxFunction {
  const overlays = useOverlays('useMessageBox()');
  return (options) => new Promise<string | null>((resolve) => {
    const unmount = overlays.mount(() => <MessageBox options={options} onAnswer={resolve} onClosed={() => unmount()} />);
  });
}

/** The buttons to show, and what was wrong with the ones given. */
function checkButtons(buttons: readonly string[] | undefined): { labels: string[]; problem: string | null } {
  if (buttons === undefined) return { labels: ['OK'], problem: null };
  const labels = [...new Set(buttons.filter((b) => typeof b === 'string' && b.trim() !== ''))];
  if (!labels.length) return { labels: ['OK'], problem: 'must list at least one non-empty label; showing ["OK"]' };
  if (labels.length !== buttons.length) return { labels, problem: `must be distinct non-empty labels; showing ${JSON.stringify(labels)}` };
  return { labels, problem: null };
}

function MessageBox(props: { options: MessageBoxOptions; onAnswer: (answer: string | null) => void; onClosed: () => void }): Child {
  const o = props.options;
  const open = signal(true);
  const panel = { current: null as NodeHandle | null };
  const { labels, problem } = checkButtons(o.buttons);
  const primary = o.primaryButton ?? (labels.length > 1 ? labels[labels.length - 1] : undefined);
  let answered = false;
  const answer = (choice: string | null) => {
    if (answered) return;
    answered = true;
    open.value = false;
    props.onAnswer(choice);
  };
  onMount(() => {
    if (!panel.current) return;
    if (problem) reportPropError(panel.current, 'messageBox.buttons', o.buttons, problem);
    if (o.cancelButton !== undefined && !labels.includes(o.cancelButton)) {
      reportPropError(panel.current, 'messageBox.cancelButton', o.cancelButton, `must be one of the buttons ${JSON.stringify(labels)}; a dismissal answers null`);
    }
  });
  const cancel = o.cancelButton !== undefined && labels.includes(o.cancelButton) ? o.cancelButton : null;
  return (
    <Dialog
      ref={panel}
      open={open}
      onOpenChange={(next) => !next && answer(cancel)}
      onClosed={props.onClosed}
      role="alertdialog"
      title={o.title}
      message={o.message}
      dismissible={o.dismissible}
      testId={o.testId}
      actions={<For each={labels}>{(label) => (
        <DialogAction label={label} look={label === primary ? 'filled' : 'text'} closes={false} onPress={() => answer(label)} />
      )}</For>}
    />
  );
}
