/**
 * No network, proven on the real CLI: a whole run (known values, detection, pseudonyms, verification, the audit
 * report and a zip package), a scan and a stand-alone verify, each
 *   - under `strace -f -e trace=connect`: no `connect()` to anything but a local (AF_UNIX) socket, in any thread or
 *     child process;
 *   - in a new network namespace (`unshare -n`, no interface but a down loopback): the same output, byte for byte,
 *     as outside it, so nothing the run does waits for or depends on a network.
 * CI installs strace (.ci/run) and runs as root, so there both tools must be present; elsewhere a missing tool skips
 * its test and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, fixture, ROOT, tempDir } from '../helpers/cli';

const STRACE = '/usr/bin/strace';
const UNSHARE = '/usr/bin/unshare';
const INPUT = fixture('presets', 'zendesk.csv');
const dir = tempDir();
const KEY = join(dir, 'project.key');
beforeAll(() => {
  const r = cli(['key', 'new', KEY]);
  if (r.status !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const canUnshare = existsSync(UNSHARE) && spawnSync(UNSHARE, ['-n', 'true']).status === 0;
const required = process.env.CI === 'true';

/** The CLI invocations of a whole session: run (with report and package), scan, verify. */
function sessions(out: string): string[][] {
  mkdirSync(out, { recursive: true });
  return [
    ['run', INPUT, '--out', join(out, 'zendesk.csv'), '--key', KEY, '--report', join(out, 'report.json'), '--package', join(out, 'package.zip'), '--quiet'],
    ['scan', INPUT, '--findings', join(out, 'findings.jsonl'), '--quiet'],
    ['verify', INPUT, '--against', join(out, 'zendesk.csv'), '--key', KEY, '--quiet'],
  ];
}

describe('no network', () => {
  it.skipIf(!existsSync(STRACE) && !required)('no connect() but to local sockets, in any thread or child, during run, scan and verify', () => {
    expect(existsSync(STRACE), 'strace is needed in CI (.ci/run installs it)').toBe(true);
    const out = join(dir, 'strace');
    for (const [i, args] of sessions(out).entries()) {
      const log = join(dir, `connect-${i}.log`);
      const r = spawnSync(STRACE, ['-f', '-qq', '-e', 'trace=connect', '-o', log, process.execPath, BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, `${args[0]}: ${r.stderr}`).toBe(0);
      const calls = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('connect('));
      const remote = calls.filter((l) => !/sa_family=AF_(?:UNIX|LOCAL)\b/.test(l));
      expect(remote, `${args[0]} connected to a non-local address`).toEqual([]);
    }
    // the trace did see the run: its outputs exist
    expect(existsSync(join(out, 'zendesk.csv')) && existsSync(join(out, 'package.zip'))).toBe(true);
  });

  it.skipIf(!canUnshare && !required)('in a namespace without network, the same outputs as outside it', () => {
    expect(canUnshare, 'unshare -n is needed in CI (root)').toBe(true);
    const outputs = (out: string, wrap: (args: string[]) => [string, string[]]) => {
      for (const args of sessions(out)) {
        const [cmd, argv] = wrap([process.execPath, BIN, ...args]);
        const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8' });
        expect(r.status, `${args[0]}: ${r.stderr}`).toBe(0);
      }
      return ['zendesk.csv', 'findings.jsonl'].map((f) => readFileSync(join(out, f), 'utf8'));
    };
    const isolated = outputs(join(dir, 'isolated'), (argv) => [UNSHARE, ['-n', ...argv]]);
    const normal = outputs(join(dir, 'normal'), ([cmd, ...argv]) => [cmd!, argv]);
    expect(isolated[0]!.length).toBeGreaterThan(0);
    expect(isolated).toEqual(normal);
  });
});
