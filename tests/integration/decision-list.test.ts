import { describe, expect, it } from 'vitest';
import { FACETS, type Facet } from '../../shared/api/insights.js';
import type { ListQuery } from '../../shared/api/decisions.js';
import { STATUSES } from '../../shared/vocabulary.js';
import { option } from '../helpers/decisions.js';
import { tempDir, testCore } from '../helpers/temp.js';
import { writeTree } from '../helpers/folders.js';

/**
 * The facet counts promise "how many decisions each would show": for every value of every facet,
 * under any other filters, the count must be the list's own total with that value picked. Checked
 * on a store with every kind of value the facets group (caseless spellings, repeated tags, review
 * states, undated files in a repository, the trash, search text), against the real list.
 */

const PEOPLE = ['Ada', 'ada', 'Grace', 'Linus', 'Ken'];
const TAGS = ['cache', 'api', 'Cache', 'queue'];
const OPTIONS = ['Python', 'python', 'Node.js', 'PostgreSQL', 'Kafka'];
const REVIEW_BY = [null, '2026-01-15', '2026-03-20', '2026-09-01'];

async function store() {
  const core = testCore();
  for (let i = 0; i < 36; i++) {
    const chosen = i % 6 === 5 ? null : OPTIONS[i % OPTIONS.length]!;
    const d = await core.invoke('createDecision', {
      content: {
        title: `Decision ${i} about ${i % 2 ? 'caching' : 'queues'}`,
        status: STATUSES[i % STATUSES.length]!,
        date: `202${i % 5}-0${(i % 9) + 1}-1${i % 10}`,
        // Some have two decision-makers, some the same tag twice.
        decisionMakers: [PEOPLE[i % PEOPLE.length]!, ...(i % 4 === 0 ? [PEOPLE[(i + 2) % PEOPLE.length]!] : [])],
        tags: i % 7 === 0 ? [] : [TAGS[i % TAGS.length]!, TAGS[(i * 3) % TAGS.length]!],
        options: chosen ? [option('o', chosen)] : [],
        chosenOption: chosen ? 'o' : null,
        reviewBy: REVIEW_BY[i % REVIEW_BY.length]!,
      },
    });
    if (i % 11 === 3) await core.invoke('trashDecision', { id: d.id });
  }
  // A repository of its own, with undated files (no date: a facet value of its own).
  const root = tempDir('cairn-facets-');
  const adr = (n: number, title: string, date: string) =>
    `# ${n}. ${title}\n\n${date ? `Date: ${date}\n\n` : ''}## Status\n\nAccepted\n\n## Context\n\nWhy ${title}.\n\n## Decision\n\nWe do it.\n`;
  writeTree(root, {
    'doc/adr/0001-use-kafka.md': adr(1, 'Use Kafka for queues', '2023-04-11'),
    'doc/adr/0002-undated.md': adr(2, 'Undated queues choice', ''),
    'doc/adr/0003-also-undated.md': adr(3, 'Another undated one', ''),
  });
  await core.invoke('importFolder', { dir: root });
  return core;
}

type Filters = Omit<ListQuery, 'sort' | 'limit' | 'offset'>;

