/**
 * The review workspace's store: the files opened (as handles, the sample export included), their previews, the
 * profile being edited (with undo; a profile loaded from a file, or from the recent list, becomes a new undoable
 * step), the preview recomputed under it, the diff view's filter and selection, the export job with its options,
 * and the reviewer's acknowledgements of residual findings (written into the run's report through main). Every call
 * to main goes through `window.api`; every change of the profile goes through the tested edits in
 * `state/profile-edits.ts`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FileHandleInfo, FolderHandleInfo, IpcResult, JobProgress, RecentProfile } from '../../../shared/ipc-contract';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import type { AppApi } from '../api';
import type { FindingPosition, RowFilter } from '../state/navigation';
import { toFilePreview, type FilePreview } from '../state/preview-model';
import { allowEverywhere, dropColumn, ignoreFinding, markSensitive, setColumnOperator, setTypeOperator, type EditResult, type OperatorSpec, type ProfileJson } from '../state/profile-edits';
import { ProfileHistory } from '../state/profile-history';
import { withDefaultRegion } from '../../../shared/transform/profile-defaults';
import { recomputePreview, type ReviewedRecord } from '../state/recompute-preview';
import type { EntityType } from '../../../shared/detect/finding';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from './ExportPanel';
import { createJobWaiter, JobFailedError, type JobWaiter } from './job-waiter';

/** What a review action asks for (the diff view's buttons). */
export type ReviewAction =
  | { readonly kind: 'ignore-finding' | 'allow-everywhere'; readonly field: string; readonly value: string }
  | { readonly kind: 'mark-sensitive'; readonly value: string; readonly type: EntityType }
  | { readonly kind: 'drop-column'; readonly column: string };

export type ExportState = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportStatus {
  readonly state: ExportState;
  readonly folder?: FolderHandleInfo;
  readonly progress?: JobProgress;
  readonly result?: { readonly passed: boolean; readonly report: unknown; readonly written?: { readonly report: boolean; readonly package: boolean } };
  readonly error?: string;
  /** The run's job id, for acknowledgements into its report. */
  readonly jobId?: string;
  /** Residual findings the reviewer acknowledged, by id. */
  readonly acknowledged: ReadonlySet<string>;
}

export interface Workspace {
  readonly files: readonly FileHandleInfo[];
  readonly previews: ReadonlyMap<string, FilePreview>;
  readonly active?: FileHandleInfo;
  readonly reviewed: readonly ReviewedRecord[];
  readonly profile: ProfileJson;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly filter: RowFilter;
  readonly selected?: FindingPosition;
  readonly busy: boolean;
  readonly error?: string;
  readonly exportStatus: ExportStatus;
  readonly exportOptions: ExportOptions;
  /** The profiles opened lately, newest first. */
  readonly recentProfiles: readonly RecentProfile[];
  /** The name of the profile loaded last, if any. */
  readonly profileName?: string;
  open(): Promise<void>;
  openSample(): Promise<void>;
  /** Loads a profile: the recent one with this handle, or one chosen in a dialog. */
  loadProfile(handle?: string): Promise<void>;
  setExportOptions(options: ExportOptions): void;
  acknowledge(ids: readonly string[], note?: string): Promise<void>;
  dropFiles(files: readonly File[]): Promise<void>;
  setActive(id: string): void;
  act(action: ReviewAction): void;
  setColumnOperator(column: string, spec: OperatorSpec | null): void;
  setTypeOperator(type: EntityType, spec: OperatorSpec): void;
  undo(): void;
  redo(): void;
  setFilter(filter: RowFilter): void;
  select(position: FindingPosition): void;
  chooseFolder(): Promise<void>;
  startExport(): Promise<void>;
  cancelExport(): Promise<void>;
}

const START_PROFILE: ProfileJson = { version: 1 };
const NONE: ReadonlySet<string> = new Set();

export interface WorkspaceOptions {
  /** The settings' default phone region: the preview recomputes under it where the profile sets none (as jobs do). */
  readonly defaultRegion?: string;
}

