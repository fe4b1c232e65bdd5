/**
 * The worker thread's entry: runs one job (preview, scan, run or verify) away from the Electron main thread, so
 * that the window never freezes. In: `{type:'start', kind, params}`, then perhaps `{type:'cancel'}`, which aborts
 * the job's AbortController (the jobs then remove their temp files). Out: `{type:'progress', …}` (at most every
 * 100 ms, and once more at the end), then one `{type:'done', result}` or `{type:'failed', error}`.
 * Errors are reduced to a code and a message that names files and lines, never a value; nothing is logged.
 */
import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import packageJson from '../../package.json';
import type { ColumnClassification, Finding } from '../../shared/detect/finding';
import { KnownValueIndex } from '../../shared/detect/known-values';
import { createAllowlist } from '../../shared/detect/term-lists';
import { fieldGroup } from '../../shared/formats/field-group';
import { FormatError, type FormatKind, type SourceRecord } from '../../shared/formats/record';
import { sampleColumns } from '../../shared/pipeline/column-sampler';
import { detectRecord, learnIdentityValues, type RecordDetection } from '../../shared/pipeline/detect-record';
import { createPolicyRegistry } from '../../shared/pipeline/policy-registry';
import type { PipelineProgress } from '../../shared/pipeline/run-pipeline';
import { KEY_BYTES, KeyedHash } from '../../shared/transform/keyed-hash';
import { minScoreFor, profileColumnRole, ProfileError, type Policy } from '../../shared/transform/policy';
import { parseProfile, PROFILE_VERSION } from '../../shared/transform/profile';
import { withDefaultRegion } from '../../shared/transform/profile-defaults';
import { SurvivalIndex } from '../../shared/verify/survival-index';
import { WrittenValues } from '../../shared/verify/written-values';
import { writePackage } from '../cli/data-package';
import { parseRiskOptions } from '../cli/verification-text';
import { createAtomicNewFile, TEMP_SUFFIX, writeAndCommit } from '../io/atomic-file';
import { journalAdd, journalRemove, openWriteJournal } from '../io/write-journal';
import { InputError } from '../io/input-error';
import { defaultWorkerCount, withDetectPool } from '../pipeline/detect-pool';
import { readKeyFile } from '../io/key-file';
import type { JobKind } from '../main/job-runner-port';
import type { AuditReport } from './audit-report';
import { renderAuditReportHtml } from './audit-report-html';
import { convertExport, formatOf, type ConvertedInput } from './convert-export';
import { learnPackageKnownValues } from './learn-package-known-values';
import { openExport, type FileJobOptions } from './open-export';
import { replayPolicy } from './replay-policy';
import { runPackage } from './run-package';
import { scanFile } from './scan-file';
import { toInputError } from './to-input-error';
import { filePassed, verifyFile, type FileVerification } from './verify-file';

/** `journal`: the folder of the write journal (write-journal.ts), so that a killed app's temp files go at its next start. */
export type WorkerRequest = { readonly type: 'start'; readonly kind: JobKind; readonly params: object; readonly journal?: string } | { readonly type: 'cancel' };

export interface WorkerProgress {
  readonly bytes: number;
  readonly totalBytes: number;
  readonly records: number;
  readonly findings: number;
}

export interface JobError {
  readonly code: string;
  readonly message: string;
}

export type WorkerReply =
  | ({ readonly type: 'progress' } & WorkerProgress)
  | { readonly type: 'done'; readonly result: unknown }
  | { readonly type: 'failed'; readonly error: JobError };

export interface PreviewRecord {
  readonly index: number;
  readonly fields: { readonly path: string; readonly value: string; readonly findings: Finding[] }[];
}

const PROGRESS_INTERVAL_MS = 100;
/**
 * Scan, run and verify jobs detect in one thread per core, started by this worker (the preview detects a few
 * hundred records, in this thread). Not one fewer: this thread mostly waits for their batches (detection is about
 * 90% of a run's CPU), and on a 2-core machine N-1 would mean no parallel detection at all.
 */
