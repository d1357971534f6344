import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import type { Decision, DecisionContent } from '../../shared/domain.js';
import { setVerdicts, setWeight, unreviewedCount } from '../../shared/evaluation.js';
import { analyzeDecision } from '../../shared/scoring.js';
import { tempDir, testCore } from '../helpers/temp.js';

async function cairn(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function contentOf(d: Decision): DecisionContent {
  const { id: _i, number: _n, revision: _r, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = d;
  return content;
}

describe('evidence review owned by the architect', () => {
  it('a decision made with a pack and exported without review cites no claim and has no matrix', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cairn.db');
    const made = JSON.parse(
      (await cairn('new', 'Which runtime?', '--pack', 'backend-runtime', '--db', db, '--json')).out,
    ) as Decision;
    expect(unreviewedCount(made)).toBe(made.evaluation.claims.length);
    expect(made.drivers.every((d) => d.weight === 0)).toBe(true);
    const out = path.join(dir, 'adr');
    fs.mkdirSync(out);
    const exported = await cairn('export', made.id, '--dir', out, '--no-index', '--db', db);
    expect(exported.err).toBe('');
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(1);
    const text = fs.readFileSync(path.join(out, files[0]!), 'utf8');
    expect(text).not.toMatch(/\[\^/);
    expect(text).not.toContain('Weighted matrix');
  });

  it('pre-filled scores count accepted claims only; accepting a cell’s claims at once moves its score and cites them', async () => {
    const dir = tempDir();
    const core = testCore({ dbPath: path.join(dir, 'cairn.db') });
    const d = await core.invoke('createDecision', { content: { title: 'Which runtime?' } });
    const current = await core.invoke('applyPack', { id: d.id, pack: 'backend-runtime' });
    const driver = current.drivers[0]!;
    const option = current.options[0]!;
    let content = setWeight(contentOf(current), driver.id, 5);
    const before = analyzeDecision(content)
      .matrix.rows.find((r) => r.driver === driver.id)!
      .cells.find((c) => c.option === option.id)!;
    const cell = content.evaluation.claims.filter((c) => c.driver === driver.id && c.option === option.id);
    expect(cell.length).toBeGreaterThan(0);
    expect(before.prefill.value).toBeNull();
    expect(before.prefill.unreviewed).toBe(cell.length);

    content = setVerdicts(
      content,
      cell.map((c) => c.id),
      'accepted',
    );
    const after = analyzeDecision(content)
      .matrix.rows.find((r) => r.driver === driver.id)!
      .cells.find((c) => c.option === option.id)!;
    expect(after.prefill.unreviewed).toBe(0);
    expect(after.prefill.good + after.prefill.neutral + after.prefill.bad).toBe(cell.length);
    expect(unreviewedCount(content)).toBe(current.evaluation.claims.length - cell.length);

    await core.invoke('updateDecision', { id: d.id, baseRevision: current.revision, content });
    const out = path.join(dir, 'adr');
    fs.mkdirSync(out);
    const plan = await core.invoke('planExport', { ids: [d.id], dir: out, index: false });
    const text = plan.files[0]!.text;
    // Only the accepted claims, all under the one weighted criterion, are cited.
    const cited = [...text.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.length).toBeLessThanOrEqual(cell.length);
    core.close();
  });
});
