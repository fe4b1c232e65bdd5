/** The CLI's help texts. */

export const MAIN_USAGE = `anonymise: find and anonymise personal data in support exports (CSV, JSON, NDJSON), offline.

Usage:
  anonymise run INPUT... --out PATH [options]   write anonymised copies
  anonymise scan INPUT [--findings FILE.jsonl]  detect only, and summarise what was found
  anonymise verify ORIGINAL... --against ANONYMISED...   check anonymised files before sharing them
  anonymise key new|fingerprint FILE            make a project key file, or print a key's fingerprint
  anonymise reveal VAULT PSEUDONYM...           look pseudonyms up in an encrypted vault
  anonymise --help | --version

Run 'anonymise run --help' or 'anonymise scan --help' for the options.

Exit codes: 0 done, 1 verification failed, 2 usage or input error, 3 internal error, 130 interrupted.`;

const COMMON_OPTIONS = `  --profile FILE           policy profile (JSON, see docs/profiles.md); default: the built-in policy
                           (pseudonyms for identities, secrets redacted, confidential notes dropped)
  --preset ID              start from a help desk's preset: zendesk | freshdesk | servicenow |
                           salesforce-service-cloud | jira-service-management
  --region CC              default region for national phone numbers (ISO 3166, e.g. GB); overrides the profile
  --format FORMAT          csv | json | ndjson (default: from the file name and content)
  --encoding ENC           utf-8 | utf-16le | utf-16be | windows-1252 (default: from the BOM and content)
  --on-malformed-row MODE  error (default): stop at a CSV row whose field count differs from the header's;
                           keep: process it anyway and list it as a warning
  --max-record-chars N     a record (CSV row, JSON record, NDJSON line) longer than N characters is an error
                           (default 67108864, 64 Mi; from 1024 up to 536870912)
  --workers N              detection threads (default: one per core); 1: detect in the main thread.
                           The output is the same whatever N.
  --batch-kb KB            field text per batch handed to a detection thread (default 1024)
  --quiet                  no progress bar`;

export const RUN_USAGE = `Usage: anonymise run INPUT... --out PATH [options]

Writes an anonymised copy of each INPUT in its own format and encoding, then verifies every output against its
input (residual personal data, original values that survived in any spelling, records and columns kept) and
says what each check found. A failed check exits 1 with --strict or --package (no package is then written). With one input, --out is the output
file (or an existing folder); with several, a folder (created if missing). An output never replaces an input,
and is written to a temp file that is renamed into place only when complete.

Options:
  --out PATH               output file or folder (required)
  --output-encoding ENC    write in this encoding instead of the input's (e.g. utf-8)
  --report FILE.json       also write the audit report, as JSON and as FILE.html (prints to PDF): files with
                           sizes and SHA-256, the profile, the key's fingerprint, counts per type, field and
                           operator, the verification and the re-identification risk; never a value
  --package DIR|NAME.zip   after a passed verification, a new folder (or zip archive) with the outputs,
                           report.json, report.html and profile.json (never the key or the vault)
  --strict                 exit 1 when the verification fails (the outputs are written either way)
  --keep-formulas          CSV: write cells that start with = + - @ tab or CR as they are; by default a
                           spreadsheet would run them as formulas, so they get a leading apostrophe (OWASP)
  --quasi-identifiers LIST columns for the re-identification risk (comma-separated), "suggested" (default:
                           from the column names: country, city, company, dates, age...) or "none"
  --k N                    the k-anonymity the risk check aims at (default 5)
  --key FILE               the project key ('anonymise key new FILE'): the same key and profile give the same
                           pseudonyms in every run; without it, a fresh key for this run only
  --save-profile FILE      also write the policy used as a self-contained profile that reproduces this run
  --vault FILE             also write an encrypted vault (scrypt + AES-256-GCM) mapping each pseudonym to its
                           original, for 'anonymise reveal'; off by default: with it the output stays personal data
  --vault-passphrase-file FILE  the vault's passphrase (first line); else $ANONYMISE_VAULT_PASSPHRASE, else a prompt
${COMMON_OPTIONS}`;

export const SCAN_USAGE = `Usage: anonymise scan INPUT [options]

Detects personal data without writing a copy, and prints counts per type and per field.

Options:
  --findings FILE          write one JSON line per finding:
                           {"record","field","start","end","type","detector","score"}
  --include-values         add each finding's original text ("value") to those lines
${COMMON_OPTIONS}`;


export const VERIFY_USAGE = `Usage: anonymise verify ORIGINAL... --against ANONYMISED... [options]

Checks anonymised files against their originals before they are shared, and exits 1 if a check fails:
- residual scan: every detector over the output at high sensitivity; our own replacements are not counted;
- survival check: no original value that the policy transformed may appear in the output, as is, in another
  case, as digits only, URL-encoded, HTML-entity-encoded or base64;
- structure check: the same records, columns or keys and JSON shape, except what the policy dropped;
- re-identification risk (reported, not a failure): k-anonymity over the quasi-identifier columns.
Give the profile or preset the run used: the policy is replayed over the originals to learn what it took out.
Results name files, records, fields and types, never a value. --against may also be one folder that holds
files of the originals' names.

Options:
  --report FILE            also write the results as JSON
  --quasi-identifiers LIST columns for the risk check (comma-separated), "suggested" (default) or "none"
  --k N                    the k-anonymity the risk check aims at (default 5)
${COMMON_OPTIONS}`;
