/** Scrolling widgets: ScrollView, Pager, and the input binding and scrollbars they share. */
export { ScrollView, type ScrollViewProps } from './scroll-view.js';
export { ScrollChainContext, useScrollInput, scrollKey, type ScrollChain, type ScrollInputOptions, type ScrollInputProps, type ScrollAxis } from './scroll-input.js';
export { Scrollbars, thumbSpan, useScrollbarFade, SCROLLBAR_FADE_DELAY_MS, SCROLLBAR_FADE_MS, type ScrollbarMode, type ScrollbarsProps, type ViewportSizes } from './scrollbar.js';
export { usePullToRefresh, RefreshIndicator, REFRESH_THRESHOLD, REFRESH_HOLD, type PullToRefresh } from './pull-to-refresh.js';
export { Pager, type PagerProps } from './pager.js';
