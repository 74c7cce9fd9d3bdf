/**
 * A small app for the preview's end-to-end suites: a toggle tile, a text field, a scrolling list
 * and a pinch pad, with signals that say what the app saw and refs that say where things are.
 */
import { afterEach } from 'vitest';
import { openPreview, type PreviewUnderTest } from './page-helpers.js';
import { Text, View, signal, useGestures, type NodeHandle, type Signal } from '@planar/toolkit';
import { jsx, jsxs } from '@planar/toolkit/jsx-runtime';
import { ScrollView, TextField, ToggleButton } from '@planar/widgets';

export interface PreviewScene {
  root: () => ReturnType<typeof jsx>;
  lamp: Signal<boolean>;
  typed: Signal<string>;
  scrolled: Signal<number>;
  pinch: Signal<number>;
  refs: Record<'lamp' | 'field' | 'list' | 'pad', { current: NodeHandle | null }>;
}

function PinchPad({ refOut, pinch }: { refOut: { current: NodeHandle | null }; pinch: PreviewScene['pinch'] }) {
  useGestures(refOut, { onPinch: { update: ({ scale }) => (pinch.value = scale) } });
  return jsx(View, { ref: refOut, style: { width: 200, height: 160, backgroundColor: '#d8deea', alignItems: 'center', justifyContent: 'center' }, children: jsx(Text, { children: 'Pinch here' }) });
}

export function previewScene(): PreviewScene {
  const lamp = signal(false), typed = signal(''), scrolled = signal(0), pinch = signal(1);
  const refs: PreviewScene['refs'] = { lamp: { current: null }, field: { current: null }, list: { current: null }, pad: { current: null } };
  const rows = Array.from({ length: 30 }, (_, i) => jsx(View, {
    style: { height: 36, paddingLeft: 12, justifyContent: 'center', backgroundColor: i % 2 ? '#f2f4f8' : '#ffffff' },
    children: jsx(Text, { children: `Row ${i + 1}` }),
  }));
  const root = () => jsxs(View, {
    style: { flexDirection: 'row', padding: 16, gap: 16, width: '100%', height: '100%' },
    children: [
      jsxs(View, {
        style: { width: 260, gap: 16 },
        children: [
          jsx(View, { ref: refs.lamp, style: { alignSelf: 'flex-start' }, children: jsx(ToggleButton, { label: 'Lamp', checked: lamp }) }),
          jsx(View, { ref: refs.field, children: jsx(TextField, { label: 'Name', value: typed }) }),
          jsx(PinchPad, { refOut: refs.pad, pinch }),
        ],
      }),
      jsx(View, {
        ref: refs.list, style: { flexGrow: 1, height: 300 },
        children: jsx(ScrollView, { style: { height: 300 }, onScroll: (_x: number, y: number) => (scrolled.value = y), children: rows }),
      }),
    ],
  });
  return { root, lamp, typed, scrolled, pinch, refs };
}

/**
 * For a suite: `start()` opens a fresh preview scene at 800x480 in a browser window of the given
 * size, closed after each test.
 */
export function previewSessions(window: { viewport: { width: number; height: number }; hasTouch?: boolean }): () => Promise<PreviewUnderTest & { scene: PreviewScene }> {
  let open: PreviewUnderTest | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });
  return async () => {
    const scene = previewScene();
    open = await openPreview(scene.root, { width: 800, height: 480, ...window });
    return { ...open, scene };
  };
}
