import { describe, expect, it } from 'vitest';
import { parseAdr } from '../../shared/adr/parse.js';
import { snapshotOfOrigin } from '../../shared/adr/content.js';
import { fileNumber, findRefs, normalizeRelation, renumberFile, reverseRelation } from '../../shared/adr/refs.js';
import { mapStatus } from '../../shared/adr/status.js';
import { fixture, parsed } from '../helpers/adr.js';

const rels = (rel: string) => parsed(rel).relations.map((r) => `${r.type} ${r.ref.file ?? r.ref.number}`);

describe('reading ADR dialects, one file at a time', () => {
  it('MADR 2: asterisk bullets under the title, positive and negative consequences, a Links section', () => {
    const adr = parsed('madr2/0001-pick-a-queue.md');
    expect(adr.dialect).toBe('madr2');
    expect(adr.number).toBe(1);
    expect(adr.values).toMatchObject({
      title: 'Pick a message queue',
      status: 'accepted',
      statusText: 'accepted',
      date: '2021-03-04',
      decisionMakers: ['Ada Lovelace', 'Grace Hopper'],
      drivers: ['Bursts of ten times the normal load', 'The team knows Postgres well'],
      chosen: 'RabbitMQ',
      rationale: 'it absorbs bursts without new storage to run.',
      consequences: [
        { effect: 'good', text: 'Billing keeps up during sales.' },
        { effect: 'bad', text: 'One more service to monitor.' },
      ],
    });
    expect(adr.values.options.map((o) => o.name)).toEqual(['RabbitMQ', 'A Postgres table used as a queue', 'Kafka']);
    expect(adr.values.options[0]!.description).toBe(
      '* Good, because mature client libraries exist.\n* Bad, because it needs its own cluster.',
    );
    expect(adr.values.options[2]!.description).toBe('');
    expect(rels('madr2/0001-pick-a-queue.md')).toEqual(['refined-by 0002-retry-failed-messages.md']);
  });

  it('MADR 2: a file without a status line, and a status that links to its successor', () => {
    const none = parsed('madr2/0000-keep-records-in-markdown.md');
    expect(none.number).toBe(0);
    expect(none.values.status).toBeNull();
    expect(none.unknownSections).toEqual([]);
    expect(rels('madr2/0002-retry-failed-messages.md')).toEqual([
      'superseded-by 0003-use-dead-letter-queue.md',
      'refines 0001-pick-a-queue.md',
    ]);
    expect(parsed('madr2/0002-retry-failed-messages.md').values.status).toBe('superseded');
  });

  it('MADR 3: front matter with deciders, a flow list, a scalar and a block list', () => {
    const adr = parsed('madr3/0001-choose-a-database.md');
    expect(adr.dialect).toBe('madr3');
    expect(adr.values).toMatchObject({
      status: 'proposed',
      date: '2022-06-01',
      decisionMakers: ['Ada', 'Linus'],
      consulted: ['Ops team'],
      tags: ['storage', 'backend'],
    });
    expect(adr.values.consequences).toEqual([
      { effect: 'good', text: 'transactions span tables.' },
      { effect: 'bad', text: 'someone has to run it.' },
    ]);
  });

  it('MADR 4: ADR keys in front matter, unknown keys and sections kept, headings inside code fences ignored', () => {
    const adr = parsed('madr4/0001-use-feature-flags.md');
    expect(adr.dialect).toBe('madr4');
    expect(adr.values).toMatchObject({
      status: 'accepted',
      decisionMakers: ['Ada', 'Grace'],
      consulted: ['Security', 'Ops'],
      informed: ['everyone'],
    });
    expect(adr.unknownKeys).toEqual(['custom-field']);
    expect(adr.unknownSections).toEqual(['Unknown Section Kept']);
    expect(adr.sections.map((s) => s.heading.text)).not.toContain('Status');
    expect(adr.values.rationale).toBe('* it costs nothing extra\n* the team already reads that table on start-up');
    expect(adr.values.confirmation).toBe('A review checks that every risky change sits behind a flag.');
    expect(adr.values.consequences.map((c) => c.effect)).toEqual(['good', 'neutral', 'bad']);
    expect(adr.values.moreInformation).toContain('[ADR-0000](0000-record-decisions.md)');
    expect(adr.relations).toEqual([]);
  });

  it('MADR 4: a missing status is normal, and "superseded by ADR-0003" in front matter is a relation', () => {
    expect(parsed('madr4/0000-record-decisions.md').values.status).toBeNull();
    expect(rels('madr4/0002-drop-the-hosted-service.md')).toEqual(['superseded-by 3']);
  });

  it('adr-tools/Nygard: numbered title, Date line, Status section with relation lines in either spelling', () => {
    const adr = parsed('nygard/0003-deploy-with-containers.md');
    expect(adr.dialect).toBe('nygard');
    expect(adr.values).toMatchObject({
      title: 'Deploy with containers',
      status: 'accepted',
      statusText: 'Accepted',
      date: '2019-06-12',
      rationale: 'Package every service as a container image.',
    });
    expect(rels('nygard/0003-deploy-with-containers.md')).toEqual([
      'supersedes 0002-deploy-with-scripts.md',
      'amends 0001-record-architecture-decisions.md',
    ]);
    expect(parsed('nygard/0001-record-architecture-decisions.md').values.consequences).toEqual([
      { effect: 'neutral', text: 'New people can read why things are as they are.' },
      { effect: 'neutral', text: 'Someone has to write them.' },
    ]);
    const old = parsed('nygard/0004-old-logging.md');
    expect(old.values.status).toBe('superseded');
    expect(old.values.statusText).toBe('Superceded by [3. Deploy with containers](0003-deploy-with-containers.md)');
    expect(rels('nygard/0004-old-logging.md')).toEqual(['superseded-by 0003-deploy-with-containers.md']);
  });

  it('log4brains: dash bullets, date-prefixed names (a date, not a number), tags split on spaces, Links', () => {
    const adr = parsed('log4brains/20210101-adopt-typescript.md');
    expect(adr.dialect).toBe('log4brains');
    expect(adr.number).toBeNull();
    expect(adr.fileDate).toBe('2021-01-01');
    expect(adr.values).toMatchObject({ decisionMakers: ['Ada', 'Grace'], tags: ['frontend', 'backend'] });
    expect(rels('log4brains/20210102-use-moment.md')).toEqual(['superseded-by 20210103-use-date-fns.md']);
    expect(rels('log4brains/20210103-use-date-fns.md')).toEqual(['supersedes 20210102-use-moment.md']);
  });

  it('variants: 3-digit and adr-NNN names, ADR-NNN: titles, bold and emoji statuses, setext headings, odd front-matter types', () => {
    expect(parsed('variants/001-three-digit-number.md')).toMatchObject({
      number: 1,
      values: { status: 'accepted', statusText: '✅ Accepted.' },
    });
    expect(parsed('variants/adr-007-prefixed-name.md')).toMatchObject({
      number: 7,
      values: { title: 'Prefixed file names', status: 'deprecated' },
    });
    expect(parsed('variants/0008-title-prefix.md')).toMatchObject({
      number: 8,
      values: { title: 'Number in the title as well', status: 'rejected' },
    });
    expect(parsed('variants/0009-setext-headings.md')).toMatchObject({
      values: { title: 'Setext headings', status: 'proposed', context: 'Underlined headings are rare but valid.' },
    });
    const odd = parsed('variants/0010-odd-front-matter.md');
    expect(odd.values).toMatchObject({
      status: 'accepted',
      date: '2020-01-02',
      decisionMakers: ['Ada Lovelace', 'Grace Hopper'],
      tags: [],
      consulted: ['42'],
    });
    expect(odd.warnings.join(' ')).toMatch(/status is a list/);
    const bold = parsed('variants/0011-superseded-bold.md');
    expect(bold.values).toMatchObject({ status: 'superseded', date: '2016-02-12' });
    expect(rels('variants/0011-superseded-bold.md')).toEqual(['superseded-by 0012-new-choice.md']);
  });

  it('says why README, index and template files, and files without a title, are not decisions', () => {
    for (const [rel, reason] of [
      ['log4brains/README.md', /README or template/],
      ['log4brains/template.md', /README or template/],
      ['madr4/adr-template.md', /README or template/],
      ['madr4/index.md', /README or template/],
    ] as const) {
      const r = parseAdr(fixture(rel), rel.split('/')[1]!);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.kind).toBe('not-adr');
      expect(!r.ok && r.reason).toMatch(reason);
    }
    expect(parseAdr('just text\n', '0001-x.md')).toMatchObject({ ok: false, kind: 'not-adr' });
    expect(parseAdr('# {short title}\n\n## Context\n', '0001-x.md')).toMatchObject({ ok: false, kind: 'not-adr' });
    expect(parseAdr('# Notes from the offsite\n\nNothing here.\n', 'notes.md')).toMatchObject({
      ok: false,
      kind: 'not-adr',
    });
  });

  it('reports broken front matter with what to do', () => {
    const unclosed = parseAdr(fixture('bad/0004-unclosed-front-matter.md'), 'x.md');
    expect(unclosed).toMatchObject({ ok: false, kind: 'front-matter' });
    expect(!unclosed.ok && unclosed.reason).toMatch(/never closed.*Add a line with ---/);
    expect(parseAdr(fixture('bad/0006-code-tag.md'), 'x.md')).toMatchObject({ ok: false, kind: 'front-matter' });
    expect(parseAdr(fixture('bad/0007-alias-bomb.md'), 'x.md')).toMatchObject({ ok: false, kind: 'front-matter' });
  });

  it('reads a byte-order mark and CRLF line endings', () => {
    const bom = parsed('bad/0002-bom-and-crlf.md');
    expect(bom).toMatchObject({
      bom: true,
      eol: '\r\n',
      number: 2,
      values: {
        title: 'Byte-order mark and CRLF',
        status: 'accepted',
        date: '2020-02-02',
        context: 'Written on Windows.',
      },
    });
    const fm = parsed('bad/0003-crlf-front-matter.md');
    expect(fm).toMatchObject({ eol: '\r\n', values: { status: 'proposed', date: '2020-03-03', chosen: 'Keep them' } });
    const status = fm.meta.status!;
    expect(fixture('bad/0003-crlf-front-matter.md').slice(status.start, status.end)).toBe('proposed');
  });
});

