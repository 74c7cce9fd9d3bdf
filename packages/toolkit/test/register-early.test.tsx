import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

it('registerFont works before any app exists, in a fresh process', async () => {
  // Imported here so nothing has loaded CanvasKit or the fonts yet in this worker.
  const { registerFont, Text, View } = await import('@planar/toolkit');
  const { render } = await import('@planar/toolkit/testing');
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  await Promise.all([
    registerFont(new Uint8Array(readFileSync(path.join(dir, 'DejaVuSansMono.ttf'))), { family: 'Early Mono' }),
    registerFont(path.join(dir, 'DejaVuSerif.ttf'), { family: 'Early Serif' }),
  ]);
  const screen = await render(() => (
    <View style={{ alignItems: 'flex-start' }}>
      <Text testId="a" style={{ fontFamily: 'Early Mono' }}>iiii</Text>
      <Text testId="b" style={{ fontFamily: 'Early Mono' }}>MMMM</Text>
    </View>
  ), { width: 200, height: 60 });
  expect(screen.find({ testId: 'a' }).width).toBe(screen.find({ testId: 'b' }).width);
  await screen.dispose();
});
