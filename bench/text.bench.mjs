/**
 * Typing into a TextField on an 800x480 form (headless, planes emulated):
 *
 *   text.keystroke.frame.ms     a character typed: from the key's text event to the frame
 *                               committed (median of 40 keystrokes after a warm-up)
 *   text.keystroke.damaged_px   pixels repainted by that frame (median), next to
 *   text.keystroke.line_px      the field's own box (the goal: no more than the field's line)
 */
import { Text, View } from '@planar/toolkit';
import { jsx, jsxs } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { TextField, ThemeProvider, darkTheme } from '@planar/widgets';

export const name = 'text';

function form() {
  return jsx(ThemeProvider, {
    theme: darkTheme,
    children: jsxs(View, {
      style: { width: 800, height: 480, padding: 24, gap: 16, backgroundColor: '#10151e' },
      children: [
        jsx(Text, { style: { fontSize: 24, color: 'white' }, children: 'Wi-Fi' }),
        jsx(TextField, { label: 'Network name', testId: 'field', style: { width: 400 } }),
        jsx(Text, { style: { fontSize: 14, color: '#aab' }, children: 'The name the panel shows on your network.' }),
      ],
    }),
  });
}

export async function run() {
  const screen = await render(form, { width: 800, height: 480, planes: 'pi5', checkDamage: false });
  await screen.tap(screen.getByRole('textbox', { name: 'Network name' }));
  const field = screen.find({ testId: 'field' });
  const letters = 'the quick brown fox jumps over the lazy dog';
  const samples = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    screen.display.inject({ kind: 'text', text: letters[i % letters.length], timestamp: t });
    await screen.flush();
    const ms = performance.now() - t;
    if (i >= 10) samples.push({ ms, px: screen.stats.damagedPx });
  }
  await screen.dispose();
  const median = (key) => samples.map((s) => s[key]).sort((a, b) => a - b)[samples.length >> 1];
  return {
    'text.keystroke.frame.ms': { value: median('ms'), unit: 'ms' },
    'text.keystroke.damaged_px': { value: median('px'), unit: 'px' },
    'text.keystroke.line_px': { value: Math.round(field.width * field.height), unit: 'px' },
  };
}
