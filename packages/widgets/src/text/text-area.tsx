/**
 * TextArea: several lines of editable text that wrap at the box's width, in an outlined box
 * `rows` lines tall that scrolls when the text is longer. Enter starts a new line and
 * Ctrl+Enter submits; ↑ / ↓ go to the line above or below, Home / End to the ends of the line
 * as wrapped.
 *
 * The text is the content of a ScrollView driven by the field's own Scroller. After each edit
 * or move the field scrolls the least that shows the caret's line, at once; when the text grows
 * by a line, the content's new height reaches the Scroller after that frame's layout
 * (`onMetrics`), and the caret is brought into view again then.
 */
import { Scroller, Text, View, computed, read, type Child, type NodeHandle, type ScrollMetrics } from '@planar/toolkit';
import { useTheme, type StyleValues } from '../theme/index.js';
import { usePropReporter } from '../internal/prop-report.js';
import { ScrollView } from '../scroll/scroll-view.js';
import { FieldFrame, useFieldBoxStyle } from './field-frame.js';
import { TextSurface } from './text-surface.js';
import { useTextPointer } from './text-pointer.js';
import { useTextEditing, type TextEditingProps } from './use-text-editing.js';

export interface TextAreaProps extends TextEditingProps {
  /** How many lines tall the box is (default 4); longer text scrolls. */
  rows?: number;
  /** Overrides for the outer box (its width…). */
  style?: StyleValues;
}

/**
 * A themed multi-line text field.
 * @example
 * const note = signal('');
 * <TextArea label="Note for the installer" value={note} rows={5} maxLength={500} helperText="Shown on the service screen" />
 */
export function TextArea(props: TextAreaProps): Child {
  const theme = useTheme();
  const boxRef = { current: null as NodeHandle | null };
  const surfaceRef = { current: null as NodeHandle | null };
  const textRef = { current: null as NodeHandle | null };
  const report = usePropReporter(boxRef);
  const scroller = new Scroller({ axis: 'y', overscroll: 'clamp' });
  let metrics: ScrollMetrics | null = null;
  const rows = () => {
    const r = props.rows ?? 4;
    if (Number.isInteger(r) && r >= 1) return r;
    report('rows', r, 'must be a whole number, 1 or more; showing 4 lines');
    return 4;
  };
  const type = theme.typography('bodyLarge');
  const lineHeight = () => type.fontSize() * type.lineHeight();

  const reveal = () => {
    const g = editing.geometry(), shown = editing.shown.peek();
    if (!g || g.text !== shown.text || !metrics || !editing.states.focused()) return;
    const caret = g.caretRect(shown.caret);
    const top = scroller.y.peek(), height = metrics.viewportHeight;
    if (caret.y < top) scroller.scrollTo(0, caret.y, { animate: false });
    else if (caret.y + caret.height > top + height) scroller.scrollTo(0, caret.y + caret.height - height, { animate: false });
  };
  const editing = useTextEditing(props, { multiline: true, boxRef, textRef, report, reveal, secure: () => false });
  const offsetAt = (x: number, y: number) => {
    const g = editing.geometry(), shown = editing.shown.peek();
    if (!g || g.text !== shown.text) return null;
    return shown.toModel(g.positionAt(x, y).index);
  };
  useTextPointer(surfaceRef, editing, offsetAt);

  const padV = () => theme.spacing.sm;
  const boxStyle = useFieldBoxStyle(editing.states, () => ({ alignItems: 'stretch', height: rows() * lineHeight() + 2 * (padV() + 1) }));
  const empty = computed(() => editing.shown.value.text === '');
  return (
    <FieldFrame label={props.label} hideLabel={props.hideLabel} helperText={props.helperText} errorMessage={props.errorMessage}
      states={editing.states} testId={props.testId} style={props.style}>
      <View ref={boxRef} {...editing.boxProps} style={boxStyle}>
        <ScrollView controller={scroller} axis="y" focusable={false} fillViewport style={{ flexGrow: 1 }}
          // The content is a layer of its own, which the frame's disabled opacity does not reach.
          contentStyle={{ opacity: () => (editing.states.disabled() ? 0.38 : 1) }}
          onMetrics={(next) => {
            metrics = next;
            editing.changed();
          }}>
          <View ref={surfaceRef} style={{ flexGrow: 1 }}>
            <Text semantics={{ hidden: true }} style={{
              ...type, position: 'absolute', left: 0, right: 0, top: 0,
              color: () => theme.colors.onSurfaceVariant, display: () => (empty.value ? 'flex' : 'none'),
            }}>{() => read(props.placeholder) ?? ''}</Text>
            <TextSurface editing={editing} textRef={textRef} offsetAt={offsetAt} textStyle={{ ...type }} />
          </View>
        </ScrollView>
      </View>
    </FieldFrame>
  );
}
