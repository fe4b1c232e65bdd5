/**
 * The app's settings as defaults under a profile. Precedence, highest first:
 *   1. the profile's own `defaultRegion`;
 *   2. the `defaultRegion` of a preset the profile extends (directly or through other presets);
 *   3. the app's setting (`settings:set { defaultRegion }`);
 *   4. the engine's built-in default, US.
 * So a profile always means the same thing wherever it runs, and the setting fills in only what it leaves open.
 */
import { presetById } from './presets';
import { PROFILE_VERSION } from './profile';

/** The engine's default region, which a profile that sets none gets anyway. */
const BUILT_IN_REGION = 'US';
/** As deep as `parseProfile` follows `"extends"`, plus one. */
const MAX_EXTENDS_DEPTH = 4;

/** True when the profile, or a preset it extends, sets `defaultRegion`. */
export function profileSetsRegion(profile: unknown, depth = 0): boolean {
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile) || depth > MAX_EXTENDS_DEPTH) return false;
  if (Object.hasOwn(profile, 'defaultRegion')) return true;
  const base = (profile as { extends?: unknown }).extends;
  return typeof base === 'string' && profileSetsRegion(presetById(base)?.profile, depth + 1);
}

/**
 * The profile to run with, given the app's default region: unchanged when it (or its base) sets a region, when
 * the region is the engine's own default, or when it is not a JSON object (the job then reports what is wrong);
 * otherwise a copy with `defaultRegion` added. `undefined` (the default profile) becomes the default profile with
 * that region.
 */
export function withDefaultRegion(profile: unknown, region: string): unknown {
  if (region === BUILT_IN_REGION) return profile;
  if (profile === undefined) return { version: PROFILE_VERSION, defaultRegion: region };
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile) || profileSetsRegion(profile)) return profile;
  return { ...profile, defaultRegion: region };
}
