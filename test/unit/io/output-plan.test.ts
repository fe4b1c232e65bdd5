import { mkdirSync, mkdtempSync, writeFileSync, linkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planOutputs } from '../../../src-main/io/output-plan';

function setup() {
  const d = mkdtempSync(join(tmpdir(), 'plan-'));
  mkdirSync(join(d, 'in'));
  mkdirSync(join(d, 'in2'));
  for (const f of ['in/a.csv', 'in/b.json', 'in2/a.csv']) writeFileSync(join(d, f), 'x');
  return d;
}

describe('output plan', () => {
  it('writes one input to the named file, or into an existing folder', async () => {
    const d = setup();
    expect(await planOutputs([join(d, 'in/a.csv')], join(d, 'out.csv'))).toEqual([{ input: join(d, 'in/a.csv'), output: join(d, 'out.csv') }]);
    expect(await planOutputs([join(d, 'in/a.csv')], join(d, 'in2'))).toEqual([{ input: join(d, 'in/a.csv'), output: join(d, 'in2/a.csv') }]);
  });

  it('writes several inputs into a folder, creating it', async () => {
    const d = setup();
    const plan = await planOutputs([join(d, 'in/a.csv'), join(d, 'in/b.json')], join(d, 'new/out'));
    expect(plan.map((p) => p.output)).toEqual([join(d, 'new/out/a.csv'), join(d, 'new/out/b.json')]);
  });

  it('refuses two inputs that would land on one output', async () => {
    const d = setup();
    await expect(planOutputs([join(d, 'in/a.csv'), join(d, 'in2/a.csv')], join(d, 'out'))).rejects.toThrow(/would both be written here/);
  });

  it('refuses to overwrite an input, also through a hard link or a folder', async () => {
    const d = setup();
    linkSync(join(d, 'in/a.csv'), join(d, 'hard.csv'));
    await expect(planOutputs([join(d, 'in/a.csv')], join(d, 'hard.csv'))).rejects.toThrow(/refusing to overwrite the input/);
    await expect(planOutputs([join(d, 'in/a.csv')], join(d, 'in'))).rejects.toThrow(/refusing to overwrite the input/);
    await expect(planOutputs([join(d, 'in/a.csv'), join(d, 'in/b.json')], join(d, 'in'))).rejects.toThrow(/refusing to overwrite/);
  });

  it('refuses a file as the folder for several inputs, and a missing parent folder', async () => {
    const d = setup();
    await expect(planOutputs([join(d, 'in/a.csv'), join(d, 'in/b.json')], join(d, 'in2/a.csv'))).rejects.toThrow(/must be a folder/);
    await expect(planOutputs([join(d, 'in/a.csv')], join(d, 'nowhere/out.csv'))).rejects.toThrow(/does not exist/);
  });
});

describe('side files (report, findings)', () => {
  it('may not overwrite an input or an output, however spelled', async () => {
    const d = setup();
    const { assertNotAmong } = await import('../../../src-main/io/output-plan');
    await expect(assertNotAmong(join(d, 'in/../in/a.csv'), [join(d, 'in/a.csv')], 'the report')).rejects.toThrow(/the report would overwrite/);
    await expect(assertNotAmong(join(d, 'report.json'), [join(d, 'in/a.csv')], 'the report')).resolves.toBeUndefined();
    await expect(assertNotAmong(join(d, 'no/report.json'), [], 'the report')).rejects.toThrow(/does not exist/);
  });
});
