import { describe, expect, it } from 'vitest';
import { DropLog } from '../../../shared/verify/drop-log';

describe('DropLog', () => {
  it('allows exactly the fields a record lost', () => {
    const log = new DropLog();
    log.add(3, ['comments[1].body']);
    expect(log.mayDrop(3, 'comments[1].body')).toBe(true);
    expect(log.mayDrop(3, 'comments[0].body')).toBe(false);
    expect(log.mayDrop(4, 'comments[1].body')).toBe(false);
    expect(log.approximate).toBe(false);
  });

  it('merges what one index lost in several calls (the members of a JSON envelope share index -1)', () => {
    const log = new DropLog();
    log.add(-1, ['note']);
    log.add(-1, ['audit.comment']);
    expect(log.mayDrop(-1, 'note')).toBe(true);
    expect(log.mayDrop(-1, 'audit.comment')).toBe(true);
    expect(log.mayDrop(-1, 'exported_by')).toBe(false);
  });

  it('past its bound, allows any field of later records and says it is approximate', () => {
    const log = new DropLog(2);
    log.add(0, ['a']);
    log.add(5, ['b']);
    log.add(9, ['c']);
    expect(log.mayDrop(0, 'a')).toBe(true);
    expect(log.mayDrop(1, 'x')).toBe(false);
    expect(log.mayDrop(9, 'anything')).toBe(true);
    expect(log.mayDrop(12, 'anything')).toBe(true);
    expect(log.approximate).toBe(true);
  });
});
