/**
 * Reading stories out of loaded modules: parameters resolved story over meta over defaults, the
 * names of tests and goldens, and every malformed file or story reported by file and story.
 */
import { describe, expect, it } from 'vitest';
import { Text } from '@planar/toolkit';
import { caseName, casesOf, collectStories, configError, goldenName } from '../src/stories/collect.js';

const hello = () => <Text>Hello</Text>;

describe('collectStories', () => {
  it('reads the meta and every named export as a story, its own parameters over the meta\'s', () => {
    const { stories, problems } = collectStories({
      'button.stories.tsx': {
        default: { title: 'Controls/Button', sizes: [{ width: 320, height: 120 }], locale: 'de' },
        Primary: hello,
        Narrow: { render: hello, sizes: [{ width: 120, height: 60 }], themes: ['dark'] },
        Arabic: { render: hello, name: 'In Arabic', locale: 'ar' },
      },
    });
    expect(problems).toEqual([]);
    expect(stories.map(({ id, sizes, themes, locale }) => ({ id, sizes, themes, locale }))).toEqual([
      { id: 'Controls/Button / Primary', sizes: [{ width: 320, height: 120 }], themes: ['light', 'dark'], locale: 'de' },
      { id: 'Controls/Button / Narrow', sizes: [{ width: 120, height: 60 }], themes: ['dark'], locale: 'de' },
      { id: 'Controls/Button / In Arabic', sizes: [{ width: 320, height: 120 }], themes: ['light', 'dark'], locale: 'ar' },
    ]);
    expect(stories[0]!.file).toBe('button.stories.tsx');
  });

  it('gives a story without sizes, themes or locale 800x480, light and dark, and English', () => {
    const { stories } = collectStories({ 'a.stories.tsx': { default: { title: 'A' }, Only: hello } });
    expect(stories[0]).toMatchObject({ sizes: [{ width: 800, height: 480 }], themes: ['light', 'dark'], locale: 'en' });
  });

  const BAD: { name: string; module: unknown; message: RegExp; story?: string }[] = [
    { name: 'no-default-export', module: { Primary: hello }, message: /x\.stories\.tsx: the default export must be the file's StoryMeta with a title/ },
    { name: 'empty-title', module: { default: { title: ' ' }, Primary: hello }, message: /StoryMeta with a title, e\.g\. export default \{ title: 'Controls\/Button' \}/ },
    { name: 'meta-size-not-whole', module: { default: { title: 'X', sizes: [{ width: 10.5, height: 20 }] }, P: hello }, message: /x\.stories\.tsx: its StoryMeta \(X\): sizes has \{"width":10\.5,"height":20\}: each size needs a whole width and height/ },
    { name: 'meta-sizes-empty', module: { default: { title: 'X', sizes: [] }, P: hello }, message: /sizes must be a non-empty list/ },
    { name: 'meta-themes-not-names', module: { default: { title: 'X', themes: ['light', 3] }, P: hello }, message: /themes must be a non-empty list of theme names like \['light', 'dark'\], not \["light",3\]/ },
    { name: 'meta-locale-not-a-tag', module: { default: { title: 'X', locale: 'english please' }, P: hello }, message: /locale must be a language tag like 'en' or 'ar-EG', not "english please"/ },
    { name: 'export-that-is-no-story', module: { default: { title: 'X' }, P: hello, helper: 42 }, story: 'helper', message: /x\.stories\.tsx: story "helper" is neither a function that renders it nor \{ render\(\) \}/ },
    { name: 'story-with-a-bad-size', module: { default: { title: 'X' }, Big: { render: hello, sizes: [{ width: 0, height: 10 }] } }, story: 'Big', message: /x\.stories\.tsx: story "Big": sizes has/ },
    { name: 'file-without-stories', module: { default: { title: 'X' } }, message: /x\.stories\.tsx \(X\) has no stories: export at least one/ },
  ];
  for (const bad of BAD) {
    it(`reports ${bad.name} naming the file${bad.story ? ' and the story' : ''}`, () => {
      const { problems, stories } = collectStories({ 'x.stories.tsx': bad.module, 'ok.stories.tsx': { default: { title: 'Ok' }, Fine: hello } });
      expect(problems).toHaveLength(1);
      expect(problems[0]!.file).toBe('x.stories.tsx');
      expect(problems[0]!.story).toBe(bad.story);
      expect(problems[0]!.message).toMatch(bad.message);
      expect(stories.map((s) => s.id)).toContain('Ok / Fine');
    });
  }

  it('keeps the first of two stories with one id and reports the second with both files', () => {
    const { stories, problems } = collectStories({
      'a.stories.tsx': { default: { title: 'Same' }, One: hello },
      'b.stories.tsx': { default: { title: 'Same' }, One: hello, Two: hello },
    });
    expect(stories.map((s) => `${s.file}: ${s.id}`)).toEqual(['a.stories.tsx: Same / One', 'b.stories.tsx: Same / Two']);
    expect(problems.map((p) => p.message)).toEqual(['b.stories.tsx: story "Same / One" is also in a.stories.tsx: give one file another title or the story another name']);
  });
});

describe('cases and their names', () => {
  it('makes a case per theme and size, named "<title> / <story> (<theme>, <w>x<h>)"', () => {
    const { stories } = collectStories({
      'b.stories.tsx': { default: { title: 'Controls/Button', sizes: [{ width: 320, height: 120 }, { width: 120, height: 60 }] }, WithIcon: hello },
    });
    const cases = casesOf(stories[0]!);
    expect(cases.map(caseName)).toEqual([
      'Controls/Button / WithIcon (light, 320x120)', 'Controls/Button / WithIcon (light, 120x60)',
      'Controls/Button / WithIcon (dark, 320x120)', 'Controls/Button / WithIcon (dark, 120x60)',
    ]);
    expect(cases.map(goldenName)).toEqual([
      'controls-button--with-icon--light-320x120', 'controls-button--with-icon--light-120x60',
      'controls-button--with-icon--dark-320x120', 'controls-button--with-icon--dark-120x60',
    ]);
  });

  it('names goldens with letters, digits and dashes only, whatever the title says', () => {
    const { stories } = collectStories({ 's.stories.tsx': { default: { title: 'Ünits / °C & more' }, ADisabledRow: hello } });
    expect(goldenName(casesOf(stories[0]!)[0]!)).toBe('nits-c-more--a-disabled-row--light-800x480');
  });
});

describe('configError', () => {
  it('accepts no config, a module without decorate and one with a decorate function', () => {
    expect(configError(undefined)).toBeNull();
    expect(configError({})).toBeNull();
    expect(configError({ decorate: (story: () => unknown) => story() })).toBeNull();
  });

  it('says what decorate must be when it is not a function', () => {
    expect(configError({ decorate: 'ThemeProvider' })).toMatch(/decorate must be a function \(story, \{ theme, locale \}\) => Child, not string/);
  });
});
