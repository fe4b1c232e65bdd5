/**
 * The project key as the settings panel sees it: its status (stored or not, its fingerprint, whether the keychain
 * can hold one) and the actions create, import (a key file picked in main's dialog) and destroy. Only the status
 * ever reaches the window; the key stays in main.
 */
import { useCallback, useEffect, useState } from 'react';
import type { IpcResult, KeyStatus } from '../../../shared/ipc-contract';
import type { AppApi } from '../api';

export interface ProjectKey {
  /** Undefined while loading, and without `window.api`. */
  readonly status?: KeyStatus;
  readonly busy: boolean;
  readonly error?: string;
  create(): Promise<void>;
  importFile(): Promise<void>;
  destroy(): Promise<void>;
}

export function useProjectKey(api: AppApi | undefined): ProjectKey {
  const [status, setStatus] = useState<KeyStatus>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  /** Runs one request; its status becomes the shown one, its failure the shown error. */
  const run = useCallback(async (request: () => Promise<IpcResult<KeyStatus> | undefined>) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await request();
      if (result?.ok) setStatus(result.value);
      else if (result) setError(result.error.message);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    if (api) void run(() => api.keys.status());
  }, [api, run]);

  const importFile = useCallback(
    () =>
      run(async () => {
        if (!api) return undefined;
        const picked = await api.files.open({ purpose: 'key' });
        if (!picked.ok) return picked;
        const [file] = picked.value;
        return file ? api.keys.import({ file: file.id }) : undefined; // cancelled
      }),
    [api, run],
  );

  return {
    ...(status ? { status } : {}),
    busy,
    ...(error !== undefined ? { error } : {}),
    create: () => run(async () => api?.keys.create()),
    importFile,
    destroy: () => run(async () => api?.keys.destroy()),
  };
}
