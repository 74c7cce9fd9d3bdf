/**
 * Golden images of the primitives. Goldens were created from renders that were looked at;
 * a change here means pixels changed: look at the .actual.png and .diff.png before updating.
 */
import { describe, expect, it } from 'vitest';
import { Canvas, Text, View } from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';

describe('snapshots', () => {
  it('boxes: borders, radii, gradients, shadows, opacity and transforms', async () => {
    const card = { width: 90, height: 60, margin: 10 } as const;
    const screen = await render(() => (
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', padding: 10, backgroundColor: '#eef1f5', width: '100%', height: '100%' }}>
        <View style={{ ...card, backgroundColor: '#2d6cdf', borderRadius: 12 }} />
        <View style={{ ...card, borderWidth: 4, borderColor: '#e5484d', borderRadius: 8, backgroundColor: 'white' }} />
        <View style={{ ...card, borderTopWidth: 6, borderLeftWidth: 2, borderColor: '#222', backgroundColor: '#ffd166' }} />
        <View style={{ ...card, backgroundGradient: { type: 'linear', angle: 90, colors: ['#ff7a00', '#ff2d95'] }, borderRadius: 30 }} />
        <View style={{ ...card, backgroundGradient: { type: 'radial', colors: ['white', '#3b82f6'] }, borderTopLeftRadius: 30, borderBottomRightRadius: 30 }} />
        <View style={{ ...card, backgroundColor: 'white', borderRadius: 10, shadow: { color: 'rgba(0,0,0,0.35)', blur: 12, offsetY: 6 } }} />
        <View style={{ ...card, backgroundColor: '#10b981', opacity: 0.5 }} />
        <View style={{ ...card, backgroundColor: '#8b5cf6', transform: [{ rotate: 20 }, { scale: 0.8 }] }} />
        <View style={{ ...card, overflow: 'hidden', borderRadius: 20, backgroundColor: '#0ea5e9' }}>
          <View style={{ width: 60, height: 60, backgroundColor: '#f97316', left: 50, top: 20 }} />
        </View>
      </View>
    ), { width: 360, height: 270 });
    await expect(screen).toMatchImageSnapshot('boxes');
    await screen.dispose();
  });

  it('text: sizes, weights, styles, spans, alignment, wrapping, ellipsis, right-to-left', async () => {
    const screen = await render(() => (
      <View style={{ padding: 12, gap: 8, width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Text style={{ fontSize: 22, fontWeight: 'bold', color: '#111' }}>Living room 21.5 °C</Text>
        <Text style={{ fontSize: 14, color: '#444' }}>
          Normal, <Text style={{ fontWeight: 'bold' }}>bold</Text>, <Text style={{ fontStyle: 'italic' }}>italic</Text>,{' '}
          <Text style={{ color: '#e5484d', textDecoration: 'underline' }}>underlined red</Text> and <Text style={{ fontFamily: 'monospace' }}>mono 0123</Text>
        </Text>
        <Text style={{ fontSize: 13, textAlign: 'center', backgroundColor: '#eef', lineHeight: 1.5 }}>Centred text that is long enough to wrap onto a second line at this width.</Text>
        <Text style={{ fontSize: 13, maxLines: 1, backgroundColor: '#fee' }}>One line only: this sentence is cut with an ellipsis because it is far too long</Text>
        <Text style={{ fontSize: 16, textAlign: 'right' }}>שלום עולם — مرحبا بالعالم</Text>
        <Text style={{ fontSize: 12, letterSpacing: 3, color: '#2d6cdf' }}>LETTER SPACING</Text>
      </View>
    ), { width: 360, height: 270 });
    await expect(screen).toMatchImageSnapshot('text');
    await screen.dispose();
  });

  it('canvas drawing, rotated and scaled outputs', async () => {
    const gauge = () => (
      <View style={{ width: '100%', height: '100%', backgroundColor: '#1b1f27', alignItems: 'center', justifyContent: 'center' }}>
        <Canvas style={{ width: 120, height: 120 }} draw={(c, { width, height }, ck) => {
          const p = new ck.Paint();
          p.setAntiAlias(true);
          p.setStyle(ck.PaintStyle.Stroke);
          p.setStrokeWidth(10);
          p.setStrokeCap(ck.StrokeCap.Round);
          p.setColor(ck.Color(60, 66, 80));
          const r = ck.XYWHRect(10, 10, width - 20, height - 20);
          c.drawArc(r, 135, 270, false, p);
          p.setColor(ck.Color(255, 140, 40));
          c.drawArc(r, 135, 170, false, p);
          p.delete();
        }} />
        <Text style={{ color: 'white', fontSize: 12 }}>rotation</Text>
      </View>
    );
    const rotated = await render(gauge, { width: 200, height: 160, rotation: 90 });
    await expect(rotated).toMatchImageSnapshot('canvas-rotated-90');
    await rotated.dispose();
    const scaled = await render(gauge, { width: 200, height: 160, scale: 2 });
    await expect(scaled).toMatchImageSnapshot('canvas-scale-2');
    await scaled.dispose();
  });
});
