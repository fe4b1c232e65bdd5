/** The CLI's help texts. */

export const MAIN_USAGE = `anonymise: find and anonymise personal data in support exports (CSV, JSON, NDJSON), offline.

Usage:
  anonymise run INPUT... --out PATH [options]   write anonymised copies
  anonymise scan INPUT [--findings FILE.jsonl]  detect only, and summarise what was found
  anonymise key new|fingerprint FILE            make a project key file, or print a key's fingerprint
  anonymise reveal VAULT PSEUDONYM...           look pseudonyms up in an encrypted vault
  anonymise --help | --version

Run 'anonymise run --help' or 'anonymise scan --help' for the options.

Exit codes: 0 done, 1 verification failed, 2 usage or input error, 130 interrupted.`;

const COMMON_OPTIONS = `  --profile FILE           policy profile (JSON, see docs/profiles.md); default: the built-in policy
                           (pseudonyms for identities, secrets redacted, confidential notes dropped)
  --preset ID              start from a help desk's preset: zendesk | freshdesk | servicenow |
                           salesforce-service-cloud | jira-service-management
  --region CC              default region for national phone numbers (ISO 3166, e.g. GB); overrides the profile
  --format FORMAT          csv | json | ndjson (default: from the file name and content)
  --encoding ENC           utf-8 | utf-16le | utf-16be | windows-1252 (default: from the BOM and content)
  --on-malformed-row MODE  error (default): stop at a CSV row whose field count differs from the header's;
                           keep: process it anyway and list it as a warning
  --quiet                  no progress bar`;

export const RUN_USAGE = `Usage: anonymise run INPUT... --out PATH [options]

Writes an anonymised copy of each INPUT in its own format and encoding. With one input, --out is the output
file (or an existing folder); with several, a folder (created if missing). An output never replaces an input,
and is written to a temp file that is renamed into place only when complete.

Options:
  --out PATH               output file or folder (required)
  --report FILE            also write a JSON report: files with sizes and SHA-256, counts per type and field
  --output-encoding ENC    write in this encoding instead of the input's (e.g. utf-8)
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
