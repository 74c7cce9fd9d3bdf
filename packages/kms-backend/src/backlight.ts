/**
 * Backlight brightness through /sys/class/backlight/<name>/{brightness,max_brightness}.
 * PLANAR_BACKLIGHT names the device; else the first one. Writing needs root or a udev rule
 * giving the `video` group write access (see the README).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

export class Backlight {
  private constructor(readonly dir: string, readonly max: number) {}

  static find(env: NodeJS.ProcessEnv = process.env, root = '/sys/class/backlight'): Backlight | null {
    let names: string[];
    try {
      names = readdirSync(root).sort();
    } catch {
      return null;
    }
    const name = env.PLANAR_BACKLIGHT ?? names[0];
    if (!name || !names.includes(name)) return null;
    const dir = `${root}/${name}`;
    const max = Number(readFileSync(`${dir}/max_brightness`, 'utf8').trim());
    return Number.isFinite(max) && max > 0 ? new Backlight(dir, max) : null;
  }

  /** Current level, 0..1. */
  get(): number {
    return Number(readFileSync(`${this.dir}/brightness`, 'utf8').trim()) / this.max;
  }

  /** Sets the level, 0..1 (0 is off on most panels). */
  set(level: number): void {
    if (!Number.isFinite(level) || level < 0 || level > 1) throw new RangeError(`brightness must be between 0 and 1, got ${level}`);
    try {
      writeFileSync(`${this.dir}/brightness`, String(Math.round(level * this.max)));
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'EACCES') throw new Error(`cannot write ${this.dir}/brightness: permission denied — run as root or add a udev rule giving the "video" group write access (see the README)`);
      throw error;
    }
  }
}
