/**
 * `planar stories` arguments: the folder, the server's options, and what is wrong with a
 * command line that cannot be followed.
 */
import { describe, expect, it } from 'vitest';
import { main, parseStoriesArgs } from '../src/stories/cli.js';

const CASES: { name: string; argv: string[]; parsed: ReturnType<typeof parseStoriesArgs> }[] = [
  { name: 'no-arguments-shows-the-current-folder', argv: [], parsed: { dir: '.' } },
  { name: 'a-folder', argv: ['packages/widgets'], parsed: { dir: 'packages/widgets' } },
  {
    name: 'every-option', argv: ['--port', '7070', 'apps/demo', '--host', '0.0.0.0', '--token', 'abcdefghijklmnop', '--open', '--no-watch'],
    parsed: { dir: 'apps/demo', port: 7070, host: '0.0.0.0', token: 'abcdefghijklmnop', open: true, watch: false },
  },
  { name: 'help', argv: ['--help'], parsed: { help: true } },
  { name: 'a-port-that-is-no-number', argv: ['--port', 'http'], parsed: { error: '--port must be a port number from 0 to 65535, not "http"' } },
  { name: 'a-port-out-of-range', argv: ['--port', '70000'], parsed: { error: '--port must be a port number from 0 to 65535, not "70000"' } },
  { name: 'an-option-without-its-value', argv: ['--host', '--open'], parsed: { error: '--host needs a value' } },
  { name: 'an-unknown-option', argv: ['--watch-everything'], parsed: { error: 'unknown option --watch-everything' } },
  { name: 'two-folders', argv: ['a', 'b'], parsed: { error: 'one folder only, got "a" and "b"' } },
];

describe('parseStoriesArgs', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(parseStoriesArgs(c.argv)).toEqual(c.parsed);
    });
  }
});

describe('main', () => {
  it('exits with 2 and the usage for a command line it cannot follow, and 1 for a folder that is not there', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (text: string) => errors.push(text);
    try {
      expect(await main(['--port'])).toBe(2);
      expect(await main(['test/no-such-folder', '--no-watch'])).toBe(1);
    } finally {
      console.error = original;
    }
    expect(errors[0]).toMatch(/^planar stories: --port needs a value\n\nusage: planar stories \[dir\]/);
    expect(errors[1]).toMatch(/^planar stories: there is no folder .*no-such-folder; give the folder of a package with \*\.stories\.tsx files$/);
  });
});
