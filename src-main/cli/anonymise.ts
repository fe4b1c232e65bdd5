/**
 * Entry point of the `anonymise` command. Dispatches to a command, turns every known error into one line on stderr
 * and an exit code, and makes Ctrl-C stop cleanly: the running job aborts and removes its temp files.
 */
import packageJson from '../../package.json';
import { removeLiveTempFilesSync } from '../io/atomic-file';
import { defaultJournalDir, openWriteJournal, recoverInterruptedWrites } from '../io/write-journal';
import { InputError } from '../io/input-error';
import { DetectWorkerError } from '../pipeline/detect-pool';
import { UsageError } from './cli-options';
import type { CliContext } from './cli-context';
import { keyCommand } from './key-command';
import { revealCommand } from './reveal-command';
import { runCommand } from './run-command';
import { scanCommand } from './scan-command';
import { verifyCommand } from './verify-command';
import { MAIN_USAGE } from './usage';

export const EXIT = { ok: 0, verificationFailed: 1, usage: 2, internal: 3, interrupted: 130 } as const;

export async function main(argv: string[], ctx: CliContext): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest, ctx);
      case 'scan':
        return await scanCommand(rest, ctx);
      case 'verify':
        return await verifyCommand(rest, ctx);
      case 'key':
        return await keyCommand(rest, ctx);
      case 'reveal':
        return await revealCommand(rest, ctx);
      case '--version':
      case '-v':
        ctx.stdout.write(`${ctx.version}\n`);
        return EXIT.ok;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        ctx.stdout.write(`${MAIN_USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (ctx.signal.aborted) {
      ctx.stderr.write('anonymise: interrupted; no partial output was left behind\n');
      return EXIT.interrupted;
    }
    if (error instanceof UsageError || isParseArgsError(error)) {
      ctx.stderr.write(`anonymise: ${(error as Error).message}\nRun 'anonymise ${command && !command.startsWith('-') ? `${command} ` : ''}--help' for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      ctx.stderr.write(`anonymise: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof DetectWorkerError) {
      ctx.stderr.write(`anonymise: ${error.message}; no partial output was left behind\n`);
      return EXIT.internal;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** How often a CLI started by `bin/anonymise.mjs` checks that the wrapper still runs. */
const ORPHAN_CHECK_MS = 500;

/**
 * Started by `bin/anonymise.mjs` (ANONYMISE_PARENT_PID is its id), the CLI stops as if interrupted once that process
 * is gone (killed with SIGKILL, which it cannot pass on): its parent then changes. Otherwise nothing is watched.
 */
function stopWhenOrphaned(interrupt: () => void): void {
  const parent = Number(process.env.ANONYMISE_PARENT_PID);
  if (!Number.isInteger(parent) || parent !== process.ppid) return;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.stderr.write('anonymise: the anonymise command that started this process is gone; stopping\n');
    interrupt();
  }, ORPHAN_CHECK_MS);
  timer.unref();
}

/** Runs the CLI as a process. */
export async function runCli(): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    controller.abort();
    if (interrupts > 1) {
      removeLiveTempFilesSync();
      process.exit(EXIT.interrupted);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  stopWhenOrphaned(onSignal);
  // temp files that a killed run left beside its outputs go first; then this run's writes are journalled
  const journal = process.env.ANONYMISE_JOURNAL_DIR || defaultJournalDir();
  const recovered = recoverInterruptedWrites(journal);
  if (recovered > 0) process.stderr.write(`note: removed ${recovered} temp file${recovered === 1 ? '' : 's'} that an interrupted run left behind\n`);
  openWriteJournal(journal);
  try {
    process.exitCode = await main(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      signal: controller.signal,
      version: packageJson.version,
    });
  } catch (error) {
    removeLiveTempFilesSync();
    process.stderr.write(`anonymise: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.internal;
  }
}
