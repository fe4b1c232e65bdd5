// The review actions as profile edits: each returns a new, valid profile (the input untouched), refuses an edit that
// makes the profile invalid with the ProfileError's message, and keeps each term once; and the edit history.
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../../shared/transform/profile';
import {
  allowEverywhere,
  dropColumn,
  ignoreFinding,
  markSensitive,
  setColumnOperator,
  setTypeOperator,
  type EditResult,
  type ProfileJson,
} from '../../../src-renderer/src/state/profile-edits';
import { MAX_UNDO_STEPS, ProfileHistory } from '../../../src-renderer/src/state/profile-history';

const base: ProfileJson = Object.freeze({ version: 1, allow: Object.freeze(['support@acme.example']) });

function ok(result: EditResult): ProfileJson {
  if (!result.ok) throw new Error(`edit refused: ${result.error}`);
  return result.profile;
}

describe('profile edits', () => {
  it('ignoreFinding adds an allow term scoped to the field group, which the engine accepts', () => {
    const edited = ok(ignoreFinding(base, { field: 'comments[3].body', value: 'Jane Doe' }));
    expect(edited.allow).toEqual(['support@acme.example', { value: 'Jane Doe', match: 'exact', field: 'comments[].body' }]);
    expect(parseProfile(edited).allow).toContainEqual({ value: 'Jane Doe', match: 'exact', field: 'comments[].body' });
    expect(base.allow).toEqual(['support@acme.example']);
  });

  it('allowEverywhere adds an exact allow term and removes the same value’s field-scoped terms', () => {
    const scoped = ok(ignoreFinding(base, { field: 'body', value: 'ACME' }));
    const edited = ok(allowEverywhere(scoped, 'ACME'));
    expect(edited.allow).toEqual(['support@acme.example', { value: 'ACME', match: 'exact' }]);
    expect(scoped.allow).toHaveLength(2);
  });

  it('keeps each term once: a string term and its object form are the same term', () => {
    expect(ok(allowEverywhere(base, 'support@acme.example'))).toBe(base);
    const once = ok(ignoreFinding(base, { field: 'body', value: 'x1' }));
    expect(ok(ignoreFinding(once, { field: 'body', value: 'x1' }))).toBe(once);
    // allowed everywhere already: no field-scoped copy
    expect(ok(ignoreFinding(base, { field: 'body', value: 'support@acme.example' }))).toBe(base);
    const denied = ok(markSensitive(base, { value: 'Project Phoenix', type: 'CUSTOM' }));
    expect(ok(markSensitive(denied, { value: 'project PHOENIX', type: 'CUSTOM' }))).toBe(denied);
  });

  it('markSensitive adds a case-insensitive deny term with its type, replaces another type, and removes hiding allow terms', () => {
    const edited = ok(markSensitive(base, { value: 'Project Phoenix', type: 'CUSTOM' }));
    expect(edited.deny).toEqual([{ value: 'Project Phoenix', match: 'case-insensitive', type: 'CUSTOM' }]);
    const retyped = ok(markSensitive(edited, { value: 'Project Phoenix', type: 'CONFIDENTIAL_NOTE' }));
    expect(retyped.deny).toEqual([{ value: 'Project Phoenix', match: 'case-insensitive', type: 'CONFIDENTIAL_NOTE' }]);
    const unhidden = ok(markSensitive(base, { value: 'SUPPORT@acme.example', type: 'EMAIL' }));
    expect(unhidden.allow).toEqual([]);
  });

  it('setTypeOperator and setColumnOperator write operators; a column rule keeps its role and type', () => {
    const typed = ok(setTypeOperator(base, 'CREDIT_CARD', { operator: 'mask', keepLast: 4 }));
    expect(typed.operators).toEqual({ CREDIT_CARD: { operator: 'mask', keepLast: 4 } });
    const withRule: ProfileJson = { version: 1, columns: { Requester: { role: 'identifier', type: 'PERSON' } } };
    const ruled = ok(setColumnOperator(withRule, 'Requester', 'hash'));
    expect(ruled.columns).toEqual({ Requester: { role: 'identifier', type: 'PERSON', operator: 'hash' } });
    expect(withRule.columns).toEqual({ Requester: { role: 'identifier', type: 'PERSON' } });
  });

  it('dropColumn sets the column to drop, even for a column named __proto__', () => {
    const dropped = ok(dropColumn(base, '__proto__'));
    expect(Object.hasOwn(dropped.columns as object, '__proto__')).toBe(true);
    expect(parseProfile(dropped).columns.get('__proto__')?.operator?.operator).toBe('drop');
    expect(ok(dropColumn(base, 'Internal note')).columns).toEqual({ 'Internal note': 'drop' });
  });

  it('refuses an edit that makes the profile invalid, with the ProfileError message and no value', () => {
    const bad = setTypeOperator(base, 'EMAIL', { operator: 'mask', keepLast: -3 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/operators\.EMAIL/);
    const unknownOp = setColumnOperator(base, 'body', 'shred');
    expect(unknownOp).toEqual({ ok: false, error: expect.stringContaining('"columns.body"') });
    const badType = markSensitive(base, { value: 'secret-word', type: 'NOT_A_TYPE' as never });
    expect(badType.ok).toBe(false);
    expect(!badType.ok && badType.error).not.toContain('secret-word');
  });
});

describe('ProfileHistory', () => {
  const p = (n: number): ProfileJson => ({ version: 1, name: `p${n}` });

  it('undoes and redoes edits; a new edit forgets the redo steps', () => {
    let h = ProfileHistory.start(p(0)).push(p(1)).push(p(2));
    expect(h.current).toEqual(p(2));
    h = h.undo();
    expect(h.current).toEqual(p(1));
    expect(h.canRedo).toBe(true);
    h = h.redo();
    expect(h.current).toEqual(p(2));
    h = h.undo().undo();
    expect(h.current).toEqual(p(0));
    expect(h.canUndo).toBe(false);
    expect(h.undo()).toBe(h);
    h = h.push(p(9));
    expect(h.canRedo).toBe(false);
    expect(h.redo()).toBe(h);
    expect(h.undo().current).toEqual(p(0));
  });

  it('keeps at most 100 undo steps', () => {
    let h = ProfileHistory.start(p(0));
    for (let i = 1; i <= MAX_UNDO_STEPS + 20; i++) h = h.push(p(i));
    let steps = 0;
    while (h.canUndo) {
      h = h.undo();
      steps++;
    }
    expect(steps).toBe(MAX_UNDO_STEPS);
    expect(h.current).toEqual(p(20));
  });

  it('pushing the current profile again is not a step', () => {
    const h = ProfileHistory.start(p(0));
    expect(h.push(h.current)).toBe(h);
  });
});
