import { describe, expect, it } from 'vitest';
import { firstWindowSize, outputLogicalSize } from '../src/window-size.js';
import type { NativeOutput } from '../src/native.js';

const output = (o: Partial<NativeOutput>): NativeOutput => ({ name: 1, scale: 1, width: 1280, height: 720, refreshMhz: 60000, transform: 0, make: '', model: '', ...o });

describe('the first size of the window', () => {
  it.each([
    ['cage-0x0-takes-the-output', { width: 0, height: 0 }, {}, [output({})], { width: 1280, height: 720 }],
    ['0x0-at-scale-2-takes-logical-size', { width: 0, height: 0 }, {}, [output({ width: 1600, height: 960, scale: 2 })], { width: 800, height: 480 }],
    ['0x0-on-a-turned-output-swaps-sides', { width: 0, height: 0 }, {}, [output({ width: 800, height: 480, transform: 1 })], { width: 480, height: 800 }],
    ['0x0-with-a-size-asked-for-takes-it', { width: 0, height: 0 }, { width: 640, height: 400 }, [output({})], { width: 640, height: 400 }],
    ['a-configured-size-wins', { width: 1024, height: 600 }, { width: 640, height: 400 }, [output({})], { width: 1024, height: 600 }],
    ['one-open-dimension-is-filled', { width: 1024, height: 0 }, {}, [output({})], { width: 1024, height: 720 }],
    ['an-output-without-a-mode-yet-is-passed-over', { width: 0, height: 0 }, {}, [output({ width: 0, height: 0 }), output({ width: 1920, height: 1080 })], { width: 1920, height: 1080 }],
    ['no-output-at-all-falls-back-to-800x480', { width: 0, height: 0 }, {}, [], { width: 800, height: 480 }],
  ])('%s', (_name, configured, asked, outputs, expected) => {
    expect(firstWindowSize(configured, asked, outputs)).toEqual(expected);
  });

  it('rounds a scale that does not divide the mode', () => {
    expect(outputLogicalSize(output({ width: 1366, height: 768, scale: 3 }))).toEqual({ width: 455, height: 256 });
  });
});
