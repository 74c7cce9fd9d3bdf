#!/usr/bin/env node
/**
 * planar-kms --list [device]: prints the DRM device's connectors, modes and planes, for bring-up
 * (which connector to name in PLANAR_KMS_CONNECTOR, which modes PLANAR_KMS_MODE can take).
 */
import { describeDevice } from './describe.js';
import { findCard } from './modes.js';
import { loadAddon } from './native.js';

function main(argv: string[]): number {
  if (argv[0] !== '--list') {
    console.log('usage: planar-kms --list [/dev/dri/cardN]   print connectors, modes and planes');
    return argv[0] === '--help' || argv[0] === '-h' ? 0 : 2;
  }
  const path = argv[1] ?? findCard();
  if (!path) {
    console.error('planar-kms: no DRM card in /sys/class/drm');
    return 1;
  }
  const addon = loadAddon();
  try {
    const device = new addon.Device(path, () => {});
    try {
      console.log(describeDevice(path, device.caps(), device.resources()));
    } finally {
      device.close();
    }
  } catch (error) {
    console.error(`planar-kms: ${(error as Error).message}`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
