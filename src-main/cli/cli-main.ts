/** The process entry of the `anonymise` CLI (bundled to out/cli/anonymise.mjs). */
import { runCli } from './anonymise';

await runCli();
