/**
 * The app: the dashboard at the app's current size, plus the timers that keep a live model
 * moving (clock and room temperature). When the size changes (a resize or a rotation of the
 * output) the dashboard is laid out again for it; the model keeps its state.
 */
import { computed, read, useViewport, type Reactive } from '@planar/toolkit';
import { Dashboard } from './Dashboard.js';
import { createHomeModel, startLiveUpdates, type HomeModel } from './model.js';

export interface Size { width: number; height: number }

export interface AppProps {
  /** Defaults to a live model. */
  model?: HomeModel;
  /** The logical size to lay out for; nothing is shown while it is null. Defaults to the app's size. */
  size?: Reactive<Size | null>;
}

export function App(props: AppProps) {
  const model = props.model ?? createHomeModel();
  startLiveUpdates(model);
  const size = props.size ?? useViewport();
  const key = computed(() => {
    const current = read(size);
    return current ? `${current.width}x${current.height}` : '';
  });
  return () => {
    if (!key.value) return null;
    const [width, height] = key.value.split('x').map(Number);
    return <Dashboard model={model} width={width} height={height} />;
  };
}
