// An app on the headless backend, for the inspector's end-to-end suite: run with PLANAR_INSPECT
// set, it serves the inspector and prints its address; it runs until killed.
import { createApp, View, Text } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';

await createApp(() => jsx(View, {
  style: { width: '100%', height: '100%', backgroundColor: 'white', padding: 20 },
  children: jsx(Text, { testId: 'hello', children: 'Hello' }),
}), { backend: 'headless', width: 200, height: 100 });
