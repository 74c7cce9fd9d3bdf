/**
 * MessageBox: one call asks, the pressed button answers (by tap or keys), a dismissal answers
 * the cancel button or null, it stacks over a dialog with Escape closing the top one first,
 * bad buttons are reported, and the states sheet in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, type Child } from '@planar/toolkit';
import {
  Dialog, DialogAction, OverlayHost, ThemeProvider, darkTheme, lightTheme, useMessageBox,
  type MessageBoxFunction, type ThemeTokens,
} from '../src/index.js';
import { renderPlain } from './harness.js';
import { Page } from './overlay-page.js';

/** Mounts a page under an OverlayHost and hands back its messageBox function. */
async function mount(theme: ThemeTokens = lightTheme, extra?: () => Child, onError?: (e: Error) => void) {
  let messageBox: MessageBoxFunction | null = null;
  function Grab() {
    messageBox = useMessageBox();
    return <View />;
  }
  const screen = await renderPlain(() => (
    <ThemeProvider theme={theme}>
      <OverlayHost>
        <Page />
        <Grab />
        {extra?.()}
      </OverlayHost>
    </ThemeProvider>
  ), { width: 480, height: 320, onError });
  return { screen, ask: messageBox! };
}

const RESTART = { title: 'Restart panel?', message: 'The screen goes dark for about 20 seconds.', buttons: ['Cancel', 'Restart'], cancelButton: 'Cancel' } as const;

describe('messageBox', () => {
  it('resolves with the button tapped, as an alert dialog named by its title and described by its message', async () => {
    const { screen, ask } = await mount();
    const choice = ask(RESTART);
    await screen.advance(300);
    const box = screen.getByRole('alertdialog', { name: 'Restart panel?' });
    expect(box.description).toBe('The screen goes dark for about 20 seconds.');
    await screen.tap(screen.getByRole('button', { name: 'Restart' }));
    await expect(choice).resolves.toBe('Restart');
    await screen.advance(300);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('answers from the keys: focus starts on the first button, Tab and Enter pick another', async () => {
    const { screen, ask } = await mount();
    const choice = ask({ title: 'Unit', buttons: ['Celsius', 'Fahrenheit', 'Kelvin'] });
    await screen.advance(300);
    expect(screen.getByRole('button', { name: 'Celsius' })).toHaveFocus();
    await screen.key('Tab');
    await screen.key('Enter');
    await expect(choice).resolves.toBe('Fahrenheit');
  });

  it('answers the cancel button on Escape, and null on a tap outside when there is none', async () => {
    const { screen, ask } = await mount();
    const first = ask(RESTART);
    await screen.advance(300);
    await screen.key('Escape');
    await expect(first).resolves.toBe('Cancel');
    await screen.advance(300);

    const second = ask({ title: 'Saved', message: 'The schedule is saved.' });
    await screen.advance(300);
    expect(screen.getByRole('button', { name: 'OK' })).toBeVisible();
    await screen.tap({ x: 8, y: 310 });
    await expect(second).resolves.toBeNull();
  });

  it('stacks over an open dialog: above it, and Escape closes the message box first', async () => {
    const { screen, ask } = await mount(lightTheme, () => (
      <Dialog defaultOpen testId="settings" title="Display" actions={<DialogAction label="Done" />} />
    ));
    await screen.advance(300);
    const choice = ask({ ...RESTART, testId: 'question' });
    await screen.advance(300);
    // The message box's layer sits above the dialog's: a tap at its button reaches it.
    await screen.tap(screen.getByRole('button', { name: 'Restart' }));
    await expect(choice).resolves.toBe('Restart');
    await screen.advance(300);
    expect(screen.getByRole('dialog', { name: 'Display' })).toBeVisible();

    const again = ask(RESTART);
    await screen.advance(300);
    await screen.key('Escape');
    await expect(again).resolves.toBe('Cancel');
    await screen.advance(300);
    expect(screen.getByRole('dialog', { name: 'Display' })).toBeVisible();
    await screen.key('Escape');
    await screen.advance(300);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('reports buttons that are empty or repeated, naming the prop and value, and shows what it can', async () => {
    const errors: string[] = [];
    const { screen, ask } = await mount(lightTheme, undefined, (e) => errors.push(e.message));
    void ask({ title: 'Empty', buttons: [] });
    await screen.advance(300);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/messageBox\.buttons/);
    expect(errors[0]).toMatch(/\[\]/);
    expect(screen.getByRole('button', { name: 'OK' })).toBeVisible();
    await screen.key('Escape');
    await screen.advance(300);

    void ask({ title: 'Twice', buttons: ['Yes', 'Yes', 'No'], cancelButton: 'Maybe' });
    await screen.advance(300);
    expect(errors).toHaveLength(3);
    expect(errors[1]).toMatch(/messageBox\.buttons/);
    expect(errors[1]).toContain('["Yes","No"]');
    expect(errors[2]).toMatch(/cancelButton/);
    expect(screen.getAllByRole('button').map((b) => b.name)).toEqual(['Yes', 'No']);
  });

  for (const theme of [lightTheme, darkTheme]) {
    it(`draws its states in the ${theme.name} theme: open over the page, the last button filled, focus ring from the keys`, async () => {
      const { screen, ask } = await mount(theme);
      void ask({ title: 'Restart panel?', message: 'Unsaved schedule changes will be lost.', buttons: ['Cancel', 'Save first', 'Restart'] });
      await screen.advance(300);
      await screen.key('Tab');
      expect(screen.getByRole('button', { name: 'Save first' })).toHaveFocus();
      await screen.advance(300);   // the buttons' state colours transition
      await expect(screen).toMatchImageSnapshot(`message-box-states-${theme.name}`);
    });
  }
});