describe('statuses and relations in either spelling', () => {
  it("maps decorated statuses onto Cairn's five", () => {
    expect(mapStatus('✅ Accepted.')).toBe('accepted');
    expect(mapStatus('**ACCEPTED**')).toBe('accepted');
    expect(mapStatus('Superceded by [3. X](0003-x.md)')).toBe('superseded');
    expect(mapStatus('on hold')).toBe('proposed');
    expect(mapStatus('Draft')).toBe('proposed');
    expect(mapStatus('Rejected...')).toBe('rejected');
    expect(mapStatus('🚫 Deprecated')).toBe('deprecated');
    expect(mapStatus('whatever')).toBeNull();
    expect(mapStatus('Under discussion')).toBe('proposed');
    expect(mapStatus('Deprecated in favour of [ADR 5](0005-x.md)')).toBe('deprecated');
  });

  it('reads the decision a deprecated one names in its status line as superseding it', () => {
    const adr = (status: string) => {
      const r = parseAdr(`# 1. Use Go\n\n## Status\n\n${status}\n\n## Context\n\nc\n`, '0001-use-go.md');
      if (!r.ok) throw new Error(r.reason);
      return [r.adr.values.status, ...r.adr.relations.map((x) => `${x.type} ${x.ref.file ?? x.ref.number}`)];
    };
    expect(adr('Deprecated in favour of [ADR 5](0005-use-rust.md)')).toEqual([
      'deprecated',
      'superseded-by 0005-use-rust.md',
    ]);
    expect(adr('Deprecated, replaced by ADR-0007')).toEqual(['deprecated', 'superseded-by 7']);
    // Deprecated alone, or with a reason, names no successor.
    expect(adr('Deprecated')).toEqual(['deprecated']);
    expect(adr('Deprecated: the service is gone')).toEqual(['deprecated']);
  });

  it('normalises relation names and knows their reverse', () => {
    expect(normalizeRelation('Superseded by')).toBe('superseded-by');
    expect(normalizeRelation('Superceded By')).toBe('superseded-by');
    expect(normalizeRelation('supersededBy')).toBe('superseded-by');
    expect(normalizeRelation('Related to')).toBe('relates-to');
    expect(reverseRelation('amends')).toBe('amended-by');
    expect(reverseRelation('enables')).toBe('depends-on');
    expect(reverseRelation('refines')).toBe('refined-by');
    expect(reverseRelation('conflicts-with')).toBe('referenced-by');
  });

  it('reads numbers from file names and rewrites them', () => {
    expect(fileNumber('0001-use-vue.js.md')).toBe(1);
    expect(fileNumber('adr-007-x.md')).toBe(7);
    expect(fileNumber('20200925-x.md')).toBeNull();
    expect(fileNumber('README.md')).toBeNull();
    expect(renumberFile('0005-help.md', 12)).toBe('0012-help.md');
    expect(renumberFile('adr-005-x.md', 12)).toBe('adr-012-x.md');
    expect(findRefs('superseded by ADR-0123')).toEqual([{ file: null, number: 123, label: 'ADR-0123' }]);
    expect(findRefs('[5. Help](./0005-help.md#status)')).toEqual([
      { file: '0005-help.md', number: 5, label: '5. Help', path: './0005-help.md' },
    ]);
    expect(findRefs('[ADR 3](../archive/0003-x%20y.md)')).toEqual([
      { file: '0003-x y.md', number: 3, label: 'ADR 3', path: '../archive/0003-x y.md' },
    ]);
    expect(findRefs('[ADR 4](0004-z.md)')).toEqual([{ file: '0004-z.md', number: 4, label: 'ADR 4' }]);
  });
});

