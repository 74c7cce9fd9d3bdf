/**
 * Atomic requests by property name, and the CRTC state an app found (to put back on exit).
 *
 * An atomic commit is a list of (object, property, value). `KmsObjects` knows each object's
 * property ids by name, so the display writes `request.set(plane, 'FB_ID', fb)` and a missing
 * property is an error naming the object, not a silent EINVAL from the kernel.
 */
import type { DrmProperty, DrmResources } from './native.js';

export class KmsObject {
  readonly props: Map<string, DrmProperty>;
  constructor(readonly id: number, properties: readonly DrmProperty[], readonly label: string) {
    this.props = new Map(properties.map((p) => [p.name, p]));
  }
  has(name: string): boolean {
    return this.props.has(name);
  }
  /** The value the object had when it was read. */
  value(name: string): number | undefined {
    return this.props.get(name)?.value;
  }
}

export class AtomicRequest {
  private readonly objects: number[] = [];
  private readonly properties: number[] = [];
  private readonly values: number[] = [];
  private readonly index = new Map<string, number>();

  /** Sets a property; a later set of the same property wins. */
  set(object: KmsObject, name: string, value: number): this {
    const prop = object.props.get(name);
    if (!prop) throw new Error(`${object.label} has no "${name}" property`);
    const key = `${object.id}:${prop.id}`;
    const at = this.index.get(key);
    if (at !== undefined) {
      this.values[at] = value;
      return this;
    }
    this.index.set(key, this.objects.length);
    this.objects.push(object.id);
    this.properties.push(prop.id);
    this.values.push(value);
    return this;
  }

  /** Sets a property only where the object has it. */
  setIfPresent(object: KmsObject, name: string, value: number): this {
    return object.has(name) ? this.set(object, name, value) : this;
  }

  /**
   * Sets an enum property to the value of its entry named `entry` (`COLOR_RANGE` to "YCbCr full
   * range"), only where the object has the property and it lists that entry.
   */
  setEnumIfPresent(object: KmsObject, name: string, entry: string): this {
    const value = object.props.get(name)?.enums?.find((e) => e.name === entry)?.value;
    return value === undefined ? this : this.set(object, name, value);
  }

  get size(): number {
    return this.objects.length;
  }

  arrays(): [Uint32Array, Uint32Array, Float64Array] {
    return [Uint32Array.from(this.objects), Uint32Array.from(this.properties), Float64Array.from(this.values)];
  }

  /** name=value lines, for logs and tests. */
  describe(names: Map<number, KmsObject>): string[] {
    return this.objects.map((id, i) => {
      const object = names.get(id);
      const prop = object ? [...object.props.values()].find((p) => p.id === this.properties[i]) : undefined;
      return `${object?.label ?? id}.${prop?.name ?? this.properties[i]}=${this.values[i]}`;
    });
  }
}

const PLANE_STATE = ['FB_ID', 'CRTC_ID', 'SRC_X', 'SRC_Y', 'SRC_W', 'SRC_H', 'CRTC_X', 'CRTC_Y', 'CRTC_W', 'CRTC_H'];

/**
 * What the CRTC, its connector and the planes showed when the app opened the device, as a
 * request that puts it back (a console's framebuffer, another app's picture, or all off).
 */
export function savedStateRequest(resources: DrmResources, crtcId: number, connectorId: number, labels: (kind: string, id: number) => string): AtomicRequest {
  const request = new AtomicRequest();
  const crtc = resources.crtcs.find((c) => c.id === crtcId)!;
  const crtcObject = new KmsObject(crtc.id, crtc.properties, labels('crtc', crtc.id));
  const active = crtcObject.value('ACTIVE') ?? 0;
  request.setIfPresent(crtcObject, 'ACTIVE', active);
  request.setIfPresent(crtcObject, 'MODE_ID', active ? crtcObject.value('MODE_ID') ?? 0 : 0);
  for (const connector of resources.connectors) {
    // Our connector, and any writeback connector we may attach, go back to where they were.
    if (connector.id !== connectorId && !connector.writeback) continue;
    const object = new KmsObject(connector.id, connector.properties, labels('connector', connector.id));
    request.setIfPresent(object, 'CRTC_ID', object.value('CRTC_ID') ?? 0);
  }
  for (const plane of resources.planes) {
    if (!(plane.possibleCrtcs & (1 << crtc.index))) continue;
    const object = new KmsObject(plane.id, plane.properties, labels('plane', plane.id));
    const shown = (object.value('CRTC_ID') ?? 0) !== 0 && (object.value('FB_ID') ?? 0) !== 0;
    if (!shown) {
      request.setIfPresent(object, 'FB_ID', 0).setIfPresent(object, 'CRTC_ID', 0);
      continue;
    }
    for (const name of PLANE_STATE) request.setIfPresent(object, name, object.value(name) ?? 0);
  }
  return request;
}
