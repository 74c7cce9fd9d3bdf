/**
 * The gallery app's root: the story now selected, in its decorator, remounted whenever the
 * selection changes (the root reads one signal and builds the story untracked, so nothing
 * inside the story re-runs the root). A story that throws shows its error instead.
 */
import { ErrorBoundary, Text, View, untracked, type Child, type ReadonlySignal } from '@planar/toolkit';
import { decorated } from './render-story.js';
import type { StoriesConfig, StoryEntry } from './types.js';

/** What the gallery shows: a story, the theme and locale it is shown in, and the config around it. */
export interface ShownStory {
  story: StoryEntry;
  theme: string;
  locale: string;
  config: StoriesConfig | undefined;
}

function Message(props: { title: string; detail?: string; tone: 'plain' | 'error' }) {
  const color = props.tone === 'error' ? '#8a1c1c' : '#3a4150';
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 8, backgroundColor: props.tone === 'error' ? '#fdecec' : '#eef1f5' }}>
      <Text style={{ fontSize: 16, fontWeight: 'bold', color }}>{props.title}</Text>
      {props.detail ? <Text style={{ fontSize: 13, color }}>{props.detail}</Text> : null}
    </View>
  );
}

/**
 * The story in `shown`, or a hint to pick one; `onError` hears a story's failure.
 * @example await createApp(() => <GalleryRoot shown={shown} onError={(e) => display.notice(e.message, 'error')} />);
 */
export function GalleryRoot(props: { shown: ReadonlySignal<ShownStory | null>; onError: (error: Error, story: StoryEntry) => void }): Child {
  return () => {
    const shown = props.shown.value;
    if (!shown) return untracked(() => <Message tone="plain" title="No story selected" detail="Pick a story in the sidebar." />);
    const { story, theme, config } = shown;
    const withLocale = { ...story, locale: shown.locale };
    return untracked(() => (
      <ErrorBoundary fallback={(error) => {
        props.onError(error, story);
        return <Message tone="error" title={`${story.id} failed`} detail={`${story.file}: ${error.message}`} />;
      }}>
        {decorated(theme, withLocale, config)}
      </ErrorBoundary>
    ));
  };
}
