/** The profile example in README.md is a valid profile: the README stays true. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operatorFor } from '../../../shared/transform/policy';
import { parseProfile } from '../../../shared/transform/profile';

describe('README profile example', () => {
  it('parses, and says what the text around it says', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const after = readme.slice(readme.indexOf('A profile is JSON'));
    const block = /\n\n((?: {4}.*\n)+)/.exec(after)?.[1];
    expect(block).toBeDefined();
    const policy = parseProfile(JSON.parse(block!));
    expect(operatorFor(policy, 'CREDIT_CARD').operator).toBe('mask');
    expect(policy.columns.get('Internal note')?.operator?.operator).toBe('drop');
    expect(policy.thresholds.get('person')).toBe(0.7);
  });
});
