import { afterEach, describe, expect, it, vi } from 'vitest';
import { Image, Text, View, registerFont, signal, type Style } from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('bad props', () => {
  it('names the component, the prop and the value, and still renders the frame', async () => {
    const printed: string[] = [];
    function Gauge() {
      return (
        <View style={{ width: 100, height: 50, backgroundColor: 'green' }}>
          <View style={{ width: NaN, height: 10, backgroundColor: 'blurple' }} />
          <Text style={{ fontSize: -3, fontFamily: 'No Such Family' }}>hello</Text>
        </View>
      );
    }
    const screen = await render(() => <Gauge />, { width: 200, height: 100, onError: (e) => printed.push(e.message) });
    const text = printed.join('\n');
    expect(text).toMatch(/bad prop on <Gauge › View>: style\.width = NaN: expected a number of px, 'auto' or a percentage/);
    expect(text).toMatch(/bad prop on <Gauge › View>: style\.backgroundColor = "blurple": unknown colour/);
    expect(text).toMatch(/bad prop on <Gauge › Text>: style\.fontSize = -3: must be at least 0/);
    expect(text).toMatch(/bad prop on <Gauge › Text>: style\.fontFamily = "No Such Family": unknown font family "No Such Family": register it with registerFont\(\)/);
    expect(screen.pixel(90, 40)).toEqual([0, 128, 0, 255]);
    expect(screen.find({ text: 'hello' }).height).toBeGreaterThan(0);
    await screen.dispose();
  });

  it('reports a bad value that arrives later through a signal, once per value, to app.on("error")', async () => {
    const color = signal('red');
    const screen = await render(() => <View testId="box" style={{ width: 50, height: 50, backgroundColor: color }} />, { width: 100, height: 100 });
    const errors: Error[] = [];
    screen.app.on('error', (e) => errors.push(e));
    color.value = 'rgb(1,2)';
    await screen.flush();
    color.value = 'red';
    await screen.flush();
    color.value = 'rgb(1,2)';
    await screen.flush();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('style.backgroundColor = "rgb(1,2)"');
    // The bad value counts as unset: the box has no background, the frame still renders.
    expect(screen.pixel(10, 10)).toEqual([255, 255, 255, 255]);
    await screen.dispose();
  });

  it('in production logs a bad prop once as a warning instead of an error event', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...a) => { warnings.push(a.join(' ')); });
    try {
      const style = signal<Style>({ width: -5 });
      const screen = await render(() => <View style={style} />, { width: 100, height: 100 });
      const errors: Error[] = [];
      screen.app.on('error', (e) => errors.push(e));
      style.value = { width: -5, height: 1 };
      await screen.flush();
      expect(errors).toEqual([]);
      expect(warnings.filter((w) => w.includes('style.width = -5'))).toHaveLength(1);
      await screen.dispose();
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it('rejects a string outside <Text> and a <View> inside <Text>', async () => {
    const printed: string[] = [];
    const screen = await render(() => <View>stray<Text>ok<View /></Text></View>, { width: 100, height: 100, onError: (e) => printed.push(e.message) });
    expect(printed.join('\n')).toMatch(/the text "stray" must be inside a <Text>/);
    expect(printed.join('\n')).toMatch(/<View> cannot be inside a <Text>/);
    expect(screen.find({ text: 'ok' })).toBeTruthy();
    await screen.dispose();
  });
});

describe('missing files', () => {
  it('an image that does not exist is an error event with its path, and a placeholder is drawn', async () => {
    const printed: string[] = [];
    function Avatar() {
      return <Image testId="img" src="/nonexistent/avatar.png" style={{ width: 40, height: 40 }} />;
    }
    const screen = await render(() => <Avatar />, { width: 100, height: 100, onError: (e) => printed.push(e.message) });
    expect(printed.join('\n')).toMatch(/cannot load image \/nonexistent\/avatar\.png: no such file \(in Avatar\)/);
    const [r, g, b] = screen.pixel(20, 3);
    expect([r, g, b]).toEqual([200, 200, 200]);
    await screen.dispose();
  });

  it('bytes that are not an image are an error event saying so', async () => {
    const errors: string[] = [];
    const screen = await render(() => <Image src={new Uint8Array([1, 2, 3, 4])} style={{ width: 10, height: 10 }} />, { width: 50, height: 50, onError: (e) => errors.push(e.message) });
    expect(errors.join('\n')).toMatch(/cannot decode image 4 bytes of image data: not a PNG, JPEG, WebP or GIF/);
    await screen.dispose();
  });

  it('registerFont with a missing file rejects with the path and the family', async () => {
    await expect(registerFont('/nope/Inter.ttf', { family: 'Inter' })).rejects.toThrow('cannot load the font /nope/Inter.ttf for family "Inter": no such file');
  });
});
