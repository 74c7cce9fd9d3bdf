/**
 * Run-time profiles: how V8 compiles CanvasKit's WebAssembly, chosen before it compiles.
 *
 *   'default'  V8's tiering. Each wasm function is compiled by Liftoff, the baseline compiler,
 *              when first called; functions that run hot are compiled again by TurboFan on
 *              background threads and swapped in. Fastest frames once warm. Planar raises the
 *              budget a function must run through before it is recompiled tenfold
 *              (`--wasm-tiering-budget`): with V8's own, the first frame alone makes hundreds of
 *              functions hot, and recompiling them while it paints made the demo's first frame
 *              20–30% later here; the frames after it cost the same either way (full repaints
 *              and label updates within 3%, measured side by side).
 *   'lean'     Liftoff only (`--liftoff-only`): no second compilation, so less memory for code,
 *              no background compiler threads while the app starts or updates, and a faster
 *              start; each frame's paint runs in baseline code. The young generation of the JS
 *              heap stays at its first size (`--semi-space-growth-factor=1`): more, shorter
 *              collections instead of ~14 MiB more memory. Pixels are the same (wasm's
 *              arithmetic is exact in both tiers; the profile test renders the demo in both).
 *
 * The README gives both profiles' figures (start-up, memory, frame cost). Flags set after the
 * module compiled change nothing, so a second app asking for another profile is told so.
 */
import v8 from 'node:v8';

export type Profile = 'default' | 'lean';
export const PROFILES: readonly Profile[] = ['default', 'lean'];

const FLAGS: Record<Profile, string[]> = {
  default: ['--wasm-tiering-budget=18000000'],
  lean: ['--liftoff-only', '--semi-space-growth-factor=1'],
};

let applied: Profile | null = null;

/** The profile named by `PLANAR_PROFILE`, or 'default'; a bad name is an error that says what is allowed. */
export function profileFromEnv(env: NodeJS.ProcessEnv = process.env): Profile {
  const name = env.PLANAR_PROFILE?.trim();
  if (!name) return 'default';
  if (!PROFILES.includes(name as Profile)) throw new Error(`PLANAR_PROFILE must be ${PROFILES.map((p) => `'${p}'`).join(' or ')}, got '${name}'`);
  return name as Profile;
}

/**
 * Sets V8's flags for `profile` before CanvasKit compiles (the first call wins; later calls
 * with another profile return a warning to print, since compiled code cannot change tier).
 */
export function applyProfile(profile: Profile): string | null {
  if (applied) return applied === profile ? null : `the '${profile}' profile was asked for after CanvasKit compiled in the '${applied}' profile; it stays '${applied}' in this process`;
  for (const flag of FLAGS[profile]) v8.setFlagsFromString(flag);
  applied = profile;
  return null;
}

/** The profile CanvasKit was (or will be) compiled in; null before any app or test started. */
export function activeProfile(): Profile | null {
  return applied;
}

/**
 * The profile a bundle's launcher (`@planar/toolkit/boot`) already set before the app's code was
 * compiled, when it knew it (PLANAR_PROFILE, or the profile the app ran in last time): CanvasKit
 * and Yoga may then start compiling while the app's modules load, instead of at `createApp`.
 */
export function launchProfile(): Profile | null {
  const boot = (globalThis as { [key: symbol]: { profile?: string } | undefined })[Symbol.for('planar.boot')];
  return boot?.profile && PROFILES.includes(boot.profile as Profile) ? (boot.profile as Profile) : null;
}
