import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDecisionOrigin } from '../../electron/core/origins.js';
import { openDatabase } from '../../electron/core/store/database.js';
import { MIGRATIONS } from '../../electron/core/store/migrations/index.js';
import { renderImported } from '../../shared/adr/roundtrip.js';
import { contentOf } from '../../shared/decision-content.js';
import { decisionFrom, FIXTURES } from '../helpers/adr.js';
import { tempDir, testCore } from '../helpers/temp.js';

/** A copy of a fixture folder with one extra file whose context is large, as real imported ADRs can be. */
function folder(): { dir: string; big: string } {
  const dir = path.join(tempDir('cairn-origins-'), 'adr');
  fs.cpSync(path.join(FIXTURES, 'nygard'), dir, { recursive: true });
  const big = '0009-a-long-record.md';
  const paragraph = 'This paragraph stands in for the long context a real record may carry. ';
  fs.writeFileSync(
    path.join(dir, big),
    `# 9. A long record\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\n## Context\n\n${paragraph.repeat(2500)}\n\n## Decision\n\nKeep it.\n\n## Consequences\n\nNone.\n`,
  );
  return { dir, big };
}

const files = (dir: string) =>
  Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));

describe('the imported file lives beside the decision, not in it', () => {
  it('no reader of a decision gets the file, an autosave sends none, and saving keeps it', async () => {
    const core = testCore();
    const { dir, big } = folder();
    const report = await core.invoke('importFolder', { dir });
    const id = report.imported.find((f) => f.file === big)!.id;
    const raw = fs.readFileSync(path.join(dir, big), 'utf8');

    const decision = await core.invoke('getDecision', { id });
    expect(decision).not.toHaveProperty('origin');
    // What the editor's autosave sends: the content of the decision it was given.
    const payload = {
      id,
      baseRevision: decision.revision,
      content: {
        ...contentOf(decision),
        consequences: [{ effect: 'good' as const, text: 'Easy to read.', claims: [] }],
      },
    };
    expect(payload.content).not.toHaveProperty('origin');
    // The file's bytes would double the payload: the context is most of the file.
    expect(JSON.stringify(payload).length).toBeLessThan(raw.length * 1.2);
    expect(JSON.stringify(payload).length).toBeGreaterThan(raw.length * 0.9); // the context itself, once

    const saved = await core.invoke('updateDecision', payload);
    expect(saved).not.toHaveProperty('origin');
    expect(readDecisionOrigin(core.db, id)).toMatchObject({ file: big, raw });

    // An old client still sending an origin cannot replace the file behind the decision.
    const forged = { ...contentOf(saved), origin: { file: 'x.md', dialect: 'nygard', raw: 'forged', extra: {} } };
    await core.invoke('updateDecision', { id, baseRevision: saved.revision, content: forged });
    expect(readDecisionOrigin(core.db, id)).toMatchObject({ file: big, raw });
  });

  it('revisions do not grow with the file: each holds the content only', async () => {
    const core = testCore();
    const { dir, big } = folder();
    const report = await core.invoke('importFolder', { dir });
    const id = report.imported.find((f) => f.file === big)!.id;
    const raw = fs.readFileSync(path.join(dir, big), 'utf8');
    let d = await core.invoke('getDecision', { id });
    for (const title of ['A long record, edited', 'A long record, edited twice', 'A long record']) {
      d = await core.invoke('updateDecision', { id, baseRevision: d.revision, content: { ...contentOf(d), title } });
    }
    const rows = core.db
      .prepare(
        'SELECT revision, length(content) AS size, content FROM revisions WHERE decision_id = ? ORDER BY revision',
      )
      .all(id) as { revision: number; size: number; content: string }[];
    expect(rows).toHaveLength(4);
    const contextSize = JSON.stringify(d.context).length;
    for (const r of rows) {
      expect(JSON.parse(r.content)).not.toHaveProperty('origin');
      // The context once (the file would double it), plus a little for the other fields.
      expect(r.size, `revision ${r.revision}`).toBeLessThan(contextSize + 4_000);
    }
    expect(raw.length).toBeGreaterThan(150_000);
    // The file is stored once, whatever the number of revisions.
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM decision_origins WHERE decision_id = ?').get(id)).toEqual({
      n: 1,
    });
  });

  it('an unchanged imported folder, saved as a screen saves it, re-exports byte for byte', async () => {
    const core = testCore();
    const { dir } = folder();
    const before = files(dir);
    const report = await core.invoke('importFolder', { dir });
    for (const f of report.imported) {
      const d = await core.invoke('getDecision', { id: f.id });
      await core.invoke('updateDecision', { id: f.id, baseRevision: d.revision, content: contentOf(d) });
    }
    await core.invoke('runExport', { dir, index: false });
    expect(files(dir)).toEqual(before);
  });
});

describe('migration 0009 moves existing origins out of the content and the revisions', () => {
  it('keeps every byte of the file and the round trip', async () => {
    const file = path.join(tempDir(), 'cairn.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 8) });
    expect(old.pragma('user_version', { simple: true })).toBe(8);
    const rel = 'madr2/0003-use-dead-letter-queue.md';
    const {
      id: _i,
      number: _n,
      revision: _r,
      createdAt: _c,
      updatedAt: _u,
      trashedAt: _t,
      ...content
    } = decisionFrom(rel);
    const json = JSON.stringify(content);
    expect(json).toContain('"origin":{');
    old
      .prepare(
        `INSERT INTO decisions (id, number, title, status, date, revision, created_at, updated_at) VALUES ('d-1', 3, ?, ?, ?, 2, '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')`,
      )
      .run(content.title, content.status, content.date);
    old.prepare(`INSERT INTO decision_content (id, content) VALUES ('d-1', ?)`).run(json);
    const addRevision = old.prepare(
      `INSERT INTO revisions (decision_id, revision, saved_at, reason, number, content) VALUES ('d-1', ?, '2026-01-01T00:00:00Z', 'import', 3, ?)`,
    );
    addRevision.run(1, json);
    addRevision.run(2, json);
    old
      .prepare(
        `INSERT INTO decisions (id, number, title, status, date, revision, created_at, updated_at) VALUES ('d-2', NULL, 'Made in Cairn', 'proposed', '2026-01-01', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run();
    old
      .prepare(`INSERT INTO decision_content (id, content) VALUES ('d-2', ?)`)
      .run(JSON.stringify({ ...content, title: 'Made in Cairn', origin: null }));
    old.close();

    const core = testCore({ dbPath: file });
    const origin = readDecisionOrigin(core.db, 'd-1');
    expect(origin).toEqual(content.origin);
    expect(readDecisionOrigin(core.db, 'd-2')).toBeNull();
    const contents = core.db
      .prepare('SELECT content FROM decision_content UNION ALL SELECT content FROM revisions')
      .all() as { content: string }[];
    expect(contents).toHaveLength(4);
    for (const c of contents) expect(JSON.parse(c.content)).not.toHaveProperty('origin');
    const d = await core.invoke('getDecision', { id: 'd-1' });
    expect(renderImported({ ...d, origin })).toBe(fs.readFileSync(path.join(FIXTURES, rel), 'utf8'));
  });
});
