/**
 * Payload validators of the IPC contract (./ipc-contract), one per channel: hand-written, small and strict.
 * Unknown keys are rejected, types and bounds are checked, handles must look like handles (so a path sent where a
 * handle belongs is refused). Messages name the field, never the value sent.
 */
import { checkSettingsPatch, SettingsError } from './app-settings';
import { ACKNOWLEDGE_LIMITS, MAX_HANDLES_PER_JOB, PREVIEW_LIMITS, type Channel, type ExportFormat, type RequestOf } from './ipc-contract';

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** A handle id: base64url, 22 (128 bits) to 64 characters. Paths contain `/`, `\` or `.` and never match. */
export const HANDLE_ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
/** Job ids are made by the job runner: short printable tokens. */
const JOB_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_PATH_LENGTH = 4096;
/** A profile is a JSON document of modest size. */
const MAX_PROFILE_NODES = 100_000;
const MAX_PROFILE_DEPTH = 32;

class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

function record(payload: unknown, allowed: readonly string[], required: readonly string[]): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) fail('the payload must be an object');
  const proto = Object.getPrototypeOf(payload) as unknown;
  if (proto !== Object.prototype && proto !== null) fail('the payload must be a plain object');
  const object = payload as Record<string, unknown>;
  for (const key of Object.keys(object)) if (!allowed.includes(key)) fail('the payload has an unknown key');
  for (const key of required) if (object[key] === undefined) fail(`${key} is required`);
  return object;
}

function handle(value: unknown, field: string): string {
  if (typeof value !== 'string' || !HANDLE_ID_PATTERN.test(value)) fail(`${field} must be a handle id`);
  return value;
}

function handles(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) fail(`${field} must be a list of handle ids`);
  if (value.length === 0) fail(`${field} must not be empty`);
  if (value.length > MAX_HANDLES_PER_JOB) fail(`${field} holds more than ${MAX_HANDLES_PER_JOB} handles`);
  const ids = value.map((item: unknown, i) => handle(item, `${field}[${i}]`));
  if (new Set(ids).size !== ids.length) fail(`${field} names a handle twice`);
  return ids;
}

function optionalInt(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(`${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function optionalProfile(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('profile must be an object');
  let nodes = 0;
  const walk = (node: unknown, depth: number): void => {
    if (++nodes > MAX_PROFILE_NODES) fail('profile is too large');
    if (depth > MAX_PROFILE_DEPTH) fail('profile is nested too deeply');
    if (node === null || typeof node === 'string' || typeof node === 'boolean') return;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) fail('profile holds a number that is not finite');
      return;
    }
    if (Array.isArray(node)) return node.forEach((item) => walk(item, depth + 1));
    if (typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
      return Object.values(node).forEach((item) => walk(item, depth + 1));
    }
    fail('profile must be plain JSON');
  };
  walk(value, 0);
  return value;
}

function nothing(payload: unknown): void {
  if (payload !== undefined) fail('this channel takes no payload');
}

/** `{ file: HandleId }`: a request about one opened file. */
function oneFile(payload: unknown): { file: string } {
  const p = record(payload, ['file'], ['file']);
  return { file: handle(p['file'], 'file') };
}

function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

type Validators = { readonly [C in Channel]: (payload: unknown) => RequestOf<C> };

