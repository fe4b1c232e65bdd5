import { describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../../shared/transform/presets';
import { profileSetsRegion, withDefaultRegion } from '../../../shared/transform/profile-defaults';
import { parseProfile } from '../../../shared/transform/profile';

// the built-in presets set no region: two made-up ones that do (directly, and through another preset) stand in
vi.mock('../../../shared/transform/presets', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/transform/presets')>();
  const made = [
    { id: 'regional', name: 'Regional', vendor: 'Test', profile: { version: 1, defaultRegion: 'NL' } },
    { id: 'on-regional', name: 'On regional', vendor: 'Test', profile: { version: 1, extends: 'regional' } },
  ];
  return { ...actual, presetById: (id: string) => made.find((p) => p.id === id) ?? actual.presetById(id) };
});

describe("the app's default region under a profile", () => {
  it('fills in where the profile leaves the region open, and the engine then uses it', () => {
    expect(withDefaultRegion(undefined, 'DE')).toEqual({ version: 1, defaultRegion: 'DE' });
    const profile = { version: 1, extends: 'zendesk', operators: { EMAIL: 'redact' } };
    const filled = withDefaultRegion(profile, 'GB');
    expect(filled).toEqual({ ...profile, defaultRegion: 'GB' });
    expect(profile).not.toHaveProperty('defaultRegion'); // a copy: the profile itself is not changed
    expect(parseProfile(filled).defaultRegion).toBe('GB');
    expect(parseProfile(withDefaultRegion(undefined, 'FR')).defaultRegion).toBe('FR');
  });

  it("the profile's own region wins", () => {
    const profile = { version: 1, defaultRegion: 'AU' };
    expect(withDefaultRegion(profile, 'DE')).toBe(profile);
  });

  it('with the built-in region (US), or for something that is not a profile object, nothing changes', () => {
    const profile = { version: 1 };
    expect(withDefaultRegion(profile, 'US')).toBe(profile);
    expect(withDefaultRegion(undefined, 'US')).toBeUndefined();
    expect(withDefaultRegion('{"version":1}', 'DE')).toBe('{"version":1}');
    expect(withDefaultRegion([1], 'DE')).toEqual([1]);
  });

  it("a preset's region, directly or through another preset, counts as the profile's", () => {
    expect(withDefaultRegion({ version: 1, extends: 'regional' }, 'DE')).toEqual({ version: 1, extends: 'regional' });
    expect(withDefaultRegion({ version: 1, extends: 'on-regional' }, 'DE')).toEqual({ version: 1, extends: 'on-regional' });
    expect(parseProfile(withDefaultRegion({ version: 1, extends: 'on-regional' }, 'DE')).defaultRegion).toBe('NL');
    expect(profileSetsRegion({ version: 1, extends: 'no-such-preset' })).toBe(false);
    for (const preset of PRESETS) expect(profileSetsRegion({ version: 1, extends: preset.id })).toBe(false);
  });
});
