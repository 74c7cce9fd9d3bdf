/**
 * @planar/widgets — Planar's widget set, built on @planar/toolkit's public API: theme tokens in
 * context, state styles, and themed controls.
 *
 * @example
 * import { ThemeProvider, darkTheme, useTheme } from '@planar/widgets';
 * <ThemeProvider theme={darkTheme}><Settings /></ThemeProvider>
 */
export * from './theme/index.js';
export { Icon, ICON_GRID, themeColor, type IconProps } from './icon.js';
export { withPaints, type PaintOptions, type SkCanvas, type CK, type SkPaint } from './paints.js';
export { icons, ICON_NAMES, type IconGlyph, type IconName } from './icons.js';
export { Heading, Label, Caption, type HeadingProps, type TypographyProps } from './typography.js';
export { Divider, type DividerProps } from './divider.js';
export { Badge, type BadgeProps, type BadgeTone } from './badge.js';
export { Button, useButton, BUTTON_REPEAT, type ButtonProps, type ButtonVariant, type ButtonRepeat, type ButtonBehaviour } from './button.js';
export { ToggleButton, useToggleButton, type ToggleButtonProps, type ToggleButtonBehaviour } from './toggle-button.js';
export { SegmentedControl, useSegmentedControl, type SegmentedControlProps, type SegmentOption, type SegmentedControlBehaviour } from './segmented-control.js';
export { Card, type CardProps, type CardVariant } from './card.js';
export { ListItem, type ListItemProps } from './list-item.js';
export { Switch, useSwitch, type SwitchProps, type SwitchBehaviour } from './switch.js';
export { Checkbox, useCheckbox, type CheckboxProps, type CheckboxBehaviour, type CheckedState } from './checkbox.js';
export { RadioGroup, useRadioGroup, type RadioGroupProps, type RadioGroupBehaviour, type RadioOption } from './radio-group.js';
export { Slider, type SliderProps } from './slider.js';
export { useSlider, type SliderValue, type SliderState, type SliderStateProps, type SliderGeometry } from './slider-state.js';
export { SpinBox, useSpinBox, SPIN_REPEAT, type SpinBoxProps, type SpinBoxBehaviour } from './spin-box.js';
export { ProgressBar, useProgressBar, INDETERMINATE_PERIOD_MS, type ProgressBarProps, type ProgressBarState } from './progress-bar.js';
export { Spinner, SPINNER_PERIOD_MS, type SpinnerProps } from './spinner.js';
export { Gauge, useGauge, SMALL_DIAL, type GaugeProps, type GaugeState, type GaugeRange, type GaugeIndicator } from './gauge.js';
export { Select, useSelect, type SelectProps, type SelectOption, type SelectState } from './select.js';
export { Tabs, useTabs, type TabsProps, type TabItem, type TabsState } from './tabs.js';
export { OverlayHost, useOverlays, type OverlayHostProps, type OverlayManager, type EscapeEntry } from './overlay.js';
export { Overlay, SCRIM_OPACITY, type OverlayProps } from './overlay-layer.js';
export { Dialog, DialogAction, useDialog, type DialogProps, type DialogActionProps, type DialogState } from './dialog.js';
export { useMessageBox, type MessageBoxOptions, type MessageBoxFunction } from './message-box.js';
export { useToast, TOAST_LIMIT, TOAST_DURATION, type ToastOptions, type ToastHandle, type ToastFunction } from './toast.js';
export * from './scroll/index.js';
export * from './list/index.js';
export * from './text/index.js';
export * from './keyboard/index.js';
