/**
 * What a display drives, read from the device and chosen by the environment:
 *
 *   1. caps: dumb buffers are required (they are what the toolkit draws into)
 *   2. the connector (PLANAR_KMS_CONNECTOR, else the first connected), its mode
 *      (PLANAR_KMS_MODE, else preferred) and a CRTC that can drive it (modes.ts)
 *   3. the state that CRTC, the connector and the planes show now, as a request that puts it
 *      back on exit (atomic.ts)
 *   4. the planes that can show on the CRTC, as the allocator sees them (planes.ts), and a
 *      writeback connector for screenshots where the device has one
 *
 * `probePlanes` then asks the kernel, with TEST_ONLY commits, what no property says.
 */
import { BackendUnavailableError, type LayerState, type OutputInfo, type PlaneInfo, type TestResult } from '@planar/toolkit/backend';
import { AtomicRequest, KmsObject, savedStateRequest } from './atomic.js';
import { formatOfCode } from './formats.js';
import { refreshMhz, selectConnector, selectCrtc, selectMode } from './modes.js';
import type { DrmMode, NativeDevice } from './native.js';
import { describePlanes } from './planes.js';

export interface ChosenOutput {
  mode: DrmMode;
  info: OutputInfo;
  crtc: KmsObject;
  connector: KmsObject;
  writeback: KmsObject | null;
  planeInfos: PlaneInfo[];
  planeObjects: KmsObject[];
  restoreRequest: AtomicRequest;
}

export function chooseOutput(device: NativeDevice, path: string, env: NodeJS.ProcessEnv, scale: number): ChosenOutput {
  const caps = device.caps();
  if (!caps.dumbBuffer) throw new BackendUnavailableError('kms', `${path} (${caps.driver}) has no dumb buffers, which this backend draws into`);
  const resources = device.resources();
  const connector = selectConnector(resources, env.PLANAR_KMS_CONNECTOR, path);
  const mode = selectMode(connector, env.PLANAR_KMS_MODE);
  const crtc = selectCrtc(resources, connector);
  const restoreRequest = savedStateRequest(resources, crtc.id, connector.id, (kind, id) => `${kind} ${id}`);
  const crtcInfo = resources.crtcs.find((c) => c.id === crtc.id)!;
  const wb = resources.connectors.find((c) => c.writeback && c.possibleCrtcs & (1 << crtc.index));
  const planeInfos = describePlanes(resources, caps, crtc.index);
  const planeObjects = resources.planes
    .filter((p) => planeInfos.some((i) => i.id === p.id))
    .map((plane) => new KmsObject(plane.id, plane.properties, `plane ${plane.id}`));
  const primary = planeInfos.find((p) => p.type === 'primary');
  if (!primary) {
    const offered = resources.planes.map((p) => [...p.formats].map((f) => formatOfCode(f) ?? '').join(' ')).join('; ');
    throw new BackendUnavailableError('kms', `${path} has no primary plane for ${connector.name} in a format Planar draws in (it offers ${offered})`);
  }
  return {
    mode,
    info: {
      name: connector.name, width: mode.hdisplay, height: mode.vdisplay, refreshMhz: refreshMhz(mode),
      physicalWidthMm: connector.widthMm, physicalHeightMm: connector.heightMm, scale, preferredFormat: primary.formats[0]!,
    },
    crtc: new KmsObject(crtc.id, crtcInfo.properties, `CRTC ${crtc.id}`),
    connector: new KmsObject(connector.id, connector.properties, `connector ${connector.name}`),
    writeback: wb && env.PLANAR_KMS_WRITEBACK !== '0' ? new KmsObject(wb.id, wb.properties, `connector ${wb.name}`) : null,
    planeInfos, planeObjects, restoreRequest,
  };
}

/**
 * What properties cannot say, asked with TEST_ONLY commits (`test`): can the primary plane show
 * less than the whole output, and does each other plane scale (64x64 shown at 128x128)? Fills
 * `mustCoverOutput` and `scaling` in `planes`; throws when even a plain full-screen primary is
 * refused (`what` names the device and mode).
 */
export function probePlanes(planes: PlaneInfo[], output: OutputInfo, what: string, test: (layers: LayerState[]) => TestResult): void {
  const primary = planes.find((p) => p.type === 'primary')!;
  const { width, height } = output;
  const full = layerOn(primary, width, height, width, height);
  const base = test([full]);
  if (!base.ok) throw new BackendUnavailableError('kms', `${what} refuses a plain full-screen primary plane (${base.reason})`);
  primary.mustCoverOutput = !test([layerOn(primary, width >> 1, height >> 1, width >> 1, height >> 1)]).ok;
  for (const plane of planes) {
    if (plane === primary) continue;
    const size = Math.min(64, plane.maxWidth, plane.maxHeight);
    plane.scaling = test([full, { ...layerOn(plane, size, size, size * 2, size * 2), zpos: 1 }]).ok;
  }
}

/** A test layer at 0,0: a bw x bh buffer shown at w x h. */
function layerOn(plane: PlaneInfo, bw: number, bh: number, w: number, h: number): LayerState {
  return {
    id: plane.id, planeId: plane.id, zpos: 0, buffer: null, bufferWidth: bw, bufferHeight: bh, format: plane.formats[0]!,
    x: 0, y: 0, width: w, height: h, opacity: 1, damage: [],
  };
}

/** A request that switches the output off: CRTC inactive with no mode, the connectors and the planes detached. */
export function outputOffRequest(output: Pick<ChosenOutput, 'crtc' | 'connector' | 'writeback' | 'planeObjects'>): AtomicRequest {
  const off = new AtomicRequest().set(output.crtc, 'ACTIVE', 0).set(output.crtc, 'MODE_ID', 0).set(output.connector, 'CRTC_ID', 0);
  for (const plane of output.planeObjects) off.set(plane, 'FB_ID', 0).set(plane, 'CRTC_ID', 0);
  if (output.writeback) off.set(output.writeback, 'CRTC_ID', 0);
  return off;
}
