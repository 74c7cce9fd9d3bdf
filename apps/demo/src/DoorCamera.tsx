/**
 * The front-door camera's picture: an ExternalLayer fed by the simulated camera, its frames
 * sized in output pixels (logical size × the output's scale). Live, a new frame comes 12
 * times a second; frozen, frame 0 only. With a V4L2 device (`--camera=/dev/video0`) the
 * picture is that device's instead, handed to the display as its own DMA-BUFs; when the device
 * cannot be opened or goes away, a placeholder says why. Unmounting stops the camera.
 */
import { ExternalLayer, Layer, Text, View, onCleanup, type ExternalSource } from '@planar/toolkit';
import { createV4l2Source } from '@planar/v4l2';
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
  const width = Math.max(1, Math.round(props.width * props.scale));
  const height = Math.max(1, Math.round(props.height * props.scale));
  if (model.camera) return <DeviceCamera {...props} device={model.camera} width={width} height={height} />;
  const camera = startCamera({ width, height, live: !model.frozen, stamp: () => model.clock.peek() });
  return <CameraLayer source={camera.source} {...props} />;
}

/** It changes every frame: a plane saves a copy each time, so it asks for one first. */
function CameraLayer(props: { source: ExternalSource; position: () => { x: number; y: number }; zIndex: number }) {
  return <ExternalLayer testId="camera" source={props.source} position={props.position} zIndex={props.zIndex} plane="prefer" />;
}

/** A V4L2 device's picture, at the device size nearest the preview's; a placeholder while it has none. */
function DeviceCamera(props: DoorCameraProps & { device: string }) {
  const video = createV4l2Source({ device: props.device, width: props.width, height: props.height, fps: 30 });
  onCleanup(() => video.close());
  const problem = () => video.status.value.message;
  return (
    <>
      <CameraLayer source={video.source} position={props.position} zIndex={props.zIndex} />
      {() => (problem() ? (
        <Layer testId="camera-problem" position={props.position} zIndex={props.zIndex}>
          <View style={{ width: props.width / props.scale, height: props.height / props.scale, backgroundColor: '#1d2733', padding: 8, gap: 4 }}>
            <Text style={{ color: '#f0f4f8', fontSize: 14, fontWeight: 'bold' }}>Camera unavailable</Text>
            <Text style={{ color: '#b8c4d0', fontSize: 11 }}>{problem()!}</Text>
          </View>
        </Layer>
      ) : null)}
    </>
  );
}
