import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import CanvasKitInit from 'canvaskit-wasm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Image, View, signal, type ImageFit } from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';

const dir = mkdtempSync(path.join(tmpdir(), 'planar-images-'));
const files: Record<string, string> = {};

/** A 40x20 image: left half red, right half blue, in each format. */
beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const bin = path.dirname(require.resolve('canvaskit-wasm/bin/canvaskit.wasm'));
  const ck = await CanvasKitInit({ locateFile: (f: string) => path.join(bin, f) });
  const surface = ck.MakeSurface(40, 20)!;
  const c = surface.getCanvas();
  const paint = new ck.Paint();
  paint.setColor(ck.Color(255, 0, 0, 1));
  c.drawRect(ck.XYWHRect(0, 0, 20, 20), paint);
  paint.setColor(ck.Color(0, 0, 255, 1));
  c.drawRect(ck.XYWHRect(20, 0, 20, 20), paint);
  const image = surface.makeImageSnapshot();
  files.png = path.join(dir, 'two-tone.png');
  writeFileSync(files.png, image.encodeToBytes(ck.ImageFormat.PNG, 100)!);
  // This CanvasKit build encodes only PNG: JPEG and WebP are fixtures (see fixtures/README.md).
  for (const name of ['jpeg', 'webp']) files[name] = fileURLToPath(new URL(`./fixtures/two-tone.${name}`, import.meta.url));
  // A 2x1 GIF89a: palette [red, blue], pixels 0,1 (LZW min code size 2).
  files.gif = path.join(dir, 'two-tone.gif');
  writeFileSync(files.gif, Buffer.from([
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x02, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00,
    0xff, 0x00, 0x00, 0x00, 0x00, 0xff,
    0x2c, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x00, 0x00,
    0x02, 0x02, 0x44, 0x0a, 0x00, 0x3b,
  ]));
  image.delete();
  // A 40x20 image of four 10-px stripes: red, blue, white, black.
  const stripes: [number, number, number][] = [[255, 0, 0], [0, 0, 255], [255, 255, 255], [0, 0, 0]];
  stripes.forEach(([r, g, b], i) => {
    paint.setColor(ck.Color(r, g, b, 1));
    c.drawRect(ck.XYWHRect(i * 10, 0, 10, 20), paint);
  });
  const striped = surface.makeImageSnapshot();
  files.stripes = path.join(dir, 'stripes.png');
  writeFileSync(files.stripes, striped.encodeToBytes(ck.ImageFormat.PNG, 100)!);
  striped.delete();
  paint.delete();
  surface.delete();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Image', () => {
  it.each(['png', 'jpeg', 'webp', 'gif'])('decodes %s and takes its size from the header', async (format) => {
    const screen = await render(() => <View style={{ alignItems: 'flex-start' }}><Image testId="img" src={files[format]!} /></View>, { width: 100, height: 50 });
    const box = screen.find({ testId: 'img' });
    expect(box).toEqual(format === 'gif' ? { x: 0, y: 0, width: 2, height: 1 } : { x: 0, y: 0, width: 40, height: 20 });
    const [r1, , b1] = screen.pixel(0, 0);
    const [r2, , b2] = screen.pixel(box.width - 1, 0);
    expect(r1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);
    await screen.dispose();
  });

  it('keeps the aspect ratio when only the width is set', async () => {
    const screen = await render(() => <View style={{ alignItems: 'flex-start' }}><Image testId="img" src={files.png!} style={{ width: 80 }} /></View>, { width: 100, height: 60 });
    expect(screen.find({ testId: 'img' })).toEqual({ x: 0, y: 0, width: 80, height: 40 });
    await screen.dispose();
  });

  it.each<[ImageFit, [number, number][], [number, number][]]>([
    // 40x20 image in an 80x80 box.
    ['contain', [[10, 40], [70, 40]], [[40, 5], [40, 75]]],
    ['cover', [[2, 40], [78, 40]], []],
    ['fill', [[5, 5], [75, 75]], []],
    ['none', [[25, 40], [55, 40]], [[10, 40], [70, 40]]],
  ])('fit=%s puts the image where expected', async (fit, inside, outside) => {
    const screen = await render(() => <Image src={files.png!} fit={fit} style={{ width: 80, height: 80 }} />, { width: 80, height: 80, background: '#00ff00' });
    for (const [x, y] of inside) expect(screen.pixel(x, y)[1], `${fit} at ${x},${y}`).toBeLessThan(40);
    for (const [x, y] of outside) expect(screen.pixel(x, y), `${fit} at ${x},${y}`).toEqual([0, 255, 0, 255]);
    await screen.dispose();
  });

  // The four stripes in an 80x80 box. fill stretches the image to 80x80: four 20-px stripes.
  // cover scales it 4x to 160x80 and crops the middle: the blue and white stripes, 40 px each
  // (samples keep clear of the crop's edges, where filtering blends in the stripe cut off).
  it.each<[ImageFit, [number, [number, number, number, number]][]]>([
    ['fill', [[10, [255, 0, 0, 255]], [30, [0, 0, 255, 255]], [50, [255, 255, 255, 255]], [70, [0, 0, 0, 255]]]],
    ['cover', [[2, [0, 0, 255, 255]], [20, [0, 0, 255, 255]], [60, [255, 255, 255, 255]], [72, [255, 255, 255, 255]]]],
  ])('fit=%s shows the stripes a person expects', async (fit, samples) => {
    const screen = await render(() => <Image src={files.stripes!} fit={fit} style={{ width: 80, height: 80 }} />, { width: 80, height: 80, background: '#00ff00' });
    for (const [x, colour] of samples) {
      for (const y of [2, 40, 77]) expect(screen.pixel(x, y), `${fit} at ${x},${y}`).toEqual(colour);
    }
    await screen.dispose();
  });

  it('loads a new source when src changes, and accepts bytes', async () => {
    const { readFileSync } = await import('node:fs');
    const src = signal<string | Uint8Array>(files.png!);
    const screen = await render(() => <Image testId="img" src={src} fit="fill" style={{ width: 40, height: 20 }} />, { width: 40, height: 20 });
    expect(screen.pixel(5, 10)[0]).toBeGreaterThan(200);
    src.value = new Uint8Array(readFileSync(files.gif!));
    await screen.flush();
    expect(screen.pixel(5, 10)[0]).toBeGreaterThan(200);
    expect(screen.pixel(35, 10)[2]).toBeGreaterThan(200);
    await screen.dispose();
  });
});
