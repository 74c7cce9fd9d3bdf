/**
 * Typography helpers: text in the theme's type roles and colours, so screens read alike.
 * `Heading` (a `heading` for assistive technology), `Label` (a control's or a value's name)
 * and `Caption` (small secondary text). Each takes a colour role or any colour.
 */
import { Text, read, type Child, type Reactive } from '@planar/toolkit';
import { useTheme, type ColorRoles, type StyleValues, type TypeRole } from './theme/index.js';
import { themeColor } from './icon.js';

export interface TypographyProps {
  children?: Child;
  /** A colour role of the theme (`'primary'`) or any colour. */
  color?: Reactive<keyof ColorRoles | (string & {})>;
  /** Lines shown at most; the last one ends with an ellipsis. */
  maxLines?: number;
  testId?: string;
  style?: StyleValues;
}

export interface HeadingProps extends TypographyProps {
  /** 1 (a screen's title), 2 (a section) or 3 (a group); default 2. */
  level?: 1 | 2 | 3;
}

const HEADING_ROLES: Record<1 | 2 | 3, TypeRole> = { 1: 'headlineSmall', 2: 'titleLarge', 3: 'titleMedium' };

function Styled(props: TypographyProps & { role: TypeRole; defaultColor: keyof ColorRoles; heading?: boolean }): Child {
  const theme = useTheme();
  const color = () => themeColor(theme, props.color === undefined ? props.defaultColor : read(props.color));
  return (
    <Text
      testId={props.testId}
      semantics={props.heading ? { role: 'heading' } : undefined}
      style={{ ...theme.typography(props.role), color, maxLines: props.maxLines, ...props.style }}
    >
      {props.children}
    </Text>
  );
}

/**
 * A heading: a screen's title (level 1), a section's (2) or a group's (3), in the surface's text colour.
 * @example <Heading level={1}>Settings</Heading>
 */
export function Heading(props: HeadingProps): Child {
  const level = props.level ?? 2;
  return <Styled {...props} role={HEADING_ROLES[level] ?? HEADING_ROLES[2]} defaultColor="onSurface" heading />;
}

/**
 * A label: the name of a control or a value, in the label type.
 * @example <Label>Night mode from</Label>
 */
export function Label(props: TypographyProps): Child {
  return <Styled {...props} role="labelLarge" defaultColor="onSurface" />;
}

/**
 * A caption: small secondary text under a value or at the foot of a card.
 * @example <Caption>Updated 2 min ago</Caption>
 */
export function Caption(props: TypographyProps): Child {
  return <Styled {...props} role="bodySmall" defaultColor="onSurfaceVariant" />;
}
