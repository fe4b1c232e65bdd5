/**
 * One canonical spelling per value, so that every way of writing it gets the same pseudonym, hash and ordinal:
 * "+49 30 1234567" and "030 1234567" (region DE), "John.Smith@X.com" and "john.smith@x.com", "2001:DB8::1" and
 * "2001:db8:0:0:0:0:0:1".
 */
import ipaddr from 'ipaddr.js';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { EntityType } from '../detect/finding';

export function normaliseValue(type: EntityType, value: string, defaultRegion: string): string {
  const v = value.trim();
  switch (type) {
    case 'EMAIL':
      return normaliseEmail(v);
    case 'PHONE': {
      const p = parsePhoneNumberFromString(v, defaultRegion as CountryCode);
      return p?.isPossible() ? p.number : v.replace(/[^\d+]/g, '');
    }
    case 'IP_ADDRESS':
      return normaliseIp(v);
    case 'MAC_ADDRESS':
      return v.replace(/[^0-9a-f]/gi, '').toLowerCase();
    case 'CREDIT_CARD':
    case 'NATIONAL_ID':
      return /\d/.test(v) ? v.replace(/[\s.-]/g, '').toUpperCase() : v.toLowerCase();
    case 'IBAN':
      return v.replace(/[\s-]/g, '').toUpperCase();
    case 'POSTAL_CODE':
      return v.replace(/\s+/g, ' ').toUpperCase();
    case 'URL':
    case 'HOSTNAME':
      return v.toLowerCase().replace(/\/+$/, '');
    default:
      // names, places, organisations, usernames, free text: case and spacing do not make another value
      return v.normalize('NFC').replace(/\s+/g, ' ').toLowerCase();
  }
}

/** Lower case; the obfuscated forms ("john dot smith at gmail dot com", "john(at)x.com") as the plain address. */
function normaliseEmail(v: string): string {
  let s = v.toLowerCase();
  if (!s.includes('@')) {
    s = s
      .replace(/\s*[[({<]\s*at\s*[\])}>]\s*|\s+at\s+/g, '@')
      .replace(/\s*[[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+/g, '.');
  }
  return s.replace(/^mailto:/, '').replace(/\s+/g, '');
}

function normaliseIp(v: string): string {
  // a port ("10.1.2.3:8080", "[2001:db8::1]:443") is not part of the address
  let s = v;
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracket) s = bracket[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  try {
    return ipaddr.parse(s).toString();
  } catch {
    return s.toLowerCase();
  }
}