export function useWorkspace(api: AppApi | undefined, options: WorkspaceOptions = {}): Workspace {
  const { defaultRegion } = options;
  const [files, setFiles] = useState<FileHandleInfo[]>([]);
  const [previews, setPreviews] = useState<ReadonlyMap<string, FilePreview>>(new Map());
  const [activeId, setActiveId] = useState<string>();
  const [history, setHistory] = useState(() => ProfileHistory.start(START_PROFILE));
  const [filter, setFilter] = useState<RowFilter>({ onlyWithFindings: true });
  const [selected, setSelected] = useState<FindingPosition>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [exportStatus, setExportStatus] = useState<ExportStatus>({ state: 'idle', acknowledged: NONE });
  const [exportOptions, setExportOptions] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS);
  const [recentProfiles, setRecentProfiles] = useState<readonly RecentProfile[]>([]);
  const [profileName, setProfileName] = useState<string>();
  const jobId = useRef<string | undefined>(undefined);
  // pseudonyms in the preview: consistent for the session, not the export's (which uses the project key)
  const key = useMemo(() => KeyedHash.random(), []);
  const waiter = useRef<JobWaiter | undefined>(undefined);

  useEffect(() => {
    if (!api) return undefined;
    waiter.current = createJobWaiter(api);
    return () => waiter.current?.dispose();
  }, [api]);

  const unwrap = <T,>(result: IpcResult<T>): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const report = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const refreshRecent = useCallback(async () => {
    if (!api) return;
    const result = await api.profiles.recent();
    if (result.ok) setRecentProfiles(result.value);
  }, [api]);
  useEffect(() => {
    void refreshRecent();
  }, [refreshRecent]);

  const previewAll = useCallback(
    async (opened: readonly FileHandleInfo[]) => {
      if (!api || opened.length === 0) return;
      setBusy(true);
      setError(undefined);
      // first each file's head, read without the rest of the file, so that even a multi-GB export shows at once;
      // then, where the file is longer than its head, the full preview with its sample, which replaces it
      const longer: FileHandleInfo[] = [];
      try {
        const heads = new Map<string, FilePreview>();
        for (const file of opened) {
          const { jobId: id } = unwrap(await api.jobs.preview({ file: file.id, headOnly: true }));
          const head = toFilePreview(file.name, await waiter.current!.wait(id));
          heads.set(file.id, head);
          if (!head.complete) longer.push(file);
        }
        setPreviews((known) => new Map([...known, ...heads]));
        setFiles((known) => [...known, ...opened.filter((f) => !known.some((k) => k.id === f.id))]);
        setActiveId((current) => current ?? opened[0]!.id);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
      for (const file of longer) {
        try {
          const { jobId: id } = unwrap(await api.jobs.preview({ file: file.id }));
          const full = toFilePreview(file.name, await waiter.current!.wait(id));
          setPreviews((known) => new Map(known).set(file.id, full));
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        }
      }
    },
    [api],
  );

  const open = useCallback(async () => {
    if (!api) return;
    try {
      await previewAll(unwrap(await api.files.open({ purpose: 'export' })));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api, previewAll]);

  const openSample = useCallback(async () => {
    if (!api) return;
    try {
      await previewAll([unwrap(await api.files.openSample())]);
    } catch (e) {
      report(e);
    }
  }, [api, previewAll]);

  const loadProfile = useCallback(
    async (handle?: string) => {
      if (!api) return;
      setError(undefined);
      try {
        let file = handle;
        let name = recentProfiles.find((p) => p.id === handle)?.name;
        if (file === undefined) {
          const [picked] = unwrap(await api.files.open({ purpose: 'profile' }));
          if (!picked) return;
          file = picked.id;
          name = picked.name;
        }
        const loaded = unwrap(await api.profiles.load({ file }));
        setHistory((h) => h.push(loaded.profile as ProfileJson));
        setProfileName(loaded.name ?? name);
      } catch (e) {
        report(e);
      } finally {
        await refreshRecent();
      }
    },
    [api, recentProfiles, refreshRecent],
  );

  const dropFiles = useCallback(
    async (dropped: readonly File[]) => {
      if (!api) return;
      try {
        const opened: FileHandleInfo[] = [];
        for (const file of dropped) opened.push(unwrap(await api.files.fromDrop(file)));
        await previewAll(opened);
      } catch (e) {
        report(e);
      }
    },
    [api, previewAll],
  );

  const edit = (result: EditResult) => {
    if (result.ok) setHistory((h) => h.push(result.profile));
    else setError(result.error);
  };

  const act = (action: ReviewAction) => {
    const p = history.current;
    switch (action.kind) {
      case 'ignore-finding':
        return edit(ignoreFinding(p, { field: action.field, value: action.value }));
      case 'allow-everywhere':
        return edit(allowEverywhere(p, action.value));
      case 'mark-sensitive':
        return edit(markSensitive(p, { value: action.value, type: action.type }));
      case 'drop-column':
        return edit(dropColumn(p, action.column));
    }
  };

  const active = files.find((f) => f.id === activeId);
  const preview = activeId ? previews.get(activeId) : undefined;
  // recomputed after every edit (the 200 ms budget holds for 1,000 records once the detectors are warm)
  const recomputed = useMemo((): { rows: readonly ReviewedRecord[]; error?: string } => {
    if (!preview) return { rows: [] };
    try {
      const profile = defaultRegion === undefined ? history.current : (withDefaultRegion(history.current, defaultRegion) as ProfileJson);
      return { rows: recomputePreview(preview.rows, profile, { key, columns: preview.columns }) };
    } catch (e) {
      return { rows: [], error: e instanceof Error ? e.message : String(e) };
    }
  }, [preview, history, key, defaultRegion]);
  const reviewed = recomputed.rows;
  const shownError = error ?? recomputed.error;

  const chooseFolder = useCallback(async () => {
    if (!api) return;
    try {
      const folder = unwrap(await api.files.chooseOutputFolder());
      if (folder) setExportStatus((s) => ({ ...s, folder }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api]);

  const startExport = useCallback(async () => {
    if (!api || !exportStatus.folder || files.length === 0) return;
    const folder = exportStatus.folder;
    setExportStatus({ state: 'running', folder, acknowledged: NONE });
    try {
      const { jobId: id } = unwrap(
        await api.jobs.run({
          files: files.map((f) => f.id),
          outputFolder: folder.id,
          profile: history.current,
          ...(exportOptions.format === 'same' ? {} : { format: exportOptions.format }),
          report: exportOptions.report,
          package: exportOptions.package,
        }),
      );
      jobId.current = id;
      const result = (await waiter.current!.wait(id, (progress) => setExportStatus((s) => ({ ...s, progress })))) as NonNullable<ExportStatus['result']>;
      setExportStatus((s) => ({ ...s, state: 'done', result, jobId: id }));
    } catch (e) {
      const cancelled = e instanceof JobFailedError && e.info.code === 'cancelled';
      setExportStatus((s) => ({ ...s, state: cancelled ? 'cancelled' : 'failed', ...(cancelled ? {} : { error: e instanceof Error ? e.message : String(e) }) }));
    } finally {
      jobId.current = undefined;
    }
  }, [api, exportStatus.folder, files, history, exportOptions]);

  const cancelExport = useCallback(async () => {
    if (api && jobId.current) await api.jobs.cancel({ jobId: jobId.current });
  }, [api]);

  /** Into the run's report when one was written (main checks the ids and answers with the report as rewritten); else in this window only. */
  const acknowledge = useCallback(
    async (ids: readonly string[], note?: string) => {
      if (!api || ids.length === 0) return;
      const { jobId: id, result } = exportStatus;
      if (!result?.written?.report || id === undefined) {
        setExportStatus((s) => ({ ...s, acknowledged: new Set([...s.acknowledged, ...ids]) }));
        return;
      }
      try {
        const outcome = unwrap(await api.reports.acknowledge({ jobId: id, ids, ...(note !== undefined ? { note } : {}) }));
        setExportStatus((s) => ({ ...s, acknowledged: new Set(outcome.acknowledged), ...(s.result ? { result: { ...s.result, report: outcome.report } } : {}) }));
      } catch (e) {
        report(e);
      }
    },
    [api, exportStatus],
  );

  return {
    files,
    previews,
    ...(active ? { active } : {}),
    reviewed,
    profile: history.current,
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    filter,
    ...(selected ? { selected } : {}),
    busy,
    ...(shownError !== undefined ? { error: shownError } : {}),
    exportStatus,
    exportOptions,
    recentProfiles,
    ...(profileName !== undefined ? { profileName } : {}),
    open,
    openSample,
    loadProfile,
    setExportOptions,
    acknowledge,
    dropFiles,
    setActive: (id) => setActiveId(id),
    act,
    setColumnOperator: (column, spec) => edit(spec === null ? { ok: true, profile: withoutColumnRule(history.current, column) } : setColumnOperator(history.current, column, spec)),
    setTypeOperator: (type, spec) => edit(setTypeOperator(history.current, type, spec)),
    undo: () => setHistory((h) => h.undo()),
    redo: () => setHistory((h) => h.redo()),
    setFilter,
    select: setSelected,
    chooseFolder,
    startExport,
    cancelExport,
  };
}

/** The profile without a rule for this column ("by type" in the overview). */
function withoutColumnRule(profile: ProfileJson, column: string): ProfileJson {
  const columns = { ...((profile['columns'] as Record<string, unknown> | undefined) ?? {}) };
  delete columns[column];
  return { ...profile, columns };
}

