/**
 * The history screen: every event the home logged over the past month (ten thousand of
 * them), newest first, in days. It slides in over the dashboard like the settings
 * (SlideInScreen.tsx). The events are a VirtualList: only the rows near the viewport exist,
 * each day opens with a header, and the header of the day at the top stays pinned there until
 * the next day's pushes it out. A row shows its event and nothing of its own, so rows are
 * recycled: scrolling hands the rows that left to the events coming in, and makes none. A drag or a fling scrolls it; with the list focused, the
 * arrows, PageUp / PageDown and Home / End do, and so do an encoder's turns in edit mode.
 */
import { Text, View, read, useI18n, type Child, type Reactive, type ReadonlySignal } from '@planar/toolkit';
import { SectionHeader, VirtualList, useTheme } from '@planar/widgets';
import { eventText } from './event-text.js';
import type { HistoryEvent } from './history.js';
import type { Tone } from './model.js';
import { SlideInScreen } from './SlideInScreen.js';

export interface HistoryScreenProps {
  /** The events, newest first: a model's `history`, or a getter of it (read when the screen opens). */
  events: Reactive<readonly HistoryEvent[]>;
  /** Back was pressed (or Escape): the app starts the slide out. */
  onBack: () => void;
  /** Whether the screen is in place; turning false slides it out, after which `onClosed` runs. */
  shown: () => boolean;
  onClosed: () => void;
}

/** An event row's height, logical px; the list's estimate is exact. */
export const HISTORY_ROW_HEIGHT = 48;
const DOT = 10;

/** An event: a dot coloured by its tone, what happened and when (a recycled row: `event` changes). */
function HistoryRow(props: { event: ReadonlySignal<HistoryEvent> }): Child {
  const theme = useTheme();
  const c = theme.colors;
  const tones: Record<Tone, () => string> = { info: () => c.primary, ok: () => c.success, warn: () => c.warning };
  const { event } = props;
  const { t, formatTime } = useI18n();
  return (
    <View style={{
      height: HISTORY_ROW_HEIGHT, flexDirection: 'row', alignItems: 'center', gap: () => theme.spacing.md,
      paddingHorizontal: () => theme.spacing.lg,
    }}>
      <View style={{ width: DOT, height: DOT, borderRadius: DOT / 2, backgroundColor: () => tones[event.value.tone]() }} />
      <Text style={{ ...theme.typography('bodyLarge'), color: () => c.onSurface, flexGrow: 1, flexShrink: 1, maxLines: 1 }}>{() => eventText(t, event.value)}</Text>
      <Text style={{ ...theme.typography('bodyMedium'), color: () => c.onSurfaceVariant }}>{() => formatTime(event.value.at, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}</Text>
    </View>
  );
}

/**
 * @example
 * <HistoryScreen events={() => model.history} shown={() => open.value} onBack={close} onClosed={unmount} />
 */
export function HistoryScreen(props: HistoryScreenProps): Child {
  const { t, formatDate } = useI18n();
  // Days are grouped by their English name; the header shows the day in the panel's language.
  let days: Map<string, Date> | null = null;
  const dayOf = (day: string) => (days ??= new Map(read(props.events).map((e) => [e.day, e.at]))).get(day);
  const dayLabel = (day: string) => {
    const at = dayOf(day);
    return at ? formatDate(at, { weekday: 'short', day: 'numeric', month: 'short' }) : day;
  };
  return (
    <SlideInScreen testId="history" title={() => t('history.title')} shown={props.shown} onBack={props.onBack} onClosed={props.onClosed}>
      <VirtualList
        testId="history-list" label={() => t('history.list')} items={props.events} key={(e) => e.id}
        estimatedHeight={HISTORY_ROW_HEIGHT} section={(e) => e.day}
        renderRow={(e) => <HistoryRow event={e} />}
        renderSectionHeader={(day) => () => <SectionHeader label={dayLabel(day)} />}
        style={{ flexGrow: 1 }}
      />
    </SlideInScreen>
  );
}
