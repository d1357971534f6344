import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/adr.js';
import { tempDir, testCore } from '../helpers/temp.js';

function copyFixture(name: string): string {
  const dir = path.join(tempDir('cairn-roundtrip-'), name);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return fs.realpathSync(dir);
}

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

describe('import, then export into the same folder', () => {
  it.each(['madr2', 'madr3', 'madr4', 'nygard', 'log4brains', 'variants'])(
    '%s: without edits, every file stays byte for byte (no git diff)',
    async (name) => {
      const core = testCore();
      const dir = copyFixture(name);
      const before = snapshot(dir);
      await core.invoke('importFolder', { dir });
      const result = await core.invoke('runExport', { dir, index: false });
      expect(result.written).toEqual([]);
      expect(result.conflicts).toEqual([]);
      expect(snapshot(dir)).toEqual(before);
      const again = await core.invoke('importFolder', { dir });
      expect(again.imported).toEqual([]);
      expect(again.updated).toEqual([]);
    },
  );

  it('a supersede changes exactly the two files, in their status and relation lines; re-importing them changes nothing', async () => {
    const core = testCore();
    const dir = copyFixture('nygard');
    const before = snapshot(dir);
    const report = await core.invoke('importFolder', { dir });
    const id = (file: string) => report.imported.find((f) => f.file === file)!.id;
    await core.invoke('supersedeDecision', {
      old: id('0001-record-architecture-decisions.md'),
      new: id('0003-deploy-with-containers.md'),
    });
    const result = await core.invoke('runExport', { dir, index: false });
    expect(result.written.map((w) => w.file).sort()).toEqual([
      '0001-record-architecture-decisions.md',
      '0003-deploy-with-containers.md',
    ]);
    const after = snapshot(dir);
    const text = (m: Map<string, Buffer>, f: string) => m.get(f)!.toString('utf8');
    expect(text(after, '0001-record-architecture-decisions.md')).toBe(
      text(before, '0001-record-architecture-decisions.md').replace(
        '\nAccepted\n',
        '\nSuperseded by [3. Deploy with containers](0003-deploy-with-containers.md)\n',
      ),
    );
    expect(text(after, '0003-deploy-with-containers.md')).toBe(
      text(before, '0003-deploy-with-containers.md').replace(
        'Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n',
        'Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n\nSupersedes [1. Record architecture decisions](0001-record-architecture-decisions.md)\n',
      ),
    );
    for (const f of before.keys())
      if (!f.startsWith('0001') && !f.startsWith('0003')) expect(after.get(f)).toEqual(before.get(f));
    const again = await core.invoke('importFolder', { dir });
    expect(again.unchanged).toHaveLength(4);
  });
});
