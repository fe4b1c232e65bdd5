/**
 * The typed IPC contract: the ONLY way the main process and the renderer talk.
 *
 * Every request is `invoke`-style (request → response). A response crosses as an `IpcResult`:
 * `{ ok: true, value }` or `{ ok: false, error: { code, message } }`. Events flow main → renderer only.
 * Files and folders cross as opaque handles (`HandleId`), never as paths; the single exception is
 * `files:fromDrop`, which only the preload sends (after `webUtils.getPathForFile`).
 *
 * Pure TypeScript: types plus the runtime lists of channels and events (used by the payload validators in
 * ./ipc-validate, the main-side dispatcher, the preload and the contract test).
 */
import type { AppSettings, SettingsPatch } from './app-settings';

/** An opaque random id (≥ 128 bits, base64url) that main maps to a path. */
export type HandleId = string;

export type ExportFormat = 'csv' | 'json' | 'ndjson';
/** What an open dialog is for: exports, a profile, or a project key file to import (`keys:import`). */
export type FilePurpose = 'export' | 'profile' | 'key';
export type JobKind = 'preview' | 'scan' | 'run' | 'verify';

export interface FileHandleInfo {
  readonly id: HandleId;
  /** The file's base name, for display and for naming outputs. */
  readonly name: string;
  readonly size: number;
  readonly format: ExportFormat;
}

export interface FolderHandleInfo {
  readonly id: HandleId;
  readonly name: string;
}

export interface AppInfo {
  readonly app: string;
  readonly electron: string;
  readonly chrome: string;
}

export interface JobStarted {
  readonly jobId: string;
}

/** Bounds of `jobs:preview`. */
export const PREVIEW_LIMITS = Object.freeze({ maxRecords: 1000, defaultRecords: 1000, maxSample: 1000, defaultSample: 200 });
/** At most this many handles in one job request. */
export const MAX_HANDLES_PER_JOB = 100;

export interface PreviewRequest {
  readonly file: HandleId;
  /** 1 … 1000, default 1000. */
  readonly records?: number;
  /** 1 … 1000, default 200. */
  readonly sample?: number;
  /**
   * Only the first `records` records, without reading the rest of the file (no sample; `records` in the result
   * counts what was read): what the window shows first, while a full preview of a large file is still running.
   */
  readonly headOnly?: boolean;
}
export interface ScanRequest {
  readonly files: readonly HandleId[];
  readonly profile?: unknown;
}
export interface RunRequest {
  readonly files: readonly HandleId[];
  readonly outputFolder: HandleId;
  readonly profile?: unknown;
  /** The outputs' format; default: each input's own. */
  readonly format?: ExportFormat;
  /** Write the audit report (`<name>.report.json` and `.html`) into the output folder; default false. */
  readonly report?: boolean;
  /** Write `anonymised-package.zip` (outputs, report, profile) when the verification passed; default false. */
  readonly package?: boolean;
}
/** `originals[i]` is verified against `anonymised[i]`. */
export interface VerifyRequest {
  readonly originals: readonly HandleId[];
  readonly anonymised: readonly HandleId[];
  readonly profile?: unknown;
}

/** A profile read from a file: its JSON (checked by `parseProfile`), to pass to the jobs as `profile`. */
export interface LoadedProfile {
  readonly profile: unknown;
  readonly name?: string;
}

/** A profile opened lately: a handle for `profiles:load` and the file's base name. */
export interface RecentProfile {
  readonly id: HandleId;
  readonly name: string;
}

/** At most this many findings acknowledged in one request, and this long a reviewer's note. */
export const ACKNOWLEDGE_LIMITS = Object.freeze({ maxIds: 10_000, maxIdLength: 2048, maxNote: 2000 });

/** The residual findings of a finished run (`jobId` of its `jobs:run`) that the reviewer acknowledges, by id. */
export interface AcknowledgeRequest {
  readonly jobId: string;
  /** Ids as the report's verification names them: "file:record:field:type" (":form" added for a surviving value). */
  readonly ids: readonly string[];
  readonly note?: string;
}
export interface AcknowledgeResult {
  /** Every id acknowledged in the report so far. */
  readonly acknowledged: readonly string[];
  /** True when every residual finding and surviving value of the report is listed and acknowledged. */
  readonly complete: boolean;
  /** The report as rewritten, with file names instead of paths. */
  readonly report: unknown;
}

