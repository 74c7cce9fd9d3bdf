import { afterEach, describe, expect, it, vi } from 'vitest';
import { PNG } from 'pngjs';
import { BackendUnavailableError, View, backendNames, createApp, loadBackend, registerBackend, type Backend } from '@planar/toolkit';
import { opened } from './fixtures/mirror-backend.js';

const undo: (() => void)[] = [];
afterEach(() => {
  while (undo.length) undo.pop()!();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function Panel() {
  return <View style={{ width: '100%', height: '100%', backgroundColor: '#204060' }} />;
}

/** A backend of the test's own: the headless display, remembering what it was asked to open. */
function recordingBackend(name: string, sizes: string[]): Backend {
  return {
    name,
    async open(options) {
      sizes.push(`${options.width}x${options.height}`);
      return (await loadBackend('headless')).open(options);
    },
  };
}

async function firstPixel(app: { screenshot(): Promise<Uint8Array> }): Promise<number[]> {
  const png = PNG.sync.read(Buffer.from(await app.screenshot()));
  return [...png.data.subarray(0, 4)];
}

describe('backend registry', () => {
  it('knows headless, wayland and kms out of the box, in the order auto tries them', () => {
    expect(backendNames()).toEqual(['wayland', 'kms', 'preview', 'headless']);
  });

  it('runs an app on a backend object passed to createApp', async () => {
    const sizes: string[] = [];
    const app = await createApp(() => <Panel />, { backend: recordingBackend('bench-rig', sizes), width: 120, height: 80 });
    expect(app.backend).toBe('bench-rig');
    expect(sizes).toEqual(['120x80']);
    expect(await firstPixel(app)).toEqual([0x20, 0x40, 0x60, 255]);
    await app.close();
    // Passing an object registers nothing.
    expect(backendNames()).not.toContain('bench-rig');
  });

  it('opens a third backend registered by package name', async () => {
    undo.push(registerBackend('mirror', new URL('./fixtures/mirror-backend.ts', import.meta.url).href));
    expect(backendNames()).toEqual(['wayland', 'kms', 'preview', 'mirror', 'headless']);
    const before = opened.length;
    const app = await createApp(() => <Panel />, { backend: 'mirror', width: 64, height: 48 });
    expect(app.backend).toBe('mirror');
    expect(opened.slice(before)).toEqual(['64x48']);
    expect(await firstPixel(app)).toEqual([0x20, 0x40, 0x60, 255]);
    await app.close();
  });

  it('lets auto pick a registered backend after wayland and kms, saying why it passed those over', async () => {
    vi.stubEnv('WAYLAND_DISPLAY', '');
    // No test opens a real DRM card: kms stands in here as a backend that cannot open.
    undo.push(registerBackend('kms', { name: 'kms', open: () => Promise.reject(new BackendUnavailableError('kms', 'no card in this test')) }, { autoProbe: true }));
    const sizes: string[] = [];
    undo.push(registerBackend('rig', recordingBackend('rig', sizes), { autoProbe: () => null }));
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a) => { lines.push(a.join(' ')); });
    const app = await createApp(() => <Panel />, { width: 100, height: 50 });
    expect(app.backend).toBe('rig');
    expect(sizes).toEqual(['100x50']);
    expect(lines).toEqual(['planar: using the rig backend (wayland: WAYLAND_DISPLAY is not set; kms: no card in this test)']);
    await app.close();
  });

  it('leaves a backend registered without autoProbe to be asked for by name', async () => {
    vi.stubEnv('WAYLAND_DISPLAY', '');
    undo.push(registerBackend('kms', { name: 'kms', open: () => Promise.reject(new BackendUnavailableError('kms', 'no card in this test')) }, { autoProbe: true }));
    const sizes: string[] = [];
    undo.push(registerBackend('rig', recordingBackend('rig', sizes)));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = await createApp(() => <Panel />, { width: 100, height: 50 });
    expect(app.backend).toBe('headless');
    expect(sizes).toEqual([]);
    await app.close();
  });

  it('rejects an unknown name, listing the backends it knows and how to add one', async () => {
    await expect(createApp(() => <Panel />, { backend: 'framebuffer' })).rejects.toThrow(
      'no backend is registered as "framebuffer"; the known backends are auto, wayland, kms, preview, headless. '
      + "Check the spelling, or register it first: registerBackend('framebuffer', '<package that exports backend>')",
    );
  });

  it('says how to install a registered package that is missing', async () => {
    undo.push(registerBackend('preview', '@planar/preview-not-installed'));
    await expect(createApp(() => <Panel />, { backend: 'preview' })).rejects.toThrow(
      'the preview backend is not available: the package @planar/preview-not-installed is not installed (npm install @planar/preview-not-installed)',
    );
  });

  it('puts back what a registration replaced when it is undone', async () => {
    const standIn = recordingBackend('kms', []);
    const off = registerBackend('kms', standIn);
    expect(await loadBackend('kms')).toBe(standIn);
    off();
    expect(backendNames()).toEqual(['wayland', 'kms', 'preview', 'headless']);
    // The package again (loaded, not opened).
    expect(await loadBackend('kms')).not.toBe(standIn);
  });

  it('refuses names it could not tell apart from auto or a flag', () => {
    expect(() => registerBackend('auto', '@x/y')).toThrow('"auto" cannot name a backend');
    expect(() => registerBackend('My Backend', '@x/y')).toThrow('"My Backend" cannot name a backend');
  });
});
