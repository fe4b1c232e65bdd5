// The theme's colours: WCAG AA contrast of every declared pair and every finding highlight in both themes, and
// styles.css using only the palette's variables (no hard-coded colour), with a highlight rule for every type.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../../shared/detect/finding';
import { contrastRatio, hslToHex, relativeLuminance } from '../../../src-renderer/src/theme/colour';
import { CONTRAST_PAIRS, FINDING_COLOURS, THEME_NAMES, UI_COLOURS } from '../../../src-renderer/src/theme/palette';
import { findingVariable, paletteVariables } from '../../../src-renderer/src/theme/theme';

const STYLES = readFileSync(new URL('../../../src-renderer/src/styles.css', import.meta.url), 'utf8');

describe('colour arithmetic', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // #767676 on white is the well-known AA boundary: 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 4);
    expect(() => relativeLuminance('red')).toThrow();
  });

  it('converts HSL to hex', () => {
    expect(hslToHex(0, 100, 50)).toBe('#ff0000');
    expect(hslToHex(120, 100, 25)).toBe('#008000');
    expect(hslToHex(240, 100, 50)).toBe('#0000ff');
    expect(hslToHex(0, 0, 100)).toBe('#ffffff');
  });
});

describe('palette contrast (WCAG AA)', () => {
  const cases = THEME_NAMES.flatMap((theme) => CONTRAST_PAIRS.map((pair) => ({ theme, ...pair })));

  it.each(cases)('$theme: $foreground on $background ≥ $minimum', ({ theme, foreground, background, minimum }) => {
    expect(contrastRatio(UI_COLOURS[foreground][theme], UI_COLOURS[background][theme])).toBeGreaterThanOrEqual(minimum);
  });

  it.each(THEME_NAMES)('%s: every finding type has a highlight with text ≥ 4.5 on its background', (theme) => {
    const weak = ENTITY_TYPES.filter((type) => {
      const { text, background } = FINDING_COLOURS[type][theme];
      return contrastRatio(text, background) < 4.5;
    });
    expect(weak).toEqual([]);
  });

  it('gives every finding type its own highlight', () => {
    const backgrounds = ENTITY_TYPES.map((type) => FINDING_COLOURS[type].light.background);
    expect(new Set(backgrounds).size).toBe(ENTITY_TYPES.length);
  });
});

describe('styles.css', () => {
  it('hard-codes no colour: every colour comes from a palette variable', () => {
    const withoutComments = STYLES.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(withoutComments.match(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklch|oklab)\(/gi)).toBeNull();
  });

  it('uses only variables the palette defines (or the finding rules set)', () => {
    const defined = new Set([...Object.keys(paletteVariables()), '--finding-text', '--finding-bg']);
    const used = [...STYLES.matchAll(/var\((--[\w-]+)\)/g)].map((match) => match[1]!);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
  });

  it('has a highlight rule for every finding type', () => {
    const missing = ENTITY_TYPES.filter(
      (type) =>
        !STYLES.includes(
          `.finding[data-type='${type}'] { --finding-text: var(${findingVariable(type, 'text')}); --finding-bg: var(${findingVariable(type, 'bg')}); }`,
        ),
    );
    expect(missing).toEqual([]);
  });
});
