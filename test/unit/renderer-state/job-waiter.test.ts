import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/ipc-contract';
import { createJobWaiter } from '../../../src-renderer/src/workspace/job-waiter';

/** A fake `api.on` that the test can emit through. */
function fakeEvents() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  return {
    on<E extends EventName>(event: E, listener: (p: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

const progress = (jobId: string, records: number) => ({ jobId, kind: 'run' as const, bytes: records, totalBytes: 10, records, findings: 0, elapsedMs: 1 });

describe('createJobWaiter', () => {
  it('resolves with the result, passes progress of its own job only', async () => {
    const events = fakeEvents();
    const waiter = createJobWaiter(events);
    const seen: number[] = [];
    const done = waiter.wait('a', (p) => seen.push(p.records));
    events.emit('job:progress', progress('a', 1));
    events.emit('job:progress', progress('b', 99));
    events.emit('job:progress', progress('a', 2));
    events.emit('job:done', { jobId: 'a', kind: 'run', result: { passed: true } });
    await expect(done).resolves.toEqual({ passed: true });
    expect(seen).toEqual([1, 2]);
  });

  it('rejects with the error of a failed job, and keeps an outcome that came before anyone waited', async () => {
    const events = fakeEvents();
    const waiter = createJobWaiter(events);
    events.emit('job:failed', { jobId: 'c', kind: 'run', error: { code: 'cancelled', message: 'cancelled' } });
    events.emit('job:done', { jobId: 'd', kind: 'preview', result: 42 });
    const failed = waiter.wait('c');
    await expect(failed).rejects.toMatchObject({ name: 'JobFailedError', info: { code: 'cancelled' } });
    await expect(waiter.wait('d')).resolves.toBe(42);
  });

  it('unsubscribes on dispose', () => {
    const events = fakeEvents();
    const waiter = createJobWaiter(events);
    expect(events.count()).toBe(3);
    waiter.dispose();
    expect(events.count()).toBe(0);
  });
});
