/**
 * What the compositor has let go of but the display may still show: the display buffers of a
 * layer that was removed or resized (a plane scans them out until the next commit replaces
 * them) and external frames no longer current. Destroying a buffer that is on screen would
 * blank a plane; handing a producer a frame that is on screen would let it tear. So they wait
 * here, and each `sweep` (after a commit, and when the display releases a buffer) destroys or
 * hands back those the display no longer reads.
 */
import type { DisplayBuffer, ExternalFrame } from '../backend/contract.js';
import type { ExternalFrames } from '../tree/layer.js';

export class Graveyard {
  private buffers: DisplayBuffer[] = [];
  private frames: { frame: ExternalFrame; buffer: DisplayBuffer | null; source: ExternalFrames }[] = [];

  buffer(buffer: DisplayBuffer): void {
    this.buffers.push(buffer);
  }

  frame(frame: ExternalFrame, buffer: DisplayBuffer | null, source: ExternalFrames): void {
    this.frames.push({ frame, buffer, source });
  }

  /** Destroys the buffers and hands back the frames the display no longer reads. */
  sweep(): void {
    this.buffers = this.buffers.filter((b) => {
      if (b.busy) return true;
      b.destroy();
      return false;
    });
    this.frames = this.frames.filter(({ frame, buffer, source }) => {
      if (buffer?.busy) return true;
      buffer?.destroy();
      source.released(frame);
      return false;
    });
  }

  /** Everything, now (the display is closing). */
  clear(): void {
    for (const b of this.buffers) b.destroy();
    for (const { frame, buffer, source } of this.frames) {
      buffer?.destroy();
      source.released(frame);
    }
    this.buffers = [];
    this.frames = [];
  }
}
