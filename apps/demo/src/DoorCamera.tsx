/**
 * The front-door camera's picture: an ExternalLayer fed by the simulated camera, its frames
 * sized in output pixels (logical size × the output's scale). Live, a new frame comes 12
 * times a second; frozen, frame 0 only. Unmounting stops the camera.
 */
import { ExternalLayer } from '@planar/toolkit';
import { startCamera } from './camera.js';
import type { HomeModel } from './model.js';

export interface DoorCameraProps {
  model: HomeModel;
  /** Logical size, and output pixels per logical pixel. */
  width: number;
  height: number;
  scale: number;
  position: () => { x: number; y: number };
  zIndex: number;
}

export function DoorCamera(props: DoorCameraProps) {
  const { model } = props;
  const camera = startCamera({
    width: Math.max(1, Math.round(props.width * props.scale)),
    height: Math.max(1, Math.round(props.height * props.scale)),
    live: !model.frozen,
    stamp: () => model.clock.peek(),
  });
  // It changes every frame: a plane saves a copy each time, so it asks for one first.
  return <ExternalLayer testId="camera" source={camera.source} position={props.position} zIndex={props.zIndex} plane="prefer" />;
}
