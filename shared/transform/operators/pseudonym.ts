/**
 * The `pseudonym` operator: a keyed, consistent, realistic fake for each value. The same (key, type, normalised
 * value) always gives the same pseudonym, in every file of a run and across runs with the same key; another key
 * gives another. Each type has its fake maker (shared/transform/fakes/); names, places and organisations keep the
 * original's case pattern; a pseudonym never equals its original (it is derived again with a counter in the digest
 * domain until it differs). Every pseudonym is told to `context.onPseudonym` (the optional reversible vault).
 */
import type { EntityType } from '../../detect/finding';
import { applyCasePattern } from '../case-pattern';
import { fakeCard } from '../fakes/fake-card';
import { fakeCity } from '../fakes/fake-city';
import { fakeCoordinates, isCoordinatesValue } from '../fakes/fake-coordinates';
import { fakeEmail } from '../fakes/fake-email';
import {
  fakeDateOfBirth,
  fakeDocumentNumber,
  fakeFormatPreserving,
  fakeHostname,
  fakeMac,
  fakePostalCode,
  fakeUrl,
  fakeUsername,
} from '../fakes/fake-generic';
import { fakeAccount } from '../fakes/fake-account';
import { fakeIp, PrefixPreservingIpv4, type Ipv4Mode } from '../fakes/fake-ip';
import { fakeName } from '../fakes/fake-name';
import { fakeOrganization } from '../fakes/fake-organization';
import { fakePhone } from '../fakes/fake-phone';
import { fakeStreetAddress } from '../fakes/fake-street';
import type { KeyedHash } from '../keyed-hash';
import { normaliseValue } from '../normalise-value';
import { Params, ProfileError, type OperatorContext, type ValueOperator } from '../operator';

export interface PseudonymParams {
  /** Lower-case e-mail domains kept as they are (with their subdomains). */
  readonly keepDomains: readonly string[];
  readonly ipv4: Ipv4Mode;
}

export const IPV4_MODES: readonly Ipv4Mode[] = ['documentation', 'prefix-preserving'];
/** The digest domain of the prefix-preserving IPv4 map. */
export const PAN_DOMAIN = 'pseudonym:IP_ADDRESS:pan';
/** Derivations tried before giving up on a pseudonym that differs from its original (one is almost always enough). */
const MAX_ATTEMPTS = 16;
const DOMAIN_NAME = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/;
const LEADING_AT_OR_DOT = /^[@.]+/;

/** One prefix-preserving map per key, so that its cache serves the whole run. */
const panMaps = new WeakMap<KeyedHash, PrefixPreservingIpv4>();

function panFor(key: KeyedHash): PrefixPreservingIpv4 {
  let pan = panMaps.get(key);
  if (pan === undefined) {
    pan = new PrefixPreservingIpv4((prefix) => key.digest(PAN_DOMAIN, prefix)[0]!);
    panMaps.set(key, pan);
  }
  return pan;
}

export const pseudonymOperator: ValueOperator<PseudonymParams> = {
  name: 'pseudonym',
  scope: 'value',

  validate(params, where) {
    const p = new Params(params, where);
    const keepDomains = p.strings('keepDomains').map((d) => d.trim().toLowerCase().replace(LEADING_AT_OR_DOT, ''));
    const bad = keepDomains.find((d) => !DOMAIN_NAME.test(d));
    if (bad !== undefined) throw new ProfileError(`${where}.keepDomains has "${bad}", which is not a domain name such as acme.com`);
    const ipv4 = p.oneOf('ipv4', 'documentation', IPV4_MODES);
    p.done('pseudonym');
    return { keepDomains, ipv4 };
  },

  apply(value, normalised, type, params, context) {
    let fake = value;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const domain = attempt === 0 ? `pseudonym:${type}` : `pseudonym:${type}#${attempt}`;
      fake = makeFake(type, context.key.digest(domain, normalised), value, normalised, params, context, attempt);
      if (normaliseValue(type, fake, context.defaultRegion) !== normalised) break;
    }
    context.onPseudonym?.(type, fake, value);
    return fake;
  },
};

function makeFake(
  type: EntityType,
  digest: Uint8Array,
  value: string,
  normalised: string,
  params: PseudonymParams,
  context: OperatorContext,
  attempt: number,
): string {
  switch (type) {
    case 'EMAIL':
      return fakeEmail(digest, normalised, params.keepDomains);
    case 'PHONE':
      return fakePhone(digest, value, context.defaultRegion);
    case 'IP_ADDRESS':
      // a prefix-preserving map is fixed per key: a retry (a 1 in 2^32 chance) falls back to the documentation nets
      return fakeIp(digest, value, attempt === 0 && params.ipv4 === 'prefix-preserving' ? { ipv4: 'prefix-preserving', pan: panFor(context.key) } : { ipv4: 'documentation' });
    case 'MAC_ADDRESS':
      return fakeMac(digest, value);
    case 'URL':
      return fakeUrl(digest, value);
    case 'HOSTNAME':
      return fakeHostname(digest, value);
    case 'CREDIT_CARD':
      return fakeCard(digest, value);
    case 'IBAN':
      return fakeAccount(digest, value);
    case 'USERNAME':
      return fakeUsername(digest);
    case 'PERSON':
      return fakeName(digest, value);
    case 'LOCATION':
      // coordinates become coordinates near 0°, 0° (see fake-coordinates.ts); a place name another place's name
      if (isCoordinatesValue(value)) return fakeCoordinates(digest, value);
      return applyCasePattern(value, fakeCity(digest, normalised, context.defaultRegion));
    case 'ORGANIZATION':
      return applyCasePattern(value, fakeOrganization(digest, value));
    case 'STREET_ADDRESS':
      return fakeStreetAddress(digest, value, context.defaultRegion);
    case 'POSTAL_CODE':
      return fakePostalCode(digest, value);
    case 'DATE_OF_BIRTH':
      return fakeDateOfBirth(digest, value);
    case 'NATIONAL_ID':
      return fakeDocumentNumber(digest, value);
    default:
      return fakeFormatPreserving(digest, value);
  }
}
