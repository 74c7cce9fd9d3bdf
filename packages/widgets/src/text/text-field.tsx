/**
 * TextField: one line of editable text in an outlined box, with a label, a placeholder, a
 * helper or error line, and for passwords dots and an eye button that shows the text.
 *
 * The line never wraps: its <Text> is laid out in a very wide box, so its geometry is right as
 * soon as the text changes (a box as wide as the text would be one layout behind); an edit
 * repaints a strip one line tall across the layer, clipped to it. That box
 * slides along the line inside the field's clipped box: after each edit or move, the field
 * scrolls the least that keeps the caret inside the visible part, and never further than
 * the text's end.
 */
import {
  Text, View, computed, read, signal, useDirection, useViewport,
  type Child, type NodeHandle, type Reactive,
} from '@planar/toolkit';
import { useTheme, type StyleValues } from '../theme/index.js';
import { usePropReporter } from '../internal/prop-report.js';
import { FieldFrame, outlineInset, useFieldBoxStyle } from './field-frame.js';
import { REVEAL_TOGGLE_SIZE, RevealToggle } from './reveal-toggle.js';
import { CARET_WIDTH, TextSurface } from './text-surface.js';
import { useTextPointer } from './text-pointer.js';
import { useTextEditing, type TextEditingProps } from './use-text-editing.js';

export interface TextFieldProps extends TextEditingProps {
  /** Hides the text behind dots (•), with an eye button that shows it; copy and cut are refused. */
  password?: boolean;
  /** The eye button's accessible name (default 'Show password'). */
  revealLabel?: Reactive<string | undefined>;
  /** Overrides for the outer box (its width…). */
  style?: StyleValues;
}

/** The width the line is laid out in, logical px: longer than any line a field holds. */
const LINE_WIDTH = 100_000;

/**
 * A themed single-line text field.
 * @example
 * const ssid = signal('');
 * <TextField label="Network name" value={ssid} placeholder="e.g. home" onSubmit={connect} />
 * <TextField label="Wi-Fi password" password enterKeyHint="go" onSubmit={join} />
 * <TextField label="PIN" inputMode="pin" maxLength={4} pattern={/\d{4}/} errorMessage="Four digits" />
 */
export function TextField(props: TextFieldProps): Child {
  const theme = useTheme();
  const boxRef = { current: null as NodeHandle | null };
  const clipRef = { current: null as NodeHandle | null };
  const surfaceRef = { current: null as NodeHandle | null };
  const textRef = { current: null as NodeHandle | null };
  const report = usePropReporter(boxRef);
  const viewport = useViewport();
  const direction = useDirection();
  const revealed = signal(false);
  const scroll = signal(0);
  const pad = () => theme.spacing.lg;

  /** The clipped box's width in logical px (0 before layout). */
  const clipWidth = () => {
    const box = clipRef.current?.box();
    if (!box) return 0;
    const { scale, rotation } = viewport.peek();
    return (rotation === 90 || rotation === 270 ? box.height : box.width) / scale;
  };
  const reveal = () => {
    const g = editing.geometry(), shown = editing.shown.peek();
    if (!g || g.text !== shown.text) return;
    const rtl = direction.peek() === 'rtl';
    const fromStart = (x: number) => (rtl ? LINE_WIDTH - x : x);
    const caret = fromStart(g.caretRect(shown.caret).x);
    const end = Math.max(fromStart(g.caretRect(0).x), fromStart(g.caretRect(shown.text.length).x));
    const visible = Math.max(0, clipWidth() - 2 * pad() - CARET_WIDTH);
    let s = scroll.peek();
    if (caret - s > visible) s = caret - visible;
    if (caret < s) s = caret;
    scroll.value = Math.max(0, Math.min(s, end - visible));
  };
  const editing = useTextEditing(props, {
    multiline: false, boxRef, textRef, report, reveal,
    secure: () => props.password === true && !revealed.value,
  });
  const offsetAt = (x: number, _y: number) => {
    const g = editing.geometry(), shown = editing.shown.peek();
    if (!g || g.text !== shown.text) return null;
    const line = g.caretRect(0);
    return shown.toModel(g.positionAt(x, line.y + line.height / 2).index);
  };
  useTextPointer(surfaceRef, editing, offsetAt);

  const boxStyle = useFieldBoxStyle(editing.states, () => ({ height: 48, paddingVertical: 0 }));
  // The clipped box covers the box inside its border, whatever the border's width.
  const inset = () => outlineInset(editing.states);
  const empty = computed(() => editing.shown.value.text === '');
  const type = theme.typography('bodyLarge');
  return (
    <FieldFrame label={props.label} hideLabel={props.hideLabel} helperText={props.helperText} errorMessage={props.errorMessage}
      states={editing.states} testId={props.testId} style={props.style}>
      <View ref={boxRef} {...editing.boxProps} style={boxStyle}>
        <View ref={clipRef} style={() => ({
          position: 'absolute', overflow: 'hidden', justifyContent: 'center',
          top: -inset(), bottom: -inset(), start: -inset(), end: props.password ? REVEAL_TOGGLE_SIZE : -inset(),
        })}>
          <Text semantics={{ hidden: true }} style={{
            ...type, position: 'absolute', start: pad, end: pad, maxLines: 1,
            color: () => theme.colors.onSurfaceVariant, display: () => (empty.value ? 'flex' : 'none'),
          }}>{() => read(props.placeholder) ?? ''}</Text>
          <View ref={surfaceRef} style={() => ({
            position: 'absolute', top: 0, bottom: 0, width: LINE_WIDTH, start: pad() - scroll.value, justifyContent: 'center',
          })}>
            <TextSurface editing={editing} textRef={textRef} offsetAt={offsetAt}
              textStyle={{ ...type, width: LINE_WIDTH, textAlign: 'start' }} />
          </View>
        </View>
        {props.password ? <RevealToggle revealed={revealed} onToggle={() => { revealed.value = !revealed.peek(); editing.changed(); }} label={props.revealLabel} disabled={() => read(props.disabled) === true} /> : null}
      </View>
    </FieldFrame>
  );
}
