/** What validating a PHONE candidate says about it: the tier and how it was reached (shared, immutable results). */

export type Tier = 'valid' | 'valid-other-region' | 'possible' | 'none';

export interface Evaluation {
  readonly tier: Tier;
  readonly region?: string;
  /** Written with an international access code (00 44 ..., 011 44 ...) rather than '+'. */
  readonly viaAccessCode?: boolean;
  /** Not checked with libphonenumber because the field used up its validation budget. */
  readonly unvalidated?: boolean;
  /** Not valid anywhere we look, but phone-shaped and named a phone by the words around it. */
  readonly byContext?: boolean;
}

export const NONE: Evaluation = { tier: 'none' };
export const VALID: Evaluation = { tier: 'valid', viaAccessCode: false };
export const VALID_VIA_ACCESS: Evaluation = { tier: 'valid', viaAccessCode: true };
export const POSSIBLE: Evaluation = { tier: 'possible' };
export const POSSIBLE_US: Evaluation = { tier: 'possible', region: 'US' };
export const VALID_OTHER_US: Evaluation = { tier: 'valid-other-region', region: 'US' };
export const UNVALIDATED: Evaluation = { tier: 'possible', unvalidated: true };
export const BY_CONTEXT: Evaluation = { tier: 'possible', byContext: true };
