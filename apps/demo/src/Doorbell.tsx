/**
 * The doorbell popup: while the model's doorbell is open, the card and the front-door camera
 * slide in from the right edge over the dashboard, and slide out again when it closes. Card
 * and camera are layers of their own moved by the same animated position, so sliding repaints
 * nothing: while a layer is partly off the output it is blended in software, and once it is
 * wholly on it, it rides a hardware plane where the display has one, and moving costs nothing.
 * Out of sight it is unmounted, camera included, so a closed popup costs no frames. A frozen
 * model's popup appears and goes at once.
 */
import { Layer, computed, createTween, effect, onCleanup, untracked, useContext, useViewport } from '@planar/toolkit';
import { DoorbellCard } from './DoorbellCard.js';
import { DoorCamera } from './DoorCamera.js';
import type { HomeModel } from './model.js';
import { LayoutContext } from './theme.js';

const SLIDE_MS = 360;
/** Above anything else the dashboard might put in layers. */
const CARD_Z = 100;

export function Doorbell(props: { model: HomeModel }) {
  const { model } = props;
  const layout = useContext(LayoutContext);
  const { y, preview } = layout.doorbell;
  const openX = layout.doorbell.x;
  // Just past the right edge: no pixel of the card is on the output.
  const closedX = layout.width;
  const viewport = useViewport();
  const scale = computed(() => viewport.value.scale);

  const slide = createTween(model.doorbell.peek() ? openX : closedX, { duration: SLIDE_MS });
  onCleanup(effect(() => {
    const target = model.doorbell.value ? openX : closedX;
    untracked(() => slide.to(target, { animate: !model.frozen }));
  }));
  // On whole output pixels, so that the card and the camera always land the same way.
  const x = computed(() => Math.round(slide.value.value * scale.value) / scale.value);
  const shown = computed(() => model.doorbell.value || x.value < closedX);

  return () => {
    if (!shown.value) return null;
    return (
      <>
        <Layer testId="doorbell" position={() => ({ x: x.value, y })} zIndex={CARD_Z}>
          <DoorbellCard model={model} />
        </Layer>
        <DoorCamera
          model={model}
          width={preview.width}
          height={preview.height}
          scale={scale.value}
          position={() => ({ x: x.value + preview.x, y: y + preview.y })}
          zIndex={CARD_Z + 1}
        />
      </>
    );
  };
}
