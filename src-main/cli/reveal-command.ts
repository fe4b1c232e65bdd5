/** `anonymise reveal VAULT PSEUDONYM...`: looks pseudonyms up in an encrypted vault and prints their originals. */
import { parseArgs } from 'node:util';
import { obtainPassphrase, PASSPHRASE_ENV } from '../io/passphrase';
import { revealFromVault } from '../io/vault-file';
import { UsageError } from './cli-options';
import type { CliContext } from './cli-context';

export const REVEAL_USAGE = `Usage: anonymise reveal VAULT PSEUDONYM... [--passphrase-file FILE]

Prints the original behind each PSEUDONYM, one line each:
  PSEUDONYM<TAB>TYPE<TAB>ORIGINAL        (one line per original if several share the pseudonym)
  PSEUDONYM<TAB>(not in the vault)
A tab, line break or backslash inside an original is written as \\t, \\n, \\r or \\\\.

The passphrase comes from --passphrase-file (its first line), else the ${PASSPHRASE_ENV}
environment variable, else a prompt on the terminal.

Options:
  --passphrase-file FILE   read the passphrase from the first line of FILE

Exit codes: 0 all found, 1 some not in the vault, 2 usage or input error (wrong passphrase, damaged vault).`;

/** Exit code when at least one pseudonym is not in the vault. */
const SOME_NOT_FOUND = 1;

export interface RevealIo {
  env: Readonly<Record<string, string | undefined>>;
  stdin: NodeJS.ReadStream;
}

export async function revealCommand(args: string[], ctx: CliContext, io: RevealIo = { env: process.env, stdin: process.stdin }): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'passphrase-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout.write(`${REVEAL_USAGE}\n`);
    return 0;
  }
  const [vault, ...pseudonyms] = positionals;
  if (vault === undefined || pseudonyms.length === 0) throw new UsageError('reveal takes a VAULT and at least one PSEUDONYM');
  const passphrase = await obtainPassphrase({ file: values['passphrase-file'], env: io.env, stdin: io.stdin, prompt: ctx.stderr });
  if (passphrase === undefined) {
    throw new UsageError(`no passphrase: give --passphrase-file FILE, set ${PASSPHRASE_ENV}, or run in a terminal to be asked`);
  }
  const found = await revealFromVault(vault, passphrase, pseudonyms);
  let missing = 0;
  for (const pseudonym of pseudonyms) {
    const entries = found.get(pseudonym);
    if (entries === undefined) {
      missing++;
      ctx.stdout.write(`${escapeField(pseudonym)}\t(not in the vault)\n`);
      continue;
    }
    for (const { type, original } of entries) ctx.stdout.write(`${escapeField(pseudonym)}\t${type}\t${escapeField(original)}\n`);
  }
  return missing === 0 ? 0 : SOME_NOT_FOUND;
}

/** Keeps one value on one tab-separated line. */
function escapeField(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}
