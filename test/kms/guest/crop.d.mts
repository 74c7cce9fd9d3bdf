// Types of crop.mjs, for the host test that shows the same steps on the headless display.
import type { DamageRect, Display, DisplayBuffer } from '@planar/toolkit/backend';

export interface CropStep { name: string; source: DamageRect; x: number; y: number }
export declare const CROP_OUTPUT: { width: number; height: number };
export declare const CROP_BUFFER: { width: number; height: number };
export declare const CROP_STEPS: CropStep[];
export declare function tallPixels(width: number, height: number): Uint8Array;
export declare function backdropPixels(width: number, height: number): Uint8Array;
export declare function showCropSteps(
  display: Display,
  shot: (step: CropStep, capture: { width: number; height: number; pixels: Uint8Array }) => Promise<void> | void,
): Promise<DisplayBuffer[]>;
