/** Lists: VirtualList (any length, only the rows near the viewport mounted) and Roller (a picker wheel). */
export { VirtualList, DEFAULT_ROW_ESTIMATE, type VirtualListProps, type VirtualListOptions, type KeyedRowProps, type RecycledRowProps } from './virtual-list.js';
export { VirtualListController, type ScrollToIndexOptions, type VirtualListControllerOptions } from './virtual-list-controller.js';
export { SectionHeader, SECTION_HEADER_HEIGHT } from './section-header.js';
export { Roller } from './roller.js';
export { useRoller, ROLLER_ROW_HEIGHT, type RollerProps, type RollerBehaviour } from './use-roller.js';
export type { RollerGeometry } from './roller-geometry.js';
