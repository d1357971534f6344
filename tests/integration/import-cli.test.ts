import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { FIXTURES } from '../helpers/adr.js';
import { tempDir } from '../helpers/temp.js';

async function cairn(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function folder(name: string): string {
  const dir = path.join(tempDir(), name);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

describe('cairn import, supersede, link', () => {
  it('imports a folder, prints what happened, and prints the report as JSON with --json', async () => {
    const db = path.join(tempDir(), 'c.db');
    const dir = folder('log4brains');
    const text = await cairn('import', dir, '--db', db);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`Imported from ${dir}: 3 new, 0 updated, 0 unchanged, 3 skipped.`);
    expect(text.out).toMatch(/new {8}ADR 1: Adopt TypeScript {2}\(20210101-adopt-typescript\.md, log4brains\)/);
    expect(text.out).toMatch(/skipped {4}README\.md: .*not a decision/);
    const json = await cairn('import', dir, '--json', '--db', db);
    const report = JSON.parse(json.out);
    expect(report).toMatchObject({ dir, files: 6, imported: [], unchanged: [{}, {}, {}] });
  });

  it('supersedes and links by ADR number, and lists the status history', async () => {
    const db = path.join(tempDir(), 'c.db');
    await cairn('import', folder('nygard'), '--db', db);
    const sup = await cairn('supersede', '1', '3', '--db', db);
    expect(sup).toMatchObject({
      code: 0,
      out: 'ADR 1: Record architecture decisions is superseded by ADR 3: Deploy with containers.',
    });
    const link = await cairn('link', '4', 'relates-to', '2', '--db', db);
    expect(link.out).toBe('ADR 4: Log to local files relates to ADR 2: Deploy with shell scripts.');
    const list = JSON.parse((await cairn('list', '--json', '--db', db)).out) as { number: number; status: string }[];
    expect(list.find((d) => d.number === 1)!.status).toBe('superseded');
    const history = await cairn('status', '1', '--history', '--db', db);
    expect(history.out).toMatch(/revision 1 {2}accepted \("Accepted"\) {2}\(import\)\n.*superseded {2}\(relation\)/);
    const dep = await cairn('status', '4', 'deprecated', '--db', db);
    expect(dep.out).toBe('ADR 4: Log to local files is now deprecated.');
  });

  it('says what was wrong and what to do', async () => {
    const db = path.join(tempDir(), 'c.db');
    expect(await cairn('import', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringContaining('Usage: cairn import DIR'),
    });
    expect(await cairn('import', path.join(tempDir(), 'nope'), '--db', db)).toMatchObject({
      code: 1,
      err: expect.stringContaining('Give the folder that holds the ADR files'),
    });
    expect(await cairn('supersede', '7', '8', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringContaining('No decision has number 7'),
    });
    expect(await cairn('link', 'a', 'b', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringContaining('cairn link 9 amends 5'),
    });
    expect(await cairn('status', 'x', 'maybe', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringContaining('proposed, accepted'),
    });
  });

  it('finds duplicate numbers and renumbers one', async () => {
    const db = path.join(tempDir(), 'c.db');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '0001-a.md'), '# 1. A\n\n## Status\n\nAccepted\n');
    fs.writeFileSync(path.join(dir, '0001-b.md'), '# 1. B\n\n## Status\n\nAccepted\n');
    const imported = await cairn('import', dir, '--db', db);
    expect(imported.out).toMatch(/duplicate {2}ADR 1 is used by 0001-a\.md .* and 0001-b\.md .*cairn renumber ID/);
    const amb = await cairn('supersede', '1', '1', '--db', db);
    expect(amb.err).toMatch(/2 decisions have number 1/);
    const dups = JSON.parse((await cairn('duplicates', '--json', '--db', db)).out);
    const renum = await cairn('renumber', dups[0].decisions[1].id, '--db', db);
    expect(renum.out).toMatch(
      /^ADR 2: B\.\n {2}renamed 0001-b\.md to 0002-b\.md in .*\nExport the folder to write the new number and links into the files\.$/,
    );
    expect(fs.existsSync(path.join(dir, '0002-b.md'))).toBe(true);
    expect((await cairn('duplicates', '--db', db)).out).toBe('No two decisions share a number.');
  });
});
