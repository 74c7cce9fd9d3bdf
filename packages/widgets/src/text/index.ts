export { EditingModel, type EditingModelOptions, type EditingState, type TextUnit, type TextDirection } from './editing-model.js';
export { UndoHistory, type TextSnapshot, type EditKind, type EditRecord } from './undo-history.js';
export { filterInsertion, type InsertionContext } from './input-filter.js';
export { clipboard, setSystemClipboard, type Clipboard } from './clipboard.js';
export { nextGrapheme, previousGrapheme, graphemeCount, nextWordEnd, previousWordStart, wordAt } from './segments.js';
