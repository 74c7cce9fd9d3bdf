/**
 * The backlight on a fake /sys/class/backlight in a temp folder: which device is found, the
 * level read back as 0..1, and what a write puts in `brightness`.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backlight } from '../src/backlight.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'planar-backlight-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A device folder as the kernel shows it: `max_brightness` and `brightness`. */
function device(name: string, max: string, level: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'max_brightness'), `${max}\n`);
  writeFileSync(path.join(dir, 'brightness'), `${level}\n`);
  return dir;
}

describe('Backlight.find', () => {
  it('no-backlight-folder: none', () => {
    expect(Backlight.find({}, path.join(root, 'absent'))).toBeNull();
  });

  it('empty-folder: none', () => {
    expect(Backlight.find({}, root)).toBeNull();
  });

  it('two-devices: the first by name', () => {
    device('rpi_backlight', '255', '128');
    const first = device('10-0045', '31', '31');
    const found = Backlight.find({}, root);
    expect(found?.dir).toBe(first);
    expect(found?.max).toBe(31);
  });

  it('PLANAR_BACKLIGHT-names-one: that one', () => {
    device('10-0045', '31', '31');
    const named = device('rpi_backlight', '255', '128');
    expect(Backlight.find({ PLANAR_BACKLIGHT: 'rpi_backlight' }, root)?.dir).toBe(named);
  });

  it('PLANAR_BACKLIGHT-names-a-missing-device: none, not another one', () => {
    device('rpi_backlight', '255', '128');
    expect(Backlight.find({ PLANAR_BACKLIGHT: 'intel_backlight' }, root)).toBeNull();
  });

  it.each([['zero', '0'], ['not-a-number', 'bright'], ['negative', '-5']])('max_brightness-%s: none', (_, max) => {
    device('rpi_backlight', max, '0');
    expect(Backlight.find({}, root)).toBeNull();
  });
});

describe('Backlight level', () => {
  it('reads brightness as a fraction of max_brightness', () => {
    device('rpi_backlight', '200', '50');
    expect(Backlight.find({}, root)!.get()).toBe(0.25);
  });

  it('writes the level scaled to max_brightness and rounded, and reads it back', () => {
    const dir = device('rpi_backlight', '255', '0');
    const backlight = Backlight.find({}, root)!;
    backlight.set(0.4);
    expect(readFileSync(path.join(dir, 'brightness'), 'utf8')).toBe('102');
    expect(backlight.get()).toBe(102 / 255);
    backlight.set(1);
    expect(readFileSync(path.join(dir, 'brightness'), 'utf8')).toBe('255');
    backlight.set(0);
    expect(readFileSync(path.join(dir, 'brightness'), 'utf8')).toBe('0');
  });

  it.each([[1.5], [-0.1], [Number.NaN]])('refuses the level %d and leaves brightness as it was', (level) => {
    const dir = device('rpi_backlight', '255', '128');
    expect(() => Backlight.find({}, root)!.set(level)).toThrow(`brightness must be between 0 and 1, got ${level}`);
    expect(readFileSync(path.join(dir, 'brightness'), 'utf8')).toBe('128\n');
  });

  // Root writes through any file mode, so the refusal is seen only as another user.
  it.skipIf(process.getuid?.() === 0)('a read-only brightness says how to get write access', () => {
    const dir = device('rpi_backlight', '255', '128');
    chmodSync(path.join(dir, 'brightness'), 0o444);
    expect(() => Backlight.find({}, root)!.set(0.5)).toThrow(`cannot write ${dir}/brightness: permission denied — run as root or add a udev rule giving the "video" group write access`);
  });
});
