/**
 * Prints how long the raw floor (the demo's scene drawn by hand with CanvasKit, see
 * ../raw-scene.mjs) takes from process start to its first frame copied out of the wasm heap
 * at 800x480, and where the time goes: Node's own start, the modules, CanvasKit, the fonts,
 * preparing the scene (paragraphs shaped and laid out, cached images) and the first paint.
 * `performance.now()` counts from the start of the process.
 */
const node = performance.now();
const time = async (fn) => {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
};
const [modules, raw] = await time(() => import('../raw-scene.mjs'));
const [canvaskit, ck] = await time(() => raw.loadCanvasKit());
const [fonts, provider] = await time(() => raw.fontProvider(ck));
const [prepare, [target, scene]] = await time(() => [raw.directSurface(ck, 800, 480), raw.prepareScene(ck, provider, 800, 480)]);
const out = new Uint8Array(800 * 480 * 4);
const [paint] = await time(() => {
  scene.draw(target.surface.getCanvas());
  target.surface.flush();
  out.set(target.memory.toTypedArray());
});
const total = performance.now();
scene.dispose();
target.dispose();
console.log(JSON.stringify({ total, node, modules, canvaskit, fonts, prepare, paint }));
process.exit(0);
