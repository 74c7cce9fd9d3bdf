/**
 * A story case drawn headless as the snapshot suite draws it: at the case's size, inside the
 * config's decorator for its theme and locale; a story that fails names its file and story.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Text, View, reportPropError, type Child, type NodeHandle } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { casesOf, collectStories } from '../src/stories/collect.js';
import { renderStory } from '../src/stories/render-story.js';
import type { StoriesConfig, StoryContext } from '../src/stories/types.js';

const FILLS: Record<string, string> = { light: '#ffffff', dark: '#102030' };
const seen: StoryContext[] = [];
const config: StoriesConfig = {
  decorate: (story: () => Child, context: StoryContext) => {
    seen.push(context);
    return <View style={{ width: '100%', height: '100%', padding: 10, backgroundColor: FILLS[context.theme] }}>{story()}</View>;
  },
};

let screens: Screen[] = [];
afterEach(async () => {
  for (const s of screens) await s.dispose();
  screens = [];
  seen.length = 0;
});

function storiesOf(module: Record<string, unknown>) {
  const { stories, problems } = collectStories({ 'swatch.stories.tsx': module });
  expect(problems).toEqual([]);
  return stories;
}

const swatch = () => <View testId="swatch" style={{ width: 20, height: 20, backgroundColor: '#ff0000' }} />;

describe('renderStory', () => {
  it('draws each case at its size inside the decorator for its theme, with the story\'s locale', async () => {
    const [story] = storiesOf({ default: { title: 'Swatch', sizes: [{ width: 120, height: 80 }, { width: 60, height: 40 }], locale: 'ar' }, Red: swatch });
    const cases = casesOf(story!);
    for (const storyCase of cases) {
      const screen = await renderStory(storyCase, config);
      screens.push(screen);
      expect(screen.app.width, storyCase.theme).toBe(storyCase.size.width);
      expect(screen.app.height).toBe(storyCase.size.height);
      expect(screen.pixel(2, 2)).toEqual(storyCase.theme === 'light' ? [255, 255, 255, 255] : [0x10, 0x20, 0x30, 255]);
    }
    expect(seen).toEqual(cases.map((c) => ({ theme: c.theme, locale: 'ar' })));
    const red = screens[0]!.find({ testId: 'swatch' });
    expect(screens[0]!.pixel(red.x + 10, red.y + 10)).toEqual([255, 0, 0, 255]);
  });

  it('shows a story as it is when there is no config', async () => {
    const [story] = storiesOf({ default: { title: 'Swatch', sizes: [{ width: 40, height: 40 }] }, Red: swatch });
    const screen = await renderStory(casesOf(story!)[0]!);
    screens.push(screen);
    expect(screen.pixel(10, 10)).toEqual([255, 0, 0, 255]);
  });

  it('turns a story that throws into an error naming the story, its file, the theme and the size', async () => {
    const [story] = storiesOf({
      default: { title: 'Broken', sizes: [{ width: 100, height: 50 }] },
      Throws: () => {
        throw new Error('no sensor given');
      },
    });
    await expect(renderStory(casesOf(story!)[1]!, config)).rejects.toThrow(
      'story "Broken / Throws" in swatch.stories.tsx failed to render in the dark theme at 100x50: no sensor given',
    );
  });

  it('fails a story whose component reports a bad prop while it mounts', async () => {
    function Gauge(props: { value: number }) {
      const check = (handle: NodeHandle) => {
        if (props.value > 100) reportPropError(handle, 'value', props.value, 'is above 100');
      };
      return <Text ref={check}>{String(props.value)}</Text>;
    }
    const [story] = storiesOf({ default: { title: 'Gauge', sizes: [{ width: 100, height: 50 }] }, Over: () => <Gauge value={140} /> });
    await expect(renderStory(casesOf(story!)[0]!, config)).rejects.toThrow(/story "Gauge \/ Over" in swatch\.stories\.tsx failed to render in the light theme at 100x50: .*140.*above 100/);
  });
});
