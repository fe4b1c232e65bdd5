import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSettingsPatch, DEFAULT_SETTINGS, PHONE_REGIONS, SettingsError } from '../../../shared/app-settings';
import { createSettingsStore, SETTINGS_FILE, SETTINGS_FORMAT, UNREADABLE_SUFFIX } from '../../../src-main/main/settings-store';
import { tempDir } from '../../helpers/cli';

const stored = (settings: object) => JSON.stringify({ format: SETTINGS_FORMAT, version: 1, settings });

describe('settings store', () => {
  it('gives the defaults, without a warning, when nothing is stored', async () => {
    const dir = tempDir();
    expect(await createSettingsStore(dir).read()).toEqual({ settings: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS).toEqual({ theme: 'system', locale: 'system', defaultRegion: 'US' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stores partial updates and reads them back, in a new store too (a restart)', async () => {
    const dir = tempDir();
    const store = createSettingsStore(dir);
    expect(await store.update({ theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(await store.update({ defaultRegion: 'DE', locale: 'de' })).toEqual({ theme: 'dark', locale: 'de', defaultRegion: 'DE' });
    expect(await createSettingsStore(dir).read()).toEqual({ settings: { theme: 'dark', locale: 'de', defaultRegion: 'DE' } });
    expect(JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8'))).toEqual({
      format: SETTINGS_FORMAT,
      version: 1,
      settings: { theme: 'dark', locale: 'de', defaultRegion: 'DE' },
    });
    // written atomically: nothing but the file is left beside it
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
  });

  it('applies concurrent updates one after the other, losing none', async () => {
    const store = createSettingsStore(tempDir());
    await Promise.all([store.update({ theme: 'light' }), store.update({ locale: 'en' }), store.update({ defaultRegion: 'FR' })]);
    expect((await store.read()).settings).toEqual({ theme: 'light', locale: 'en', defaultRegion: 'FR' });
  });

  it.each([
    ['not JSON', '{"format": "support-export-anonymiser-settings", "version": 1, "settings": {"theme": "da', /not valid JSON/],
    ['not an object', '[1, 2]', /not a JSON object/],
    ['another file', JSON.stringify({ theme: 'dark' }), /not a settings file of this app/],
    ['a later version', JSON.stringify({ format: SETTINGS_FORMAT, version: 2, settings: {} }), /version of the app that this one cannot read/],
  ])('a corrupt or unknown file (%s) gives the defaults and a warning; the next change keeps the old file', async (_name, text, why) => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE), text);
    const store = createSettingsStore(dir);
    const { settings, warning } = await store.read();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(warning).toMatch(why);
    expect(warning).toMatch(/defaults are in use/);
    expect(warning).not.toContain(dir);
    expect(readFileSync(join(dir, SETTINGS_FILE), 'utf8')).toBe(text); // reading changes nothing
    await store.update({ theme: 'light' });
    expect(await store.read()).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'light' } });
    expect(readFileSync(join(dir, `${SETTINGS_FILE}${UNREADABLE_SUFFIX}`), 'utf8')).toBe(text);
  });

  it('an invalid value falls back to its default, keeping the others, and says which', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE), stored({ theme: 'purple', locale: 'de', defaultRegion: 'XX', colour: 'red' }));
    const { settings, warning } = await createSettingsStore(dir).read();
    expect(settings).toEqual({ theme: 'system', locale: 'de', defaultRegion: 'US' });
    expect(warning).toMatch(/theme, defaultRegion was not valid/);
    expect(warning).toMatch(/1 unknown entry/);
    expect(warning).not.toMatch(/purple|XX|red|colour/);
  });

  it('a file far too large is not read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE), stored({ theme: 'dark', pad: 'x'.repeat(100_000) }));
    const { settings, warning } = await createSettingsStore(dir).read();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(warning).toMatch(/far too large/);
  });

  it('refuses an invalid update, and stores nothing', async () => {
    const dir = tempDir();
    const store = createSettingsStore(dir);
    await expect(store.update({ theme: 'purple' as never })).rejects.toThrow(SettingsError);
    expect(existsSync(join(dir, SETTINGS_FILE))).toBe(false);
  });
});

describe('checkSettingsPatch', () => {
  it('accepts known settings with valid values, as a fresh copy', () => {
    const patch = { theme: 'dark', locale: 'de', defaultRegion: 'GB' };
    const checked = checkSettingsPatch(patch);
    expect(checked).toEqual(patch);
    expect(checked).not.toBe(patch);
    expect(checkSettingsPatch({ locale: 'system' })).toEqual({ locale: 'system' });
    expect(checkSettingsPatch({ locale: 'pt-BR' })).toEqual({ locale: 'pt-BR' });
  });

  it.each([
    [{}, /at least one/],
    [null, /must be an object/],
    [['theme'], /must be an object/],
    [{ theme: 'purple' }, /theme must be one of system, light, dark/],
    [{ locale: 'German' }, /locale must be/],
    [{ locale: '../../etc' }, /locale must be/],
    [{ defaultRegion: 'gb' }, /defaultRegion must be/],
    [{ defaultRegion: 'XX' }, /defaultRegion must be/],
    [{ defaultRegion: 44 }, /defaultRegion must be/],
    [{ languages: ['en'] }, /unknown setting/],
  ])('refuses %j', (patch, message) => {
    expect(() => checkSettingsPatch(patch)).toThrow(message);
  });

  it('knows the regions libphonenumber-js has numbering plans for', () => {
    expect(PHONE_REGIONS).toContain('DE');
    expect(PHONE_REGIONS).toContain('GB');
    expect(PHONE_REGIONS).not.toContain('UK');
    expect(PHONE_REGIONS.length).toBeGreaterThan(200);
  });
});
