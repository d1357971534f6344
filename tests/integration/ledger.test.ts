import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerFileName } from '../../shared/adr/ledger.js';
import { tempDir, testCore } from '../helpers/temp.js';

/**
 * The evidence ledger through real folders and real SQLite stores: the author exports the
 * sample, a teammate's empty store imports the folder, and both hold the same decision.
 */
async function authorExport() {
  const a = testCore();
  const sample = await a.invoke('createSampleDecision', {});
  const repo = tempDir();
  const res = await a.invoke('runExport', { ids: [], dir: repo, index: false });
  const adr = res.written.find((w) => w.file.endsWith('.md'))!.file;
  return { a, sample, folder: res.folder, adr, ledger: ledgerFileName(adr) };
}

const content = (d: Record<string, unknown>) => {
  const { revision: _r, createdAt: _c, updatedAt: _u, ...rest } = d;
  return rest;
};

function snapshotFolder(folder: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(folder, f), 'utf8')]),
  );
}

describe('the ADR stays short enough to review', () => {
  it('the one-click sample is at most 120 lines and 12 KB, citing only accepted claims under weighted criteria', async () => {
    const { a, sample, folder, adr } = await authorExport();
    const text = fs.readFileSync(path.join(folder, adr), 'utf8');
    expect(text.split('\n').length - 1).toBeLessThanOrEqual(120);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(12 * 1024);
    const d = await a.invoke('getDecision', { id: sample.id });
    const weighted = new Set(d.drivers.filter((x) => x.weight > 0).map((x) => x.id));
    const cited = new Set([...text.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]));
    expect(cited.size).toBeGreaterThan(0);
    for (const c of d.evaluation.claims.filter((c) => cited.has(c.id))) {
      expect(c.verdict).toBe('accepted');
      expect(weighted.has(c.driver)).toBe(true);
    }
    // One Pros and Cons line per option and weighted criterion at most, not one per claim.
    const pros = text.slice(text.indexOf('## Pros and Cons'), text.indexOf('## More Information'));
    expect(pros.split('\n').filter((l) => /^\* (Good|Neutral|Bad), because/.test(l)).length).toBeLessThanOrEqual(
      weighted.size * d.options.length,
    );
  });
});

describe('export → import → export through a ledger', () => {
  it('writes a deterministic ledger beside the ADR, never a .md file', async () => {
    const { folder, adr, ledger } = await authorExport();
    expect(fs.existsSync(path.join(folder, ledger))).toBe(true);
    expect(ledger.endsWith('.md')).toBe(false);
    const text = fs.readFileSync(path.join(folder, ledger), 'utf8');
    const json = JSON.parse(text);
    expect(json.format).toBe('cairn-ledger/1');
    expect(json.adr.file).toBe(adr);
    expect(json.pack).toEqual({ id: 'backend-runtime', version: expect.any(Number) });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\r');
  });

  it('rebuilds the decision whole in an empty store, and re-exporting changes no byte', async () => {
    const { a, sample, folder } = await authorExport();
    const before = snapshotFolder(folder);
    const b = testCore();
    const report = await b.invoke('importFolder', { dir: folder });
    expect(report.warnings).toEqual([]);
    expect(report.imported).toHaveLength(1);
    const mine = await a.invoke('getDecision', { id: sample.id });
    const theirs = await b.invoke('getDecision', { id: report.imported[0]!.id });
    expect(content(theirs)).toEqual(content(mine));
    expect(await b.invoke('evaluateDecision', { id: theirs.id })).toEqual(
      await a.invoke('evaluateDecision', { id: mine.id }),
    );
    const again = await b.invoke('runExport', { ids: [], dir: folder, index: false });
    expect(again.written).toEqual([]);
    expect(again.conflicts).toEqual([]);
    expect(snapshotFolder(folder)).toEqual(before);
  });
});

