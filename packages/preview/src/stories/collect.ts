/**
 * Reads stories out of loaded `*.stories.tsx` modules: the default export is the file's meta,
 * every other export a story. Each story's parameters are resolved (its own, else the meta's,
 * else the defaults), and everything wrong is reported as a problem naming the file and the
 * story, so that one bad file neither hides the others nor fails without saying where.
 */
import type { StoriesConfig, StoryCase, StoryEntry, StoryMeta, StoryParameters, StorySize } from './types.js';

/** Sizes, themes and locale of a story that neither it nor its meta names. */
export const STORY_DEFAULTS = { sizes: [{ width: 800, height: 480 }], themes: ['light', 'dark'], locale: 'en' } as const;

/** Something wrong with a stories file or one of its stories. */
export interface StoryProblem {
  file: string;
  /** The export at fault, when it is one story rather than the file. */
  story?: string;
  message: string;
}

export interface CollectedStories {
  stories: StoryEntry[];
  problems: StoryProblem[];
}

const META_EXAMPLE = "export default { title: 'Controls/Button' } satisfies StoryMeta";

/** Whether `locale` reads as a language tag ('en', 'ar-EG'). */
export function isLocaleTag(locale: unknown): locale is string {
  return typeof locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(locale);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Why `params` (a meta or a story's own parameters) is malformed, or null. */
function parameterError(params: Record<string, unknown>): string | null {
  const { sizes, themes, locale } = params as StoryParameters;
  if (sizes !== undefined) {
    if (!Array.isArray(sizes) || sizes.length === 0) return 'sizes must be a non-empty list like [{ width: 320, height: 120 }]';
    for (const size of sizes as unknown[]) {
      const { width, height } = (isObject(size) ? size : {}) as Partial<StorySize>;
      const ok = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 8192;
      if (!ok(width) || !ok(height)) return `sizes has ${JSON.stringify(size)}: each size needs a whole width and height from 1 to 8192 px`;
    }
  }
  if (themes !== undefined && (!Array.isArray(themes) || themes.length === 0 || !themes.every((t) => typeof t === 'string' && t !== ''))) {
    return `themes must be a non-empty list of theme names like ['light', 'dark'], not ${JSON.stringify(themes)}`;
  }
  if (locale !== undefined && !isLocaleTag(locale)) {
    return `locale must be a language tag like 'en' or 'ar-EG', not ${JSON.stringify(locale)}`;
  }
  return null;
}

/** The stories of one module, or the problems that keep them from being shown. */
function collectFile(file: string, module: unknown, into: CollectedStories): void {
  const exports = isObject(module) ? module : {};
  const meta = exports.default;
  if (!isObject(meta) || typeof meta.title !== 'string' || meta.title.trim() === '') {
    into.problems.push({ file, message: `${file}: the default export must be the file's StoryMeta with a title, e.g. ${META_EXAMPLE}` });
    return;
  }
  const metaError = parameterError(meta);
  if (metaError) {
    into.problems.push({ file, message: `${file}: its StoryMeta (${meta.title}): ${metaError}` });
    return;
  }
  const { title, sizes, themes, locale } = meta as unknown as StoryMeta;
  let found = 0;
  for (const [exportName, value] of Object.entries(exports)) {
    if (exportName === 'default') continue;
    const where = `${file}: story "${exportName}"`;
    const story = typeof value === 'function' ? { render: value as () => never } : value;
    if (!isObject(story) || typeof story.render !== 'function') {
      into.problems.push({ file, story: exportName, message: `${where} is neither a function that renders it nor { render() } — a stories file exports only stories besides its meta` });
      continue;
    }
    const own = parameterError(story);
    if (own) {
      into.problems.push({ file, story: exportName, message: `${where}: ${own}` });
      continue;
    }
    const name = typeof story.name === 'string' && story.name !== '' ? story.name : exportName;
    const params = story as StoryParameters;
    found++;
    into.stories.push({
      id: `${title} / ${name}`, title, name, file,
      render: story.render as () => never,
      sizes: params.sizes ?? sizes ?? [...STORY_DEFAULTS.sizes],
      themes: params.themes ?? themes ?? [...STORY_DEFAULTS.themes],
      locale: params.locale ?? locale ?? STORY_DEFAULTS.locale,
    });
  }
  if (found === 0 && !into.problems.some((p) => p.file === file)) {
    into.problems.push({ file, message: `${file} (${title}) has no stories: export at least one, e.g. export const Default: Story = () => <Button label="Save" />` });
  }
}

/**
 * The stories of a set of loaded modules keyed by file (what `import.meta.glob(..., { eager: true })`
 * returns), in file order then export order, with every problem found.
 * @example const { stories, problems } = collectStories(import.meta.glob('../stories/**\/*.stories.tsx', { eager: true }));
 */
export function collectStories(modules: Record<string, unknown>): CollectedStories {
  const into: CollectedStories = { stories: [], problems: [] };
  for (const file of Object.keys(modules).sort()) collectFile(file, modules[file], into);
  const seen = new Map<string, string>();
  into.stories = into.stories.filter((story) => {
    const first = seen.get(story.id);
    if (first === undefined) {
      seen.set(story.id, story.file);
      return true;
    }
    into.problems.push({ file: story.file, story: story.name, message: `${story.file}: story "${story.id}" is also in ${first}: give one file another title or the story another name` });
    return false;
  });
  return into;
}

/** Why a loaded `stories.config` module is malformed, or null. */
export function configError(config: unknown): string | null {
  if (config === undefined) return null;
  if (!isObject(config)) return 'the stories config must be a module (or object) with an optional decorate(story, { theme, locale }) function';
  if (config.decorate !== undefined && typeof config.decorate !== 'function') {
    return `the stories config's decorate must be a function (story, { theme, locale }) => Child, not ${typeof config.decorate}`;
  }
  return null;
}

/** Every picture of a story: each theme at each size. */
export function casesOf(story: StoryEntry): StoryCase[] {
  return story.themes.flatMap((theme) => story.sizes.map((size) => ({ story, theme, size })));
}

/** A case's test name: `<title> / <story> (<theme>, <w>x<h>)`. */
export function caseName({ story, theme, size }: StoryCase): string {
  return `${story.id} (${theme}, ${size.width}x${size.height})`;
}

/** A case's golden file name (no extension): letters, digits, '.', '_' and '-' only. */
export function goldenName({ story, theme, size }: StoryCase): string {
  const slug = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug(story.title)}--${slug(story.name)}--${slug(theme)}-${size.width}x${size.height}`;
}

/** The config's decorator, or one that shows the story as it is. */
export function decoratorOf(config: StoriesConfig | undefined): NonNullable<StoriesConfig['decorate']> {
  return config?.decorate ?? ((story) => story());
}
