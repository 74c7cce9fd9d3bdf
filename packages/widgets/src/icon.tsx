/**
 * Icon: a glyph of SVG path data on a 24 × 24 grid, drawn as CanvasKit paths scaled to the
 * icon's box, so it is sharp at any size and scale. The colour is a theme colour role or any
 * colour, read inside the draw callback so that a theme switch redraws the icon alone. A glyph
 * that points along the line (`mirrorInRtl`) is drawn mirrored where the layout reads right to left.
 */
import { Canvas, color4f, parseColor, read, useDirection, type NodeHandle, type Reactive } from '@planar/toolkit';
import type { Canvas as SkCanvas, CanvasKit } from 'canvaskit-wasm';
import { useTheme, type ColorRoles, type StyleValues, type Theme } from './theme/index.js';
import { usePropReporter } from './internal/prop-report.js';
import { ICON_NAMES, icons, type IconGlyph, type IconName } from './icons.js';

/** The grid every glyph is drawn on. */
export const ICON_GRID = 24;

export interface IconProps {
  /** A glyph of the icon set. */
  name?: Reactive<IconName>;
  /** Your own glyph: path data on the 24 × 24 grid (filled), or `{ stroke, fill }`. Wins over `name`. */
  glyph?: Reactive<string | IconGlyph>;
  /** Width and height in logical px (default 24). */
  size?: Reactive<number>;
  /** A colour role of the theme (`'primary'`) or any colour (default the theme's `onSurfaceVariant`). */
  color?: Reactive<keyof ColorRoles | (string & {})>;
  /** Drawn at the theme's disabled opacity (0.38). */
  disabled?: Reactive<boolean | undefined>;
  /** What the icon means, for a standalone icon (role `img`); without it the icon is decoration, left out of the semantics tree. */
  label?: Reactive<string | undefined>;
  testId?: Reactive<string | undefined>;
  style?: StyleValues;
}

/** Resolves a colour role name of the theme, or returns the colour as given. */
export function themeColor(theme: Theme, color: string): string {
  return Object.hasOwn(theme.colors, color) ? theme.colors[color as keyof ColorRoles] : color;
}

/**
 * A glyph from the icon set (or your own path data), sized and coloured from the theme.
 * @example
 * <Icon name="wifi" />
 * <Icon name="warning" size={32} color="error" label="Sensor offline" />
 * <Icon glyph={{ stroke: 'M4 12h16' }} color={() => (on.value ? 'primary' : 'outline')} />
 */
export function Icon(props: IconProps) {
  const theme = useTheme();
  const direction = useDirection();
  const ref = { current: null as NodeHandle | null };
  const report = usePropReporter(ref);
  const size = () => {
    const s = props.size === undefined ? ICON_GRID : read(props.size);
    if (Number.isFinite(s) && s > 0) return s;
    report('size', s, `must be a positive number of px; drawing at ${ICON_GRID}`);
    return ICON_GRID;
  };
  const glyph = (): IconGlyph | null => {
    if (props.glyph !== undefined) {
      const g = read(props.glyph);
      return typeof g === 'string' ? { fill: g } : g;
    }
    const name = props.name === undefined ? undefined : read(props.name);
    if (name !== undefined && Object.hasOwn(icons, name)) return icons[name];
    report('name', name, `no such icon — give one of ${ICON_NAMES.join(', ')}, or your own path data as \`glyph\`; drawing nothing`);
    return null;
  };
  const color = () => {
    const given = props.color === undefined ? undefined : read(props.color);
    const resolved = themeColor(theme, given ?? 'onSurfaceVariant');
    if (parseColor(resolved)) return resolved;
    report('color', given, `neither a colour role of the theme (${Object.keys(theme.colors).slice(0, 4).join(', ')}, …) nor a colour; using onSurfaceVariant`);
    return theme.colors.onSurfaceVariant;
  };
  const draw = (canvas: SkCanvas, box: { width: number; height: number }, ck: CanvasKit) => {
    const g = glyph();
    if (!g) return;
    const paint = new ck.Paint();
    try {
      paint.setAntiAlias(true);
      paint.setColor(color4f(color()));
      canvas.save();
      if (g.mirrorInRtl && direction.value === 'rtl') canvas.concat([-1, 0, box.width, 0, 1, 0, 0, 0, 1]);
      canvas.scale(box.width / ICON_GRID, box.height / ICON_GRID);
      if (g.fill) drawPath(canvas, ck, paint, g.fill, false);
      if (g.stroke) drawPath(canvas, ck, paint, g.stroke, true);
      canvas.restore();
    } finally {
      paint.delete();
    }
  };
  const drawPath = (canvas: SkCanvas, ck: CanvasKit, paint: InstanceType<CanvasKit['Paint']>, data: string, stroke: boolean) => {
    const path = ck.Path.MakeFromSVGString(data);
    if (!path) {
      report('glyph', data, 'is not SVG path data (M, L, H, V, C, S, Q, T, A, Z commands on a 24 × 24 grid); that part is not drawn');
      return;
    }
    try {
      paint.setStyle(stroke ? ck.PaintStyle.Stroke : ck.PaintStyle.Fill);
      if (stroke) {
        paint.setStrokeWidth(2);
        paint.setStrokeCap(ck.StrokeCap.Round);
        paint.setStrokeJoin(ck.StrokeJoin.Round);
      }
      canvas.drawPath(path, paint);
    } finally {
      path.delete();
    }
  };
  return (
    <Canvas
      ref={ref}
      testId={props.testId}
      draw={draw}
      semantics={() => {
        const label = props.label === undefined ? undefined : read(props.label);
        return label ? { role: 'img', label } : { hidden: true };
      }}
      style={{
        width: size, height: size, flexShrink: 0,
        opacity: () => (props.disabled !== undefined && read(props.disabled) ? 0.38 : 1),
        ...props.style,
      }}
    />
  );
}
