/**
 * Prints how long the demo takes from process start to its first frame committed (headless,
 * 800x480), and where the time goes. Every import is dynamic, so the steps are timed apart:
 * Node's own start (to this file's first line), Yoga (its module compiles the wasm), the
 * toolkit's and demo's modules, CanvasKit, the fonts (through the toolkit's own loaders, so
 * createApp finds them ready), then createApp: the first frame's layout and paint from its
 * stats, and the rest (display, mount, copy, plane allocation, commit) as `other`.
 * `performance.now()` counts from the start of the process.
 */
const node = performance.now();
const time = async (fn) => {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
};
const [yoga] = await time(() => import('yoga-layout'));
const [modules, [{ createApp }, { jsx }, { App, createHomeModel }]] = await time(() => Promise.all([
  import('@planar/toolkit'), import('@planar/toolkit/jsx-runtime'), import('@planar/demo'),
]));
const toolkit = import.meta.resolve('@planar/toolkit');
const [canvaskit] = await time(async () => (await import(new URL('./render/canvaskit.js', toolkit).href)).loadCanvasKit());
const [fonts] = await time(async () => (await import(new URL('./render/fonts.js', toolkit).href)).initFonts());
const [create, app] = await time(() => createApp(() => jsx(App, { model: createHomeModel() }), { backend: 'headless', width: 800, height: 480 }));
const s = app.stats;
if (s.frame !== 1) throw new Error(`start-demo: expected the first frame when createApp resolved, got frame ${s.frame}`);
// createApp resolves once the first frame is presented; the commit was handed over presentLatencyMs before.
const firstFrame = performance.now() - s.presentLatencyMs;
const other = create - s.presentLatencyMs - s.layoutMs - s.paintMs;
await app.close();
console.log(JSON.stringify({ total: firstFrame, node, yoga, modules, canvaskit, fonts, layout: s.layoutMs, paint: s.paintMs, other }));
process.exit(0);
