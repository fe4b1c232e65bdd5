// Navigation over the diff view: visible rows under composed filters, the ordered finding positions, and n / p
// moving between them with wrapping.
import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../shared/detect/finding';
import { findingPositions, nextPosition, previousPosition, visibleRows, type NavigableRecord } from '../../../src-renderer/src/state/navigation';

const f = (path: string, value: string, ...types: EntityType[]) => ({ path, value, findings: types.map((type) => ({ type })) });
const rows: NavigableRecord[] = [
  { fields: [f('subject', 'Printer jam'), f('body', 'Nothing here')] },
  { fields: [f('subject', 'Mail for Jane', 'PERSON'), f('body', 'jane@x.example and +1 555', 'EMAIL', 'PHONE')] },
  { fields: [f('subject', 'VPN'), f('comments[2].body', 'Call Bob', 'PERSON')] },
  { fields: [f('subject', 'printer again'), f('body', 'Ticket INC123', 'CASE_NUMBER')] },
];

describe('visibleRows', () => {
  it('shows every row without filters', () => {
    expect(visibleRows(rows)).toEqual([0, 1, 2, 3]);
  });
  it('filters rows with findings, by type, by column (field groups) and by text, composed', () => {
    expect(visibleRows(rows, { onlyWithFindings: true })).toEqual([1, 2, 3]);
    expect(visibleRows(rows, { types: ['PERSON'] })).toEqual([1, 2]);
    expect(visibleRows(rows, { columns: ['comments[].body'] })).toEqual([2]);
    expect(visibleRows(rows, { search: 'PRINTER' })).toEqual([0, 3]);
    expect(visibleRows(rows, { search: 'printer', onlyWithFindings: true })).toEqual([3]);
    expect(visibleRows(rows, { types: ['PERSON'], columns: ['body'] })).toEqual([]);
    expect(visibleRows(rows, { search: '   ' })).toEqual([0, 1, 2, 3]);
  });
});

describe('finding positions and n / p', () => {
  it('orders the positions by row, field and finding, over the matching findings of visible rows', () => {
    expect(findingPositions(rows)).toEqual([
      { row: 1, field: 0, findingIndex: 0 },
      { row: 1, field: 1, findingIndex: 0 },
      { row: 1, field: 1, findingIndex: 1 },
      { row: 2, field: 1, findingIndex: 0 },
      { row: 3, field: 1, findingIndex: 0 },
    ]);
    expect(findingPositions(rows, { types: ['PHONE', 'CASE_NUMBER'] })).toEqual([
      { row: 1, field: 1, findingIndex: 1 },
      { row: 3, field: 1, findingIndex: 0 },
    ]);
    expect(findingPositions(rows, { search: 'bob' })).toEqual([{ row: 2, field: 1, findingIndex: 0 }]);
  });

  it('moves to the next and previous position, wrapping at both ends', () => {
    const all = findingPositions(rows);
    expect(nextPosition(all)).toEqual(all[0]);
    expect(nextPosition(all, all[2])).toEqual(all[3]);
    expect(nextPosition(all, all[4])).toEqual(all[0]);
    expect(previousPosition(all)).toEqual(all[4]);
    expect(previousPosition(all, all[3])).toEqual(all[2]);
    expect(previousPosition(all, all[0])).toEqual(all[4]);
  });

  it('moves from a position that the filters hid to its neighbours in order', () => {
    const persons = findingPositions(rows, { types: ['PERSON'] }); // (1,0,0) and (2,1,0)
    const hidden = { row: 1, field: 1, findingIndex: 1 };
    expect(nextPosition(persons, hidden)).toEqual({ row: 2, field: 1, findingIndex: 0 });
    expect(previousPosition(persons, hidden)).toEqual({ row: 1, field: 0, findingIndex: 0 });
  });

  it('has nowhere to go without findings', () => {
    expect(nextPosition([])).toBeUndefined();
    expect(previousPosition([], { row: 0, field: 0, findingIndex: 0 })).toBeUndefined();
  });
});
