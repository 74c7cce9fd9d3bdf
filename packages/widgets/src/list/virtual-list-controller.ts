/**
 * VirtualListController: what an app holds to scroll a VirtualList from outside — to an item
 * (`scrollToIndex`), to an offset, and which item is at the top. It owns the list's Scroller,
 * so it is made while a component runs (like a Scroller), and it serves one list at a time.
 */
import { Scroller, signal, useContext, type ReadonlySignal } from '@planar/toolkit';
import { ScrollChainContext } from '../scroll/scroll-input.js';

export interface ScrollToIndexOptions {
  /**
   * Where the item lands: its top at the viewport's top ('start', the default; below a pinned
   * section header), its middle at the middle ('center'), its bottom at the bottom ('end'), or
   * the least scroll that shows it ('nearest').
   */
  align?: 'start' | 'center' | 'end' | 'nearest';
  /** Glide there (default), or jump (`false`; also under reduced motion). */
  animate?: boolean;
}

/** The list's side of the controller. */
export interface ControlledList {
  scrollToIndex(index: number, options: ScrollToIndexOptions): void;
}

export interface VirtualListControllerOptions {
  /** Past an edge: stretch and spring back ('bounce', the default), or stop ('clamp'). */
  overscroll?: 'bounce' | 'clamp';
}

/**
 * Scrolls a VirtualList from outside. Make it in a component and give it to the list.
 * @example
 * const list = new VirtualListController();
 * <VirtualList controller={list} items={messages} key={(m) => m.id} renderItem={(m) => <Bubble m={m} />} />
 * <Button label="Latest" onPress={() => list.scrollToIndex(messages.value.length - 1, { align: 'end' })} />
 */
export class VirtualListController {
  /** The list's scroller: its offset, whether it moves, and the physics. */
  readonly scroller: Scroller;
  /** The index of the item at the top of the viewport (-1 while the list is empty or not shown). */
  readonly firstVisibleIndex: ReadonlySignal<number>;

  private readonly first = signal(-1);
  private list: ControlledList | null = null;
  /** A scroll asked for before the list was there. */
  private queued: { index: number; options: ScrollToIndexOptions } | null = null;

  constructor(options: VirtualListControllerOptions = {}) {
    // A list inside a scrolling box hands drags past its ends on to the box, as a ScrollView does.
    const outer = useContext(ScrollChainContext);
    this.scroller = new Scroller({ axis: 'y', overscroll: options.overscroll, parent: outer?.scroller ?? null });
    this.firstVisibleIndex = this.first;
  }

  /**
   * Scrolls so that item `index` shows as `align` says, glided unless `animate: false`. Rows not
   * yet laid out are placed by their estimated height and the scroll is corrected as they are
   * measured, so it lands where asked.
   * @example list.scrollToIndex(120, { align: 'center' })
   */
  scrollToIndex(index: number, options: ScrollToIndexOptions = {}): void {
    if (!Number.isInteger(index)) throw new RangeError(`VirtualListController.scrollToIndex: index must be a whole number, got ${String(index)}`);
    const align = options.align ?? 'start';
    if (!['start', 'center', 'end', 'nearest'].includes(align)) {
      throw new TypeError(`VirtualListController.scrollToIndex: align must be 'start', 'center', 'end' or 'nearest', got ${String(align)}`);
    }
    if (this.list) this.list.scrollToIndex(index, { ...options, align });
    else this.queued = { index, options: { ...options, align } };
  }

  /** Scrolls to offset `y` (logical px from the top of the content). */
  scrollToOffset(y: number, options: { animate?: boolean } = {}): void {
    this.scroller.scrollTo(0, y, options);
  }

  /** @internal Connects the list that uses this controller; returns the disconnection. */
  attach(list: ControlledList): () => void {
    if (this.list && this.list !== list) throw new Error('VirtualListController: it already serves another VirtualList — make one controller per list');
    this.list = list;
    const queued = this.queued;
    this.queued = null;
    if (queued) list.scrollToIndex(queued.index, queued.options);
    return () => {
      if (this.list !== list) return;
      this.list = null;
      this.first.value = -1;
    };
  }

  /** @internal The list says which item is at the top. */
  setFirstVisible(index: number): void {
    this.first.value = index;
  }
}