describe('facet counts', () => {
  it('say, for every value under any other filters, how many decisions the list shows with it', async () => {
    const core = await store();
    const all = await core.invoke('listDecisionFacets', {});
    // Every facet has values to pick in this store (packs aside: none is applied).
    for (const f of FACETS) if (f !== 'pack') expect(all[f].length, f).toBeGreaterThan(0);
    expect(all.repository.map((v) => v.count)).toEqual([3]);
    expect(Object.fromEntries(all.dated.map((v) => [v.value, v.count]))).toMatchObject({ none: 2 });
    // Caseless facets show one value, in its usual spelling; tags keep their case.
    const chosen = all.chosenOption.map((v) => v.value.toLowerCase());
    expect(chosen.filter((v) => v === 'python')).toHaveLength(1);
    expect(new Set(chosen).size).toBe(chosen.length);
    expect(all.tag.map((v) => v.value)).toEqual(expect.arrayContaining(['cache', 'Cache']));

    const pick = (facet: Facet, value: string): Filters => ({ [facet]: value });
    const filterSets: Filters[] = [
      {},
      { trashed: true },
      { text: 'caching' },
      { from: '2021-01-01', to: '2023-12-31' },
      { status: 'accepted' },
      { status: 'proposed', tag: 'cache' },
      { decisionMaker: 'ADA', review: 'none' },
      { chosenOption: 'python', dated: 'written' },
      { repository: all.repository[0]!.value, dated: 'none' },
      { review: 'overdue', tag: 'api', text: 'queues' },
    ];
    let checked = 0;
    for (const filters of filterSets) {
      const facets = await core.invoke('listDecisionFacets', filters);
      for (const facet of FACETS) {
        const values = facets[facet];
        // Sorted most frequent first, then by value.
        expect(values).toEqual([...values].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)));
        for (const { value, count } of values) {
          const shown = await core.invoke('listDecisions', { ...filters, ...pick(facet, value), limit: 1 });
          expect(count, `${facet} = ${value} under ${JSON.stringify(filters)}`).toBe(shown.total);
          checked++;
        }
        // And no value the list would show is missing: the counts add up to the decisions having one.
        if (facet === 'status' || facet === 'review' || facet === 'dated') {
          const { [facet]: _own, ...others } = filters;
          const total = (await core.invoke('listDecisions', { ...others, limit: 1 })).total;
          expect(
            values.reduce((n, v) => n + v.count, 0),
            `${facet} under ${JSON.stringify(filters)}`,
          ).toBe(total);
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('count nothing for search text with no word in it, and leave the list of facets whole', async () => {
    const core = await store();
    const facets = await core.invoke('listDecisionFacets', { text: '"" ()' });
    expect(Object.keys(facets).sort()).toEqual([...FACETS].sort());
    for (const f of FACETS) expect(facets[f]).toEqual([]);
    expect((await core.invoke('listDecisions', { text: '"" ()' })).total).toBe(0);
  });
});

describe('the list', () => {
  it('hands every field over unchanged, whatever the text holds', async () => {
    const core = testCore();
    const odd = [
      'Quotes "double" and \'single\', a back\\slash and a / slash',
      'Tabs\tand\nnewlines, a line separator\u2028and a control character \u0001',
      'Non-Latin: Ärger, 東京, emoji 🧭 and 𝔘 outside the basic plane',
    ];
    for (const [i, title] of odd.entries())
      await core.invoke('createDecision', {
        content: {
          title,
          status: i === 0 ? 'accepted' : 'proposed',
          tags: [title.slice(0, 12), 'plain'],
          decisionMakers: ['Zoë "Z" Ñuñez'],
          options: [option('o', `${title.slice(0, 20)} option`)],
          chosenOption: 'o',
          reviewBy: '2026-05-01',
        },
      });
    const { items, total } = await core.invoke('listDecisions', { sort: 'title' });
    expect(total).toBe(3);
    for (const item of items) {
      const d = await core.invoke('getDecision', { id: item.id });
      expect(item).toEqual({
        id: d.id,
        number: d.number,
        title: d.title,
        status: d.status,
        date: d.date,
        dateSource: d.dateSource,
        tags: d.tags,
        decisionMakers: d.decisionMakers,
        pack: d.evaluation.pack,
        chosenOption: d.options[0]!.name,
        reviewBy: d.reviewBy,
        revision: d.revision,
        updatedAt: d.updatedAt,
        trashedAt: null,
        repository: null,
        path: null,
      });
    }
    expect(items.map((d) => d.title)).toEqual(
      [...odd].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
  });

  it('shows every change at the next asking, one made beside the store too, and hands out summaries no one can change', async () => {
    const core = testCore();
    const root = tempDir('cairn-list-change-');
    writeTree(root, {
      'doc/adr/0001-use-kafka.md':
        '# 1. Use Kafka\n\nDate: 2024-02-03\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWe do.\n',
    });
    await core.invoke('importFolder', { dir: root });
    const draft = await core.invoke('createDecision', { content: { title: 'First title', tags: ['a'] } });
    const view = async () =>
      (await core.invoke('listDecisions', { sort: 'number' })).items.map((d) => [
        d.title,
        d.repository,
        d.tags,
        d.revision,
        d.trashedAt === null,
      ]);
    const [repository] = await core.invoke('listRepositories', {});
    expect(await view()).toEqual([
      ['Use Kafka', repository!.name, [], 1, true],
      ['First title', null, ['a'], 1, true],
    ]);
    // Asked again unchanged: the same answer.
    expect(await view()).toEqual(await view());

    const { items } = await core.invoke('listDecisions', { sort: 'number' });
    expect(() => {
      (items[1] as { title: string }).title = 'Changed by a caller';
    }).toThrow(TypeError);
    expect(() => items[1]!.tags.push('b')).toThrow(TypeError);

    await core.invoke('updateDecision', {
      id: draft.id,
      baseRevision: draft.revision,
      content: { ...draft, title: 'Second title', tags: ['a', 'b'] },
    });
    // A change the decision store does not make: the repository renamed in the database.
    core.db.prepare('UPDATE repositories SET name = ?').run('renamed-repo');
    expect(await view()).toEqual([
      ['Use Kafka', 'renamed-repo', [], 1, true],
      ['Second title', null, ['a', 'b'], 2, true],
    ]);
    await core.invoke('trashDecision', { id: draft.id });
    expect(await view()).toEqual([['Use Kafka', 'renamed-repo', [], 1, true]]);
    expect(
      (await core.invoke('listDecisions', { trashed: true })).items.map((d) => [d.title, d.trashedAt !== null]),
    ).toEqual([['Second title', true]]);
  });

  it('names the repository and the file of an imported decision, and none for a draft', async () => {
    const core = testCore();
    const root = tempDir('cairn-list-repo-');
    writeTree(root, {
      'doc/adr/0001-use "quoted" [brackets].md':
        '# 1. Use brackets\n\nDate: 2024-02-03\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWe do.\n',
    });
    await core.invoke('importFolder', { dir: root });
    await core.invoke('createDecision', { content: { title: 'A draft of our own' } });
    const [repository] = await core.invoke('listRepositories', {});
    const { items } = await core.invoke('listDecisions', { sort: 'number' });
    expect(items.map((d) => [d.title, d.repository, d.path, d.tags, d.decisionMakers])).toEqual([
      ['Use brackets', repository!.name, '0001-use "quoted" [brackets].md', [], []],
      ['A draft of our own', null, null, [], []],
    ]);
  });
});