describe('relations under More Information (MADR 4)', () => {
  const raw = [
    '---',
    'status: accepted',
    '---',
    '# Use GraphQL',
    '',
    '## Context and Problem Statement',
    '',
    'Clients ask for more.',
    '',
    '## More Information',
    '',
    '* Supersedes [ADR-0001: Use REST](0001-use-rest.md)',
    '- Relates to [ADR-0003](sub/0003-cache.md) and [ADR-0004](../0004-x.md)',
    '',
    'See [ADR-0001](0001-use-rest.md) for the history.',
    '',
  ].join('\n');

  it('reads the list opening the section as relations, and the rest as its text', () => {
    const result = parseAdr(raw, '0002-use-graphql.md');
    if (!result.ok) throw new Error(result.reason);
    expect(result.adr.relations.map((r) => [r.type, r.ref.file, r.ref.label])).toEqual([
      ['supersedes', '0001-use-rest.md', 'ADR-0001: Use REST'],
      ['relates-to', '0003-cache.md', 'ADR-0003'],
      ['relates-to', '0004-x.md', 'ADR-0004'],
    ]);
    expect(result.adr.values.moreInformation).toBe('See [ADR-0001](0001-use-rest.md) for the history.');
  });

  it('reads nothing from a list that opens with prose, or from a bare mention', () => {
    for (const first of [
      '* Background: [ADR-0001](0001-use-rest.md)',
      '* Supersedes ADR-0001',
      '* [ADR-0001](0001-use-rest.md)',
    ]) {
      const result = parseAdr(raw.replace('* Supersedes [ADR-0001: Use REST](0001-use-rest.md)', first), 'x.md');
      if (!result.ok) throw new Error(result.reason);
      expect({ first, relations: result.adr.relations.length }).toEqual({ first, relations: 0 });
      expect(result.adr.values.moreInformation).toContain(first);
    }
  });

  it('reads a file stored by the parser before it (version 1) as that parser did: the list is text', () => {
    const old = snapshotOfOrigin({ raw, file: '0002-use-graphql.md', extra: { parser: 1, targets: [] } })!;
    expect(old.adr.relations).toEqual([]);
    expect(old.snap.moreInformation).toMatch(/^\* Supersedes \[ADR-0001: Use REST\]/);
    const now = snapshotOfOrigin({ raw, file: '0002-use-graphql.md', extra: { parser: 2, targets: [] } })!;
    expect(now.adr.relations).toHaveLength(3);
  });
});
