/**
 * A pro or con's citations travel with the decision: exported (MADR and Nygard) and imported into
 * a fresh store, the options cite the same claims, and the second store exports the same bytes;
 * read from the prose alone (no ledger), the cited item still names its claims' footnotes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsByLabel } from '../../shared/adr/citations.js';
import { readProsCons } from '../../shared/adr/pros-cons.js';
import type { Decision } from '../../shared/domain.js';
import { tempDir, testCore } from '../helpers/temp.js';

const content = {
  title: 'Pick a runtime for the chat backend',
  date: '2026-02-01',
  drivers: [
    { id: 'd1', name: 'Waiting on I/O', weight: 5 },
    { id: 'd2', name: 'Hiring', weight: 3 },
  ],
  options: [
    {
      id: 'o1',
      name: 'Node.js',
      description:
        'One event loop.\n\n* Good, because one process holds thousands of chats.[^node-io]\n* Neutral, because the team knows it.[^node-hire][^node-io]\n* Bad, because maths blocks the loop.',
    },
    { id: 'o2', name: 'Python', description: '* Good, because the data team uses it.' },
  ],
  chosenOption: 'o1',
  rationale: 'Waiting on I/O matters most.',
  evaluation: {
    claims: [
      {
        id: 'node-io',
        driver: 'd1',
        option: 'o1',
        effect: 'good' as const,
        summary: 'Serves many idle sockets from one loop',
        section: 'Concurrency',
        anchor: 'one loop for many sockets',
        verification: 'verified' as const,
        source: { id: 's1', title: 'Runtime field notes', date: '2025-03-01' },
      },
      {
        id: 'node-hire',
        driver: 'd2',
        option: 'o1',
        effect: 'neutral' as const,
        summary: 'Most applicants know JavaScript',
        source: { id: 's2', title: 'Hiring survey' },
      },
    ],
  },
};

/** Per option, each point's text and the ids of the claims it cites. */
function citations(d: Decision) {
  const byLabel = claimsByLabel(d.evaluation.claims);
  return d.options.map((o) => ({
    name: o.name,
    points: readProsCons(o.description, (l) => byLabel.has(l)).items.map((i) => ({
      effect: i.effect,
      text: i.text,
      claims: (i.cites ?? []).map((l) => byLabel.get(l)!.id),
    })),
  }));
}

function adrFiles(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .sort();
}

describe('citations of pros and cons, exported and imported into a fresh store', () => {
  it.each(['madr', 'nygard'] as const)(
    '%s: the same points cite the same claims, and export the same bytes',
    async (format) => {
      const core = testCore();
      const made = await core.invoke('createDecision', { content });
      const dir = tempDir();
      const first = await core.invoke('runExport', { ids: [made.id], dir, format, index: false });
      const [file] = adrFiles(first.folder);
      const text = fs.readFileSync(path.join(first.folder, file!), 'utf8');
      expect(text).toContain('* Neutral, because the team knows it.[^node-hire][^node-io]');
      expect(text.match(/^\[\^node-io\]: /gm)).toHaveLength(1);

      const other = testCore();
      await other.invoke('importFolder', { dir: first.folder });
      const [summary] = (await other.invoke('listDecisions', {})).items;
      const back = await other.invoke('getDecision', { id: summary!.id });
      expect(citations(back)).toEqual(citations(made));
      expect(citations(back)[0]!.points.map((p) => p.claims)).toEqual([['node-io'], ['node-hire', 'node-io'], []]);

      const again = tempDir();
      const second = await other.invoke('runExport', { ids: [back.id], dir: again, format, index: false });
      expect(fs.readFileSync(path.join(second.folder, adrFiles(second.folder)[0]!), 'utf8')).toBe(text);
    },
  );

  it('read from the prose alone, the cited points keep their footnote references', async () => {
    const core = testCore();
    const made = await core.invoke('createDecision', { content });
    const dir = tempDir();
    const result = await core.invoke('runExport', { ids: [made.id], dir, index: false });
    for (const f of fs.readdirSync(result.folder))
      if (f.endsWith('.ledger.json')) fs.rmSync(path.join(result.folder, f));

    const other = testCore();
    await other.invoke('importFolder', { dir: result.folder });
    const [summary] = (await other.invoke('listDecisions', {})).items;
    const back = await other.invoke('getDecision', { id: summary!.id });
    // The store has no claims without the ledger; the points still name their claims' footnotes.
    expect(back.options[0]!.description).toContain(
      'One event loop.\n\n* Good, because one process holds thousands of chats.[^node-io]\n* Neutral, because the team knows it.[^node-hire][^node-io]\n* Bad, because maths blocks the loop.',
    );
  });
});