const VALIDATORS: Validators = {
  'app:info': nothing,
  'files:open': (payload) => {
    const { purpose } = record(payload, ['purpose'], ['purpose']);
    if (purpose !== 'export' && purpose !== 'profile' && purpose !== 'key') fail("purpose must be 'export', 'profile' or 'key'");
    return { purpose };
  },
  'files:fromDrop': (payload) => {
    const { path } = record(payload, ['path'], ['path']);
    if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH_LENGTH || path.includes('\0')) {
      fail('path must be a file path');
    }
    return { path };
  },
  'files:chooseOutputFolder': nothing,
  'profiles:load': oneFile,
  'jobs:preview': (payload) => {
    const p = record(payload, ['file', 'records', 'sample', 'headOnly'], ['file']);
    return withoutUndefined({
      file: handle(p['file'], 'file'),
      records: optionalInt(p['records'], 'records', 1, PREVIEW_LIMITS.maxRecords),
      sample: optionalInt(p['sample'], 'sample', 1, PREVIEW_LIMITS.maxSample),
      headOnly: optionalBoolean(p['headOnly'], 'headOnly'),
    });
  },
  'jobs:scan': (payload) => {
    const p = record(payload, ['files', 'profile'], ['files']);
    return withoutUndefined({ files: handles(p['files'], 'files'), profile: optionalProfile(p['profile']) });
  },
  'jobs:run': (payload) => {
    const p = record(payload, ['files', 'outputFolder', 'profile', 'format', 'report', 'package'], ['files', 'outputFolder']);
    const files = handles(p['files'], 'files');
    const outputFolder = handle(p['outputFolder'], 'outputFolder');
    if (files.includes(outputFolder)) fail('outputFolder must not be one of the files');
    return withoutUndefined({
      files,
      outputFolder,
      profile: optionalProfile(p['profile']),
      format: optionalFormat(p['format']),
      report: optionalBoolean(p['report'], 'report'),
      package: optionalBoolean(p['package'], 'package'),
    });
  },
  'jobs:verify': (payload) => {
    const p = record(payload, ['originals', 'anonymised', 'profile'], ['originals', 'anonymised']);
    const originals = handles(p['originals'], 'originals');
    const anonymised = handles(p['anonymised'], 'anonymised');
    if (originals.length !== anonymised.length) fail('originals and anonymised must pair up one to one');
    return withoutUndefined({ originals, anonymised, profile: optionalProfile(p['profile']) });
  },
  'jobs:cancel': (payload) => {
    const { jobId } = record(payload, ['jobId'], ['jobId']);
    return { jobId: jobIdOf(jobId) };
  },
  // --- start screen, export options and report (issue 7) ---
  'files:openSample': nothing,
  'profiles:recent': nothing,
  'reports:acknowledge': (payload) => {
    const p = record(payload, ['jobId', 'ids', 'note'], ['jobId', 'ids']);
    return withoutUndefined({ jobId: jobIdOf(p['jobId']), ids: acknowledgedIds(p['ids']), note: optionalNote(p['note']) });
  },
  // settings and the project key
  'settings:get': nothing,
  'settings:set': (payload) => {
    try {
      return checkSettingsPatch(payload);
    } catch (error) {
      if (error instanceof SettingsError) fail(error.message);
      throw error;
    }
  },
  'keys:status': nothing,
  'keys:create': nothing,
  'keys:import': oneFile,
  'keys:destroy': nothing,
};

function jobIdOf(value: unknown): string {
  if (typeof value !== 'string' || !JOB_ID_PATTERN.test(value)) fail('jobId must be a job id');
  return value;
}

const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson'];

function optionalFormat(value: unknown): ExportFormat | undefined {
  if (value === undefined) return undefined;
  if (!EXPORT_FORMATS.includes(value as ExportFormat)) fail("format must be 'csv', 'json' or 'ndjson'");
  return value as ExportFormat;
}

function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') fail(`${field} must be true or false`);
  return value;
}

/** Finding ids: non-empty printable strings without control characters, each once. */
function acknowledgedIds(value: unknown): string[] {
  if (!Array.isArray(value)) fail('ids must be a list of finding ids');
  if (value.length === 0) fail('ids must not be empty');
  if (value.length > ACKNOWLEDGE_LIMITS.maxIds) fail(`ids holds more than ${ACKNOWLEDGE_LIMITS.maxIds} ids`);
  const ids = value.map((id: unknown, i) => {
    // eslint-disable-next-line no-control-regex
    if (typeof id !== 'string' || id.length === 0 || id.length > ACKNOWLEDGE_LIMITS.maxIdLength || /[\u0000-\u001f\u007f]/.test(id)) {
      fail(`ids[${i}] must be a finding id`);
    }
    return id;
  });
  if (new Set(ids).size !== ids.length) fail('ids names a finding twice');
  return ids;
}

function optionalNote(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > ACKNOWLEDGE_LIMITS.maxNote || value.includes('\0')) {
    fail(`note must be text of at most ${ACKNOWLEDGE_LIMITS.maxNote} characters`);
  }
  return value.trim() === '' ? undefined : value;
}

/** Checks one channel's payload; the value returned is a fresh copy holding only the contract's keys. */
export function validatePayload<C extends Channel>(channel: C, payload: unknown): Validation<RequestOf<C>> {
  try {
    return { ok: true, value: VALIDATORS[channel](payload) as RequestOf<C> };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message };
    // A hostile object (a getter that throws, a revoked proxy) ends here too.
    return { ok: false, message: 'the payload could not be read' };
  }
}

/** Channels that have a validator (the contract test compares this with CHANNELS). */
export const VALIDATED_CHANNELS: readonly Channel[] = Object.freeze(Object.keys(VALIDATORS) as Channel[]);
