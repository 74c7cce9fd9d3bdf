/**
 * weston.ini for the weston end-to-end suite (weston 10, DRM backend, in the vkms VM).
 *
 * - `require-input=false`: the VM has no input devices, and weston stops without one.
 * - desktop-shell with no panel: kiosk-shell never maps a client when there is no seat. A
 *   fullscreen window then covers the whole output, nothing drawn over it.
 * - every animation off; `close-animation=none` above all: with the default fade, weston
 *   crashes in llvmpipe's JIT code right after a client with DMA-BUF buffers exits.
 * - `idle-time=0`: the output is never blanked during the run.
 */

/** The file's text; `background` is the shell's background colour (0xAARRGGBB). */
export function westonIni({ background = 0xff202020 } = {}) {
  const sections = {
    core: { shell: 'desktop-shell.so', 'require-input': 'false', 'idle-time': '0' },
    shell: {
      'panel-position': 'none', 'background-color': `0x${background.toString(16).padStart(8, '0')}`, locking: 'false',
      animation: 'none', 'close-animation': 'none', 'startup-animation': 'none', 'focus-animation': 'none',
    },
  };
  return Object.entries(sections)
    .map(([name, keys]) => [`[${name}]`, ...Object.entries(keys).map(([k, v]) => `${k}=${v}`)].join('\n'))
    .join('\n\n') + '\n';
}
