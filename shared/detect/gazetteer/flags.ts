/** Category and cue bits of gazetteer keys (a key's `flags` is a bit set of them). */

export const GIVEN = 1;
export const SURNAME = 2;
export const COUNTRY = 4;
export const REGION = 8;
export const MAJOR_CITY = 16;
export const CITY = 32;
/** The entry is also a common word (Will, Mark, Nice, Bath): it needs context. */
export const AMBIGUOUS = 64;
/** The key is a common word (whether or not it is a name). */
export const COMMON = 128;
/** The key is a proper prefix of a multi-word entry. */
export const PREFIX = 256;

/**
 * Cue-word categories: detectors register their context words with `watch(words, bit)`, and then test a token's
 * `flags` against the bit instead of building its string. Bits 10..29.
 */
export const CUE_HONORIFIC = 1 << 10;
export const CUE_GREETING = 1 << 11;
export const CUE_SIGNOFF = 1 << 12;
export const CUE_SIGNOFF_FILLER = 1 << 13;
export const CUE_PHRASE_END = 1 << 14;
export const CUE_PARTICLE = 1 << 15;
export const CUE_NAME_SUFFIX = 1 << 16;
export const CUE_ADDRESS = 1 << 17;
export const CUE_STREET = 1 << 18;
export const CUE_LEGAL_SUFFIX = 1 << 19;
export const CUE_ORG_HEAD = 1 << 20;
export const CUE_REPORTING = 1 << 21;
export const CUE_CONJUNCTION = 1 << 22;
export const CUE_PREP_STRONG = 1 << 23;
export const CUE_PREP_WEAK = 1 << 24;
export const CUE_PLACE_PHRASE_END = 1 << 25;
export const CUE_EMPLOYMENT_END = 1 << 26;
export const CUE_ORG_AFTER = 1 << 27;
export const CUE_OF_HEAD = 1 << 28;
export const CUE_FROM_SUBJECT = 1 << 29;
/** Prepositions before a company ("at", "for", "with"). */
export const CUE_ORG_PREP = 1 << 9;
/** Verbs and phrases that follow a company as subject ("invested", "acquired", "is headquartered"). */
export const CUE_ORG_VERB = 1 << 30;

export const NAME = GIVEN | SURNAME;
export const PLACE = COUNTRY | REGION | MAJOR_CITY | CITY;
