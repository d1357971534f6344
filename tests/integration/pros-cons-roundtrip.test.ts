/**
 * Pros and cons edited as a list survive export and import: a decision's option lists, written
 * as MADR and as Nygard, read back from the files' prose alone (ledgers removed, as a teammate
 * without Cairn's ledger would have it) give the same options, descriptions and pros and cons;
 * an imported file edited the same way comes back the same too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProsCons, writeProsCons } from '../../shared/adr/pros-cons.js';
import { contentOf } from '../../shared/decision-content.js';
import type { ConsideredOption } from '../../shared/domain.js';
import { tempDir, testCore } from '../helpers/temp.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

const proseOf = (options: readonly ConsideredOption[]) =>
  options.map((o) => ({ name: o.name, ...readProsCons(o.description) }));

function dropLedgers(dir: string) {
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.ledger.json')) fs.rmSync(path.join(dir, f));
}

describe('pros and cons edited in Cairn, exported and imported again', () => {
  it.each([
    ['madr', 'without'],
    ['madr', 'with'],
    ['nygard', 'without'],
    ['nygard', 'with'],
  ] as const)('%s, read back %s its ledger: the same options with the same pros and cons', async (format, ledger) => {
    const core = testCore();
    const created = await core.invoke('createDecision', {
      content: {
        title: 'Store sessions in Redis',
        date: '2026-02-01',
        options: [
          { id: 'o1', name: 'Redis', description: '' },
          { id: 'o2', name: 'Sticky load balancing', description: 'Keep each user on one server.' },
        ],
        chosenOption: 'o1',
        rationale: 'sessions survive a deploy.',
      },
    });
    // What the list editor writes: items added, one moved, effects of each kind.
    const redis = readProsCons('');
    const sticky = readProsCons('Keep each user on one server.');
    const options = created.options.map((o) =>
      o.id === 'o1'
        ? {
            ...o,
            description: writeProsCons({
              ...redis,
              items: [
                { effect: 'good' as const, text: 'sessions survive a restart of any web server.' },
                { effect: 'neutral' as const, text: 'one more service to run.' },
                { effect: 'bad' as const, text: 'a network hop per request.' },
              ],
            }),
          }
        : {
            ...o,
            description: writeProsCons({
              ...sticky,
              items: [
                { effect: 'bad' as const, text: 'a deploy logs everyone out.' },
                { effect: 'good' as const, text: 'nothing new to run.' },
              ],
            }),
          },
    );
    const saved = await core.invoke('updateDecision', {
      id: created.id,
      baseRevision: created.revision,
      content: { ...contentOf(created), options },
    });

    const dir = tempDir();
    const result = await core.invoke('runExport', { ids: [saved.id], dir, format, index: false });
    expect(result.written.some((w) => w.file.endsWith('.md'))).toBe(true);
    if (ledger === 'without') dropLedgers(result.folder);

    const other = testCore();
    await other.invoke('importFolder', { dir: result.folder });
    const [summary] = (await other.invoke('listDecisions', {})).items;
    const back = await other.invoke('getDecision', { id: summary!.id });
    expect(proseOf(back.options)).toEqual(proseOf(saved.options));
    expect(proseOf(back.options)[0]!.items.map((i) => i.effect)).toEqual(['good', 'neutral', 'bad']);
    expect(back.options.find((o) => o.name === 'Redis')?.id).toBe(back.chosenOption);
  });

  it('an imported MADR file with its list edited reads back with the edit', async () => {
    const source = tempDir();
    fs.cpSync(path.join(FIXTURES, 'madr4'), source, { recursive: true });
    const core = testCore();
    await core.invoke('importFolder', { dir: source });
    const { items } = await core.invoke('listDecisions', { text: 'feature flags' });
    const imported = await core.invoke('getDecision', { id: items[0]!.id });
    const hosted = readProsCons(imported.options[0]!.description);
    const edited = imported.options.map((o, i) =>
      i === 0
        ? {
            ...o,
            description: writeProsCons({
              ...hosted,
              items: [...hosted.items.reverse(), { effect: 'neutral' as const, text: 'it bills per seat.' }],
            }),
          }
        : o,
    );
    const saved = await core.invoke('updateDecision', {
      id: imported.id,
      baseRevision: imported.revision,
      content: { ...contentOf(imported), options: edited },
    });
    await core.invoke('runExport', { ids: [saved.id], dir: source, index: false });
    dropLedgers(source);
    const text = fs.readFileSync(path.join(source, '0001-use-feature-flags.md'), 'utf8');
    expect(text).toContain(
      '* Bad, because it is another vendor.\n* Good, because it has a nice dashboard.\n* Neutral, because it bills per seat.',
    );

    const other = testCore();
    await other.invoke('importFolder', { dir: source });
    const again = (await other.invoke('listDecisions', { text: 'feature flags' })).items[0]!;
    const back = await other.invoke('getDecision', { id: again.id });
    expect(proseOf(back.options)).toEqual(proseOf(saved.options));
  });
});