describe('re-import merges', () => {
  it("takes a teammate's prose edits and keeps every weight, verdict and score", async () => {
    const { a, sample, folder, adr } = await authorExport();
    const file = path.join(folder, adr);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text
        .replace('status: proposed', 'status: accepted')
        .replace('in TypeScript.', 'in TypeScript. Ops asked for one runtime.'),
    );
    const before = await a.invoke('getDecision', { id: sample.id });
    const report = await a.invoke('importFolder', { dir: folder });
    expect(report.conflicts).toEqual([]);
    expect(report.updated[0]!.changes).toEqual(expect.arrayContaining(['status', 'context']));
    const after = await a.invoke('getDecision', { id: sample.id });
    expect(after.status).toBe('accepted');
    expect(after.context).toContain('Ops asked for one runtime.');
    expect(after.drivers).toEqual(before.drivers);
    expect(after.evaluation).toEqual(before.evaluation);
    expect(after.consequences).toEqual(before.consequences);
    expect(after.chosenOption).toBe(before.chosenOption);
  });

  it('reports a field changed on both sides, keeps the local value, and takes the file’s on request', async () => {
    const { a, sample, folder, adr } = await authorExport();
    const local = await a.invoke('getDecision', { id: sample.id });
    await a.invoke('updateDecision', {
      id: sample.id,
      baseRevision: local.revision,
      content: { ...local, context: `${local.context} Author's note.` },
    });
    const file = path.join(folder, adr);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('in TypeScript.', "in TypeScript. Teammate's note."));
    const report = await a.invoke('importFolder', { dir: folder });
    expect(report.conflicts.map((c) => c.field)).toEqual(['context']);
    expect(report.conflicts[0]!.incoming).toContain("Teammate's note.");
    expect((await a.invoke('getDecision', { id: sample.id })).context).toContain("Author's note.");
    // Still open: the next import says so again.
    expect((await a.invoke('importFolder', { dir: folder })).conflicts).toHaveLength(1);
    const taken = await a.invoke('importFolder', { dir: folder, take: [{ id: sample.id, field: 'context' }] });
    expect(taken.conflicts).toEqual([]);
    const after = await a.invoke('getDecision', { id: sample.id });
    expect(after.context).toContain("Teammate's note.");
    expect(after.context).not.toContain("Author's note.");
    expect(after.drivers).toEqual(local.drivers);
  });
});

describe('bad ledgers', () => {
  const cases: [string, (text: string, adr: string) => string, RegExp][] = [
    ['malformed JSON', (t) => t.slice(0, 100), /not valid JSON/],
    ['a newer Cairn', (t) => t.replace('"cairn-ledger/1"', '"cairn-ledger/2"'), /newer Cairn/],
    ['another ADR', (t, adr) => t.replace(JSON.stringify(adr), '"0009-other.md"'), /belongs to "0009-other.md"/],
    ['another ADR’s number', (t) => t.replace(/"number": 1,/, '"number": 9,'), /describes ADR 9, but .* is ADR 1/],
    ['a hostile value', (t) => t.replace(/"weight": 5/, '"weight": "<script>"'), /decision\.drivers\.\d+\.weight/],
  ];
  it.each(cases)(
    '%s: a clear line in the report, the ADR imported from its prose, no crash',
    async (_name, spoil, message) => {
      const { folder, adr, ledger } = await authorExport();
      const full = path.join(folder, ledger);
      fs.writeFileSync(full, spoil(fs.readFileSync(full, 'utf8'), adr));
      const b = testCore();
      const report = await b.invoke('importFolder', { dir: folder });
      expect(report.imported).toHaveLength(1);
      expect(report.warnings.find((w) => w.file === ledger)?.message).toMatch(message);
      const d = await b.invoke('getDecision', { id: report.imported[0]!.id });
      // From prose alone nothing is invented: no weights, no evidence.
      expect(d.drivers.every((x) => x.weight === 0)).toBe(true);
      expect(d.evaluation.claims).toEqual([]);
    },
  );

  it('a huge ledger is not read', async () => {
    const { folder, ledger } = await authorExport();
    fs.writeFileSync(path.join(folder, ledger), ' '.repeat(9 * 1024 * 1024));
    const report = await testCore().invoke('importFolder', { dir: folder });
    expect(report.imported).toHaveLength(1);
    expect(report.warnings.find((w) => w.file === ledger)?.message).toMatch(/larger than 8 MB/);
  });
});