/** Request and response of every channel. */
export interface ChannelMap {
  'app:info': { request: void; response: AppInfo };
  'files:open': { request: { readonly purpose: FilePurpose }; response: FileHandleInfo[] };
  'files:fromDrop': { request: { readonly path: string }; response: FileHandleInfo };
  'files:chooseOutputFolder': { request: void; response: FolderHandleInfo | null };
  /** Reads a profile file opened with `files:open {purpose: 'profile'}`, checks it, and returns it for the jobs. */
  'profiles:load': { request: { readonly file: HandleId }; response: LoadedProfile };
  'jobs:preview': { request: PreviewRequest; response: JobStarted };
  'jobs:scan': { request: ScanRequest; response: JobStarted };
  'jobs:run': { request: RunRequest; response: JobStarted };
  'jobs:verify': { request: VerifyRequest; response: JobStarted };
  'jobs:cancel': { request: { readonly jobId: string }; response: { cancelled: boolean } };
  // --- start screen, export options and report (issue 7) ---
  /** The sample export shipped with the app, opened like any other export. */
  'files:openSample': { request: void; response: FileHandleInfo };
  /** The profiles opened lately (newest first, at most 8), as fresh handles for `profiles:load`. */
  'profiles:recent': { request: void; response: RecentProfile[] };
  /** Writes the reviewer's acknowledgements of residual findings into a finished run's report files. */
  'reports:acknowledge': { request: AcknowledgeRequest; response: AcknowledgeResult };
  // --- settings and the project key (issue 7, part 6) ---
  'settings:get': { request: void; response: SettingsView };
  /** A partial update; every value is checked. Responds with the settings now in force. */
  'settings:set': { request: SettingsPatch; response: AppSettings };
  'keys:status': { request: void; response: KeyStatus };
  /** Makes and stores a new key; `conflict` when one is stored, `not-available` without a usable keychain. */
  'keys:create': { request: void; response: KeyStatus };
  /** Stores the key of a key file opened with `files:open {purpose: 'key'}`; refused like `keys:create`. */
  'keys:import': { request: { readonly file: HandleId }; response: KeyStatus };
  /** Removes the stored key for good (the renderer asks the user first). */
  'keys:destroy': { request: void; response: KeyStatus };
}

// --- settings and the project key (issue 7, part 6) ---
export type { AppSettings, SettingsPatch, ThemeSetting } from './app-settings';

/** The stored settings, and what was wrong with the settings file when defaults had to stand in. */
export interface SettingsView {
  readonly settings: AppSettings;
  readonly warning?: string;
}

/** The app's project key as the window may know it: whether one is stored, and its fingerprint, never the key. */
export interface KeyStatus {
  /** The OS keychain can encrypt here, so that a key can be stored. */
  readonly available: boolean;
  readonly stored: boolean;
  readonly fingerprint?: string;
  /** Set when a key is stored but cannot be used (e.g. another user account's keychain encrypted it). */
  readonly problem?: string;
}
export type Channel = keyof ChannelMap;
export type RequestOf<C extends Channel> = ChannelMap[C]['request'];
export type ResponseOf<C extends Channel> = ChannelMap[C]['response'];

/** How far a job has got (as the job runner reports it). */
export interface JobProgressFigures {
  readonly bytes: number;
  readonly totalBytes: number;
  readonly records: number;
  readonly findings: number;
  readonly elapsedMs: number;
  readonly etaMs?: number;
}
export interface JobProgress extends JobProgressFigures {
  readonly jobId: string;
  readonly kind: JobKind;
}
export interface JobDone {
  readonly jobId: string;
  readonly kind: JobKind;
  /** JSON-safe. */
  readonly result: unknown;
}
export interface JobFailed {
  readonly jobId: string;
  readonly kind: JobKind;
  readonly error: IpcErrorInfo;
}

/** Payload of every event (main → renderer). */
export interface EventMap {
  'job:progress': JobProgress;
  'job:done': JobDone;
  'job:failed': JobFailed;
}
export type EventName = keyof EventMap;
export type EventPayload<E extends EventName> = EventMap[E];

/** Error codes used by main. `code` stays a string on the wire so new codes do not break old renderers. */
export type IpcErrorCode =
  | 'invalid'
  | 'forbidden'
  | 'not-found'
  | 'unsupported'
  | 'conflict'
  | 'not-available'
  | 'profile'
  | 'internal';

/** Never holds a path, a value from user data or a stack. */
export interface IpcErrorInfo {
  readonly code: string;
  readonly message: string;
}

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcErrorInfo };

/** Thrown by main-side code to fail a request with a code and a message that is safe to show. */
export class IpcError extends Error {
  override name = 'IpcError';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Every channel, in a fixed order. The `satisfies` below fails to compile if one is missing or extra. */
export const CHANNELS = Object.freeze([
  'app:info',
  'files:open',
  'files:fromDrop',
  'files:chooseOutputFolder',
  'profiles:load',
  'jobs:preview',
  'jobs:scan',
  'jobs:run',
  'jobs:verify',
  'jobs:cancel',
  // --- start screen, export options and report (issue 7) ---
  'files:openSample',
  'profiles:recent',
  'reports:acknowledge',
  // settings and the project key
  'settings:get',
  'settings:set',
  'keys:status',
  'keys:create',
  'keys:import',
  'keys:destroy',
] as const);
export const EVENTS = Object.freeze(['job:progress', 'job:done', 'job:failed'] as const);

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsComplete: Exactly<(typeof CHANNELS)[number], Channel> = true;
const eventsComplete: Exactly<(typeof EVENTS)[number], EventName> = true;
void channelsComplete;
void eventsComplete;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}

/** What main implements: one async handler per channel. */
export type ContractHandlers = { readonly [C in Channel]: (payload: RequestOf<C>) => Promise<ResponseOf<C>> };
