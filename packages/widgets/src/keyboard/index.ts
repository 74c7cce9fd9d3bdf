export {
  OnScreenKeyboard, KEYBOARD_SLIDE_MS, KEYBOARD_LONG_PRESS_MS, KEYBOARD_KEY_HEIGHT, type OnScreenKeyboardProps, type KeyboardMode,
} from './on-screen-keyboard.js';
export { validateLayout, charKeys, KEY_KINDS, type KeyboardLayout, type KeySpec, type KeyKind } from './layout-types.js';
export { KEYBOARD_LAYOUTS, QWERTY, AZERTY, QWERTZ, ARABIC, SYMBOLS, NUMBER_PAD, DECIMAL_PAD, PIN_PAD } from './layouts.js';
export { ENTER_LABELS } from './policy.js';
