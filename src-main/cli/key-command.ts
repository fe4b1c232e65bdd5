/** `anonymise key new FILE` and `anonymise key fingerprint FILE`: make a project key file, or name one by its fingerprint. */
import { parseArgs } from 'node:util';
import { readKeyFile, writeNewKeyFile } from '../io/key-file';
import { UsageError } from './cli-options';
import type { CliContext } from './cli-context';

export const KEY_USAGE = `Usage: anonymise key new FILE
       anonymise key fingerprint FILE

A project key makes hashes, pseudonyms and date shifts repeatable: the same key file and profile give the same
output on every run. Without a key, each run uses a fresh random key.

  new FILE           write a new random key to FILE (mode 0600; an existing file is never replaced)
                     and print its fingerprint
  fingerprint FILE   print the fingerprint of the key in FILE (reports name the key by it)

Keep a key file safe and never share it: with it, anyone can test guesses against the pseudonyms it made.`;

export async function keyCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    ctx.stdout.write(`${KEY_USAGE}\n`);
    return 0;
  }
  const [action, file, ...extra] = positionals;
  if (action !== 'new' && action !== 'fingerprint') {
    throw new UsageError(action === undefined ? 'key needs an action: new or fingerprint' : `unknown key action "${action}" (new or fingerprint)`);
  }
  if (file === undefined || extra.length > 0) throw new UsageError(`key ${action} takes exactly one FILE`);
  if (action === 'new') {
    const { fingerprint } = await writeNewKeyFile(file);
    ctx.stdout.write(`wrote ${file}\nfingerprint: ${fingerprint}\n`);
    ctx.stderr.write(`Keep ${file} safe and never share it: with it, anyone can test guesses against the pseudonyms it makes.\n`);
    return 0;
  }
  const key = await readKeyFile(file, { onWarning: (message) => ctx.stderr.write(`warning: ${message}\n`) });
  ctx.stdout.write(`fingerprint: ${key.fingerprint()}\n`);
  return 0;
}
