/**
 * Converts the layout part of a Planar `style` to inline CSS, so the same box tree can be laid
 * out by a browser. One table row per style key: the CSS longhands it sets, whether numbers stay
 * unitless, and its rank. Keys are written in rank order so that a narrower key overrides a
 * broader one the way Yoga resolves them (paddingTop > paddingVertical > padding, rowGap > gap).
 *
 * Only the keys present are written; the Yoga defaults Planar keeps (column direction,
 * flex-shrink 0, ...) are the page's base rule, see `BASE_CSS`.
 */
import type { Style } from '@planar/toolkit';

interface Rule {
  /** CSS longhands set to the value, in order. */
  css: readonly string[];
  /** Numbers are written without `px` (flex-grow, aspect-ratio, ...). */
  unitless?: boolean;
  /** Lower ranks are written first: 0 = all edges, 1 = one axis, 2 = one edge. */
  rank?: 0 | 1 | 2;
}

const EDGES = ['top', 'right', 'bottom', 'left'] as const;
const all = (prefix: string, suffix = ''): Rule => ({ css: EDGES.map((e) => `${prefix}-${e}${suffix}`), rank: 0 });
const horizontal = (prefix: string, suffix = ''): Rule => ({ css: [`${prefix}-left${suffix}`, `${prefix}-right${suffix}`], rank: 1 });
const vertical = (prefix: string, suffix = ''): Rule => ({ css: [`${prefix}-top${suffix}`, `${prefix}-bottom${suffix}`], rank: 1 });
const edge = (prefix: string, side: (typeof EDGES)[number], suffix = ''): Rule => ({ css: [`${prefix}-${side}${suffix}`], rank: 2 });
const plain = (css: string, unitless = false): Rule => ({ css: [css], unitless });

const RULES = {
  display: plain('display'),
  position: plain('position'),
  top: plain('top'),
  right: plain('right'),
  bottom: plain('bottom'),
  left: plain('left'),
  width: plain('width'),
  height: plain('height'),
  minWidth: plain('min-width'),
  minHeight: plain('min-height'),
  maxWidth: plain('max-width'),
  maxHeight: plain('max-height'),
  aspectRatio: plain('aspect-ratio', true),
  flexDirection: plain('flex-direction'),
  flexWrap: plain('flex-wrap'),
  flexGrow: plain('flex-grow', true),
  flexShrink: plain('flex-shrink', true),
  flexBasis: plain('flex-basis'),
  justifyContent: plain('justify-content'),
  alignItems: plain('align-items'),
  alignSelf: plain('align-self'),
  alignContent: plain('align-content'),
  gap: { css: ['row-gap', 'column-gap'], rank: 0 },
  rowGap: { css: ['row-gap'], rank: 2 },
  columnGap: { css: ['column-gap'], rank: 2 },
  padding: all('padding'),
  paddingHorizontal: horizontal('padding'),
  paddingVertical: vertical('padding'),
  paddingTop: edge('padding', 'top'),
  paddingRight: edge('padding', 'right'),
  paddingBottom: edge('padding', 'bottom'),
  paddingLeft: edge('padding', 'left'),
  margin: all('margin'),
  marginHorizontal: horizontal('margin'),
  marginVertical: vertical('margin'),
  marginTop: edge('margin', 'top'),
  marginRight: edge('margin', 'right'),
  marginBottom: edge('margin', 'bottom'),
  marginLeft: edge('margin', 'left'),
  borderWidth: all('border', '-width'),
  borderTopWidth: edge('border', 'top', '-width'),
  borderRightWidth: edge('border', 'right', '-width'),
  borderBottomWidth: edge('border', 'bottom', '-width'),
  borderLeftWidth: edge('border', 'left', '-width'),
  overflow: plain('overflow'),
} satisfies { [K in keyof Style]?: Rule };

/** The style keys that have a CSS equivalent here: Planar's layout keys. */
export type LayoutKey = keyof typeof RULES;
/** A Planar style restricted to layout keys. */
export type LayoutStyle = Pick<Style, LayoutKey>;

/**
 * The rule every box of the page gets before its own style: Yoga's defaults, which Planar keeps,
 * spelled out in CSS (border-box sizing, no automatic minimum size, solid borders of width 0 so
 * that a border width is all a box needs).
 */
export const BASE_CSS = [
  'display:flex', 'flex-direction:column', 'flex-shrink:0', 'align-content:flex-start', 'position:relative',
  'box-sizing:border-box', 'min-width:0', 'min-height:0', 'border:0 solid', 'margin:0', 'padding:0',
].join(';');

/** Inline CSS for the layout keys of `style`; throws on a key without a CSS equivalent. */
export function styleToCss(style: LayoutStyle): string {
  const entries = Object.entries(style).filter(([, value]) => value !== undefined);
  const rules = entries.map(([key, value]) => {
    const rule: Rule | undefined = (RULES as Record<string, Rule>)[key];
    if (!rule) throw new Error(`styleToCss: no CSS equivalent for style.${key}`);
    return { rule, value: value as string | number };
  });
  rules.sort((a, b) => (a.rule.rank ?? 0) - (b.rule.rank ?? 0));
  const out: string[] = [];
  for (const { rule, value } of rules) {
    const css = typeof value === 'number' && !rule.unitless ? `${value}px` : String(value);
    for (const property of rule.css) out.push(`${property}:${css}`);
  }
  return out.join(';');
}
