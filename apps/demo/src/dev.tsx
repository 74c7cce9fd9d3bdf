/**
 * The demo as `planar dev apps/demo/src/dev.tsx` shows it: the panel in the preview page,
 * rebuilt on save. The model lives here, outside the components, so a component edited and
 * swapped in keeps the devices, the thermostat and the history as they were.
 */
import type { AppOptions } from '@planar/toolkit';
import { App } from './App.js';
import { createHomeModel } from './model.js';
import { colors } from './theme.js';

const model = createHomeModel();

/** The root `planar dev` mounts. */
export default function Root() {
  return <App model={model} />;
}

/** createApp's options for the panel under `planar dev`. */
export const appOptions: AppOptions = { background: colors.background, title: 'Planar demo', appId: 'dev.planar.demo' };
