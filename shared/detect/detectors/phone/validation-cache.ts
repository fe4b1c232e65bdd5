/** The per-default-region setup of the PHONE detector: the fallback regions to try and the region's bounded validation cache. */

import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { detach } from '../../../util/detach-string';
import type { Evaluation } from './evaluation';

/** Regions tried for national (trunk '0') numbers that are not valid in the default region. */
const FALLBACK_REGIONS: readonly CountryCode[] = ['US', 'GB', 'FR', 'ES', 'IN', 'AU', 'DE']; // DE's open numbering plan last

/**
 * Validation results shared across calls (support exports repeat the same numbers in many records), one cache per
 * default region, keyed by the candidate as written (a '+' form always starts with '+' or '(+'). Bounded to
 * `CACHE_MAX` entries as two generations: a hit in the old generation is promoted, and when the young one is full
 * the old one is dropped — an approximate LRU with O(1) hits.
 */
const CACHE_MAX = 20_000;
export class EvaluationCache {
  private young = new Map<string, Evaluation>();
  private old = new Map<string, Evaluation>();

  get(key: string): Evaluation | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, v: Evaluation): void {
    if (this.young.size >= CACHE_MAX / 2) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(detach(key), v); // keys are cut from input text: do not let them pin it
  }
}

export interface RegionSetup {
  readonly region: CountryCode | undefined;
  readonly fallback: readonly CountryCode[];
  readonly cache: EvaluationCache;
}
/**
 * Per default region as given; one or two in practice. Cleared past `MAX_REGIONS` spellings, so the caches hold at
 * most MAX_REGIONS × CACHE_MAX entries.
 */
const regionSetups = new Map<string, RegionSetup>();
const MAX_REGIONS = 4;

/** The default region (when libphonenumber knows it), the fallback regions to try and the region's validation cache. */
export function resolveRegion(raw: string | undefined): RegionSetup {
  const r = raw ?? '';
  const known = regionSetups.get(r);
  if (known !== undefined) return known;
  const upper = r.toUpperCase();
  const region: CountryCode | undefined = isSupportedCountry(upper) ? upper : undefined;
  const same = [...regionSetups.values()].find((s) => s.region === region);
  const setup: RegionSetup = same ?? { region, fallback: FALLBACK_REGIONS.filter((f) => f !== region), cache: new EvaluationCache() };
  if (regionSetups.size >= MAX_REGIONS) regionSetups.clear();
  regionSetups.set(r, setup);
  return setup;
}
