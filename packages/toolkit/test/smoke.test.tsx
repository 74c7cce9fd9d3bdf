import { describe, expect, it } from 'vitest';
import { View, Text } from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';

describe('smoke', () => {
  it('renders a box with text', async () => {
    const screen = await render(() => (
      <View style={{ padding: 20, gap: 10, flexDirection: 'row', backgroundColor: '#223', width: '100%', height: '100%' }}>
        <View testId="a" style={{ width: 80, height: 60, backgroundColor: 'tomato', borderRadius: 12, shadow: { blur: 8, offsetY: 4, color: 'rgba(0,0,0,0.6)' } }} />
        <View style={{ width: 120, height: 60, backgroundGradient: { type: 'linear', angle: 90, colors: ['#08f', '#0f8'] }, borderWidth: 3, borderColor: 'white', borderRadius: 8 }} />
        <Text style={{ color: 'white', fontSize: 24 }}>Hello <Text style={{ fontWeight: 'bold', color: 'gold' }}>Planar</Text> مرحبا</Text>
      </View>
    ), { width: 480, height: 160 });
    expect(screen.find({ testId: 'a' })).toEqual({ x: 20, y: 20, width: 80, height: 60 });
    expect(screen.pixel(60, 50)).toEqual([255, 99, 71, 255]);
    await screen.dispose();
  });
});