const JOB_DETECTION = { workers: defaultWorkerCount() };
const MAX_PREVIEW_RECORDS = 100_000;
/** The reservoir sample's seed: the same file gives the same sample every time. */
const DEFAULT_SAMPLE_SEED = 0x5eed;

type Progress = Pick<PipelineProgress, 'bytes' | 'records' | 'findings'>;

/** The job's progress over all its passes and files, as one figure for the whole job, sent at most every 100 ms. */
class ProgressPlan {
  readonly #sizes: readonly number[];
  readonly #stages: readonly string[];
  readonly #fileBytes: number;
  #latest: WorkerProgress = { bytes: 0, totalBytes: 0, records: 0, findings: 0 };
  #lastSent = 0;
  /** Records and findings of the files before the current one in the current stage. */
  #done = { stage: -1, file: -1, records: 0, findings: 0, last: { records: 0, findings: 0 } };

  constructor(stages: readonly string[], sizes: readonly number[]) {
    this.#stages = stages;
    this.#sizes = sizes;
    this.#fileBytes = sizes.reduce((a, b) => a + b, 0);
    this.#latest = { ...this.#latest, totalBytes: this.#fileBytes * stages.length };
  }

  /** Progress of file `file` in stage `stage`; earlier stages and files count as complete. */
  report(stage: string, file: number, p: Progress): void {
    const s = Math.max(0, this.#stages.indexOf(stage));
    const d = this.#done;
    if (s !== d.stage) Object.assign(d, { stage: s, file, records: 0, findings: 0, last: { records: 0, findings: 0 } });
    else if (file !== d.file) Object.assign(d, { file, records: d.records + d.last.records, findings: d.findings + d.last.findings });
    d.last = { records: p.records, findings: p.findings };
    const before = this.#sizes.slice(0, file).reduce((a, b) => a + b, 0);
    const bytes = s * this.#fileBytes + before + Math.min(p.bytes, this.#sizes[file] ?? 0);
    this.#latest = {
      totalBytes: this.#latest.totalBytes,
      bytes: Math.max(this.#latest.bytes, Math.min(bytes, this.#latest.totalBytes)),
      records: d.records + p.records,
      findings: d.findings + p.findings,
    };
    const now = Date.now();
    if (now - this.#lastSent < PROGRESS_INTERVAL_MS) return;
    this.#lastSent = now;
    post({ type: 'progress', ...this.#latest });
  }

  /** The last figure, complete, before the result. */
  finish(): void {
    post({ type: 'progress', ...this.#latest, bytes: this.#latest.totalBytes });
  }
}

interface JobContext {
  readonly signal: AbortSignal;
  plan(stages: readonly string[], paths: readonly string[]): Promise<ProgressPlan>;
}

function post(message: WorkerReply): void {
  parentPort?.postMessage(message);
}

// --- parameters ------------------------------------------------------------------------------------------------

function paramError(name: string, what: string): InputError {
  return new InputError(`invalid job parameter "${name}": ${what}`);
}

/** `names` are the spellings a parameter may have: the brief's (`path`, `paths`, `inputs`) and the port's (`file`, `files`). */
function text(params: Record<string, unknown>, ...names: string[]): string {
  const name = names[0]!;
  const v = names.map((n) => params[n]).find((x) => x !== undefined);
  if (typeof v !== 'string' || v === '') throw paramError(name, 'a path is needed');
  return v;
}

function texts(params: Record<string, unknown>, ...names: string[]): string[] {
  const name = names[0]!;
  const v = names.map((n) => params[n]).find((x) => x !== undefined);
  if (!Array.isArray(v) || v.length === 0 || !v.every((p) => typeof p === 'string' && p !== '')) throw paramError(name, 'a list of paths is needed');
  return v as string[];
}

function count(params: Record<string, unknown>, name: string, fallback: number): number {
  const v = params[name] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_PREVIEW_RECORDS) throw paramError(name, `a whole number from 0 to ${MAX_PREVIEW_RECORDS} is needed`);
  return v;
}

/**
 * The job's project key: `keyBytes` (the app's stored key, which main hands over; wiped here as soon as the key is
 * built), else `keyFile` (a key file's path), else none. Errors name the parameter, never a byte of the key.
 */
async function keyOf(params: Record<string, unknown>): Promise<KeyedHash | undefined> {
  const bytes = params.keyBytes;
  if (bytes !== undefined) {
    if (!(bytes instanceof Uint8Array)) throw paramError('keyBytes', `${KEY_BYTES} bytes are needed`);
    try {
      if (bytes.length !== KEY_BYTES) throw paramError('keyBytes', `${KEY_BYTES} bytes are needed`);
      return new KeyedHash(bytes);
    } finally {
      bytes.fill(0);
    }
  }
  return typeof params.keyFile === 'string' ? readKeyFile(params.keyFile) : undefined;
}

/**
 * The policy of `params.profile` (default: the default profile), with the app's `defaultRegion` where the profile
 * sets none (shared/transform/profile-defaults.ts), and the detectors it asks for.
 */
function policyOf(params: Record<string, unknown>): { policy: Policy; detect: FileJobOptions['detect'] } {
  const region = params.defaultRegion;
  if (region !== undefined && (typeof region !== 'string' || !/^[A-Z]{2}$/.test(region))) throw paramError('defaultRegion', 'a two-letter region is needed');
  const profile = region === undefined ? params.profile : withDefaultRegion(params.profile, region);
  const policy = parseProfile(profile ?? { version: PROFILE_VERSION });
  const registry = createPolicyRegistry(policy);
  return { policy, detect: registry.detect.bind(registry) };
}

/** The policy of `params`, the job's progress over `stages` × `paths`, and each file's job options in a stage. */
async function fileJobs(params: Record<string, unknown>, ctx: JobContext, stages: readonly string[], paths: readonly string[]) {
  const { policy, detect } = policyOf(params);
  const progress = await ctx.plan(stages, paths);
  const job = (inputPath: string, stage: string): FileJobOptions => ({
    inputPath,
    policy,
    detect,
    signal: ctx.signal,
    onProgress: (p) => progress.report(stage, paths.indexOf(inputPath), p),
  });
  return { policy, detect, progress, job };
}

// --- preview ---------------------------------------------------------------------------------------------------

/** A small seeded generator (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy that does not keep the reader's chunk alive (V8 slices share their parent string). */
function detach(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function keptCopy(record: SourceRecord): SourceRecord {
  return { index: record.index, line: record.line, raw: '', fields: record.fields.map((f) => ({ path: detach(f.path), value: detach(f.value) })) };
}

/**
 * The first `records` records and a reservoir sample (Algorithm R, seeded) of `sample` records over the whole file,
 * in one streaming pass that also learns every identity column's values, so that the records shown are detected
 * with the known values of the whole file. Memory: the kept records, plus the known-value index (itself bounded).
 *
 * With `headOnly: true` it stops once it has the head (and the columns' sample): the head of a file of any size is
 * ready in about a second, detected with the known values of the records read so far; the result then says
 * `headOnly: true`, `records` counts the records read, and `wholeFile` says whether that was all of the file. A full
 * preview (for the sample) can follow.
 *
 * This is the one job whose result holds values from the data: the user's own file, shown to them in their own
 * window. It is never written anywhere nor logged.
 */
async function previewJob(params: Record<string, unknown>, ctx: JobContext) {
  const path = text(params, 'path', 'file');
  const headOnly = params.headOnly === true;
  const headCount = count(params, 'records', 1000);
  const sampleCount = count(params, 'sample', 200);
  const { policy, detect, progress, job } = await fileJobs(params, ctx, ['read'], [path]);
  const { input, format, reader } = await openExport({ ...job(path, 'read'), onProgress: undefined });
  const head: SourceRecord[] = [];
  const sample: SourceRecord[] = [];
  const random = seededRandom(DEFAULT_SAMPLE_SEED);
  const known = new KnownValueIndex();
  let records = 0;
  // false once a head-only preview stops before the end of the file
  let wholeFile = true;
  let columns: ColumnClassification[] = [];
  try {
    const batches = reader[Symbol.asyncIterator]();
    const { roles, buffered } = await sampleColumns(batches, fieldGroup, detect, policy.defaultRegion, (g) => profileColumnRole(policy, g));
    const roleOf = (r: SourceRecord) => r.fields.map((f) => roles.roleOf(fieldGroup(f.path)));
    const take = (record: SourceRecord) => {
      learnIdentityValues(record, roleOf(record), known);
      if (record.index === null) return; // a JSON envelope member is not a record
      const i = records++;
      if (i < headCount) head.push(keptCopy(record));
      if (i < sampleCount) sample.push(i < headCount ? head[i]! : keptCopy(record));
      else {
        const j = Math.floor(random() * (i + 1));
        if (j < sampleCount) sample[j] = keptCopy(record);
      }
    };
    async function* all() {
      yield* buffered.splice(0);
      for (let next = await batches.next(); !next.done; next = await batches.next()) yield next.value;
    }
    for await (const batch of all()) {
      ctx.signal.throwIfAborted();
      for (const item of batch) if (item.kind === 'record') take(item.record);
      progress.report('read', 0, { bytes: input.bytesRead(), records, findings: 0 });
      if (headOnly && records >= headCount) {
        wholeFile = false;
        await batches.return?.(); // closes the file
        break;
      }
    }
    columns = roles.all();
    sample.sort((a, b) => a.index! - b.index!);
    const isAllowed = createAllowlist(policy.allow);
    const detection: RecordDetection = {
      detect,
      defaultRegion: policy.defaultRegion,
      known,
      keep: (f, value, field) => f.score >= minScoreFor(policy, f.detector) && !isAllowed(value.slice(f.start, f.end), field),
    };
    const shown = new Map<SourceRecord, PreviewRecord>();
    const show = (record: SourceRecord): PreviewRecord => {
      let out = shown.get(record);
      if (out) return out;
      ctx.signal.throwIfAborted();
      const found = detectRecord(record, roleOf(record), detection);
      out = {
        index: record.index!,
        fields: record.fields.map((f, i) => ({
          path: f.path,
          value: f.value,
          findings: found[i]!.map(({ start, end, type, score, detector, explanation }) => ({ start, end, type, score, detector, explanation })),
        })),
      };
      shown.set(record, out);
      return out;
    };
    const result = { format, encoding: input.encoding, columns, head: head.map(show), sample: sample.map(show), records, ...(headOnly ? { headOnly, wholeFile } : {}) };
    progress.finish();
    return result;
  } catch (error) {
    throw error instanceof FormatError ? toInputError(error, path) : error;
  }
}

// --- scan, run, verify -----------------------------------------------------------------------------------------

/** Detection only, per file: counts by type and field, never a value. Known values are learned first, as the CLI does. */
async function scanJob(params: Record<string, unknown>, ctx: JobContext) {
  const paths = texts(params, 'paths', 'files');
  const { job, progress } = await fileJobs(params, ctx, ['known-values', 'scan'], paths);
  const known = await learnPackageKnownValues(paths.map((p) => job(p, 'known-values')));
  const files = await withDetectPool(JOB_DETECTION, async (pool) => {
    const out = [];
    for (const path of paths) {
      const r = await scanFile({ ...job(path, 'scan'), known, ...(pool ? { batchDetector: pool } : {}) });
      out.push({ path, format: r.format, encoding: r.encoding, summary: r.summary, warnings: r.warnings });
    }
    return out;
  });
  progress.finish();
  return { files };
}

/**
 * The whole run (known values, anonymise, verify) through `runPackage`; outputs are written atomically. In another
 * format than an input's, that input is first converted (`convert-export.ts`) into a hidden temp file beside its
 * output, removed again at the end, and the run reads the converted copy. Then, if asked for, the audit report
 * (JSON and HTML) and, after a passed verification only, the package, neither ever over an existing file.
 */
async function runJob(params: Record<string, unknown>, ctx: JobContext) {
  const inputs = texts(params, 'inputs', 'files');
  const outputs = texts(params, 'outputs');
  if (outputs.length !== inputs.length) throw paramError('outputs', 'one output path per input is needed');
  const format = optionalFormat(params);
  const reportFiles = optionalReportFiles(params);
  const packagePath = params.package === undefined ? undefined : text(params, 'package');
  const { policy } = policyOf(params);
  const key = (await keyOf(params)) ?? KeyedHash.random();
  const converting = format === undefined ? [] : await Promise.all(inputs.map(async (input) => (await formatOf(input)) !== format));
  const stages = converting.some(Boolean) ? ['convert', 'known-values', 'anonymise', 'verify'] : ['known-values', 'anonymise', 'verify'];
  const progress = await ctx.plan(stages, inputs);
  const staged: string[] = [];
  try {
    const conversions: (ConvertedInput | undefined)[] = [];
    const runInputs: string[] = [];
    for (const [i, input] of inputs.entries()) {
      if (!converting[i]) {
        conversions.push(undefined);
        runInputs.push(input);
        continue;
      }
      const output = outputs[i]!;
      const temp = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
      staged.push(temp);
      journalAdd(temp);
      conversions.push(await convertExport(input, temp, format!, ctx.signal));
      progress.report('convert', i, { bytes: conversions[i]!.bytes, records: 0, findings: 0 });
      runInputs.push(temp);
    }
    const fileIndex = (file: string) => Math.max(runInputs.indexOf(file), outputs.indexOf(file));
    // the verification reports no records of its own: the figures shown stay those of the anonymised records
    const anonymised = new Map<number, { records: number; findings: number }>();
    const run = await runPackage({
      inputs: runInputs,
      outputs,
      policy,
      key,
      version: packageJson.version,
      parallel: JOB_DETECTION,
      signal: ctx.signal,
      onProgress: (stage, file, p) => {
        const i = fileIndex(file);
        if (stage === 'anonymise') anonymised.set(i, { records: p.records, findings: p.findings });
        progress.report(stage, i, stage === 'verify' ? { ...p, ...anonymised.get(i) } : p);
      },
    });
    const report = withConversions(run.report, inputs, runInputs, conversions);
    if (reportFiles) {
      await writeNewTextFile(reportFiles.json, `${JSON.stringify(report, null, 2)}\n`, 'the report');
      await writeNewTextFile(reportFiles.html, renderAuditReportHtml(report), 'the report');
    }
    const packaged = packagePath !== undefined && run.passed;
    if (packaged) await writePackage(packagePath, outputs, report);
    progress.finish();
    return { report, passed: run.passed, written: { report: reportFiles !== undefined, package: packaged } };
  } finally {
    for (const temp of staged) {
      await rm(temp, { force: true });
      journalRemove(temp);
    }
  }
}

function optionalFormat(params: Record<string, unknown>): FormatKind | undefined {
  const v = params.format;
  if (v === undefined) return undefined;
  if (v !== 'csv' && v !== 'json' && v !== 'ndjson') throw paramError('format', "'csv', 'json' or 'ndjson' is needed");
  return v;
}

function optionalReportFiles(params: Record<string, unknown>): { json: string; html: string } | undefined {
  if (params.report === undefined) return undefined;
  const r = params.report as Record<string, unknown>;
  return { json: text(r, 'json'), html: text(r, 'html') };
}

/** The report of a run over converted copies, naming the original inputs: their paths, formats, sizes and hashes. */
function withConversions(report: AuditReport, inputs: readonly string[], runInputs: readonly string[], conversions: readonly (ConvertedInput | undefined)[]): AuditReport {
  if (conversions.every((c) => c === undefined)) return report;
  const original = (path: string) => {
    const i = runInputs.indexOf(path);
    return i >= 0 && conversions[i] ? inputs[i]! : path;
  };
  const notes = conversions.flatMap((c, i) =>
    c ? [`${basename(inputs[i]!)} was converted from ${c.from.toUpperCase()} to ${c.to.toUpperCase()} before it was anonymised; the verification compares the output with the converted copy, value for value.`] : [],
  );
  return {
    ...report,
    files: report.files.map((f, i) => {
      const c = conversions[i];
      return c ? { ...f, input: { ...f.input, path: inputs[i]!, bytes: c.bytes, sha256: c.sha256, format: c.from, encoding: c.encoding }, conversion: { from: c.from, to: c.to } } : f;
    }),
    ...(report.verification
      ? { verification: { ...report.verification, notes: [...(report.verification.notes ?? []), ...notes], files: report.verification.files.map((v) => ({ ...v, original: original(v.original) })) } }
      : {}),
  };
}

/** A new file, complete or not at all, never over an existing one. */
async function writeNewTextFile(path: string, text: string, what: string): Promise<void> {
  const file = await createAtomicNewFile(path, what);
  await writeAndCommit(file, new TextEncoder().encode(text));
}

/** `verify` on its own: the policy replayed over the originals, then each anonymised file checked against its original. */
async function verifyJob(params: Record<string, unknown>, ctx: JobContext) {
  const originals = texts(params, 'originals');
  const anonymised = texts(params, 'anonymised');
  if (anonymised.length !== originals.length) throw paramError('anonymised', 'one anonymised file per original is needed');
  const key = await keyOf(params);
  const { job, progress } = await fileJobs(params, ctx, ['replay', 'verify'], originals);
  const risk = parseRiskOptions({});
  const survival = new SurvivalIndex();
  const written = new WrittenValues();
  const files = await withDetectPool(JOB_DETECTION, async (pool) => {
    const detecting = (options: FileJobOptions): FileJobOptions => (pool ? { ...options, batchDetector: pool } : options);
    const replayed = await replayPolicy(originals.map((p) => detecting(job(p, 'replay'))), { survival, written, ...(key ? { key } : {}) });
    const out: FileVerification[] = [];
    for (const [i, original] of originals.entries()) {
      const r = replayed[i]!;
      out.push(
        await verifyFile({
          ...detecting(job(original, 'verify')),
          originalPath: original,
          anonymisedPath: anonymised[i]!,
          survival,
          written,
          droppedColumns: r.droppedColumns,
          mayDrop: (index, path) => r.drops.mayDrop(index, path),
          ...risk.forColumns(r.columns),
        }),
      );
    }
    return out;
  });
  progress.finish();
  return { passed: files.every(filePassed), files };
}

const JOBS: Record<JobKind, (params: Record<string, unknown>, ctx: JobContext) => Promise<unknown>> = {
  preview: previewJob,
  scan: scanJob,
  run: runJob,
  verify: verifyJob,
};

// --- the worker ------------------------------------------------------------------------------------------------

/** What the main process is told of an error: the messages of input and profile errors name files and lines only. */
export function toJobError(error: unknown, cancelled: boolean): JobError {
  if (cancelled) return { code: 'cancelled', message: 'cancelled' };
  if (error instanceof InputError || error instanceof FormatError) return { code: 'input', message: error.message };
  if (error instanceof ProfileError) return { code: 'profile', message: error.message };
  return { code: 'internal', message: 'internal error' };
}

async function sizesOf(paths: readonly string[]): Promise<number[]> {
  return Promise.all(paths.map((p) => stat(p).then((s) => s.size, () => 0)));
}

function serve(port: NonNullable<typeof parentPort>): void {
  const controller = new AbortController();
  let started = false;
  port.on('message', (message: WorkerRequest) => {
    if (message.type === 'cancel') {
      controller.abort();
      return;
    }
    if (started) return;
    started = true;
    if (message.journal !== undefined) openWriteJournal(message.journal);
    const run = JOBS[message.kind];
    const ctx: JobContext = { signal: controller.signal, plan: async (stages, paths) => new ProgressPlan(stages, await sizesOf(paths)) };
    const job = run ? run({ ...message.params } as Record<string, unknown>, ctx) : Promise.reject(new Error('unknown job kind'));
    job.then(
      (result) => post({ type: 'done', result }),
      (error: unknown) => post({ type: 'failed', error: toJobError(error, controller.signal.aborted) }),
    ).finally(() => port.close());
  });
}

if (parentPort) serve(parentPort);
