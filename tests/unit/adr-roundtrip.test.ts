import { describe, expect, it } from 'vitest';
import { readExtra, snapshotOf, type Snapshot } from '../../shared/adr/content.js';
import { parseAdr, type ParsedAdr } from '../../shared/adr/parse.js';
import { renderImported } from '../../shared/adr/roundtrip.js';
import type { Decision, WithOrigin } from '../../shared/domain.js';
import { adrFixtures, decisionFrom, fixture, lineDiff } from '../helpers/adr.js';

type Imported = WithOrigin<Decision>;
const edit = (d: Imported, change: Partial<Imported>): Imported => ({ ...d, ...change });
const diff = (rel: string, d: Imported) => lineDiff(fixture(rel), renderImported(d)!);

describe('renderImported: an unedited decision is written back byte for byte', () => {
  const files = adrFixtures();
  it('covers every dialect folder', () => {
    expect(new Set(files.map((f) => f.split('/')[0]))).toEqual(
      new Set(['bad', 'log4brains', 'madr2', 'madr3', 'madr4', 'nygard', 'variants']),
    );
  });
  it.each(files)('%s', (rel) => {
    expect(renderImported(decisionFrom(rel))).toBe(fixture(rel));
  });
  it('leaves decisions that were not imported to the exporter', () => {
    expect(
      renderImported({ ...decisionFrom('nygard/0001-record-architecture-decisions.md'), origin: null }),
    ).toBeNull();
  });
});

describe('renderImported: an edit changes only the edited part', () => {
  it("status, in a Status section, in a bullet, in front matter, keeping the file's casing", () => {
    const nygard = 'nygard/0001-record-architecture-decisions.md';
    expect(diff(nygard, edit(decisionFrom(nygard), { status: 'deprecated' }))).toEqual({
      removed: ['Accepted'],
      added: ['Deprecated'],
    });
    const madr2 = 'madr2/0001-pick-a-queue.md';
    expect(diff(madr2, edit(decisionFrom(madr2), { status: 'rejected' }))).toEqual({
      removed: ['* Status: accepted'],
      added: ['* Status: rejected'],
    });
    const madr4 = 'madr4/0001-use-feature-flags.md';
    expect(diff(madr4, edit(decisionFrom(madr4), { status: 'deprecated' }))).toEqual({
      removed: ['status: accepted'],
      added: ['status: deprecated'],
    });
    const bold = 'variants/001-three-digit-number.md';
    expect(diff(bold, edit(decisionFrom(bold), { status: 'rejected' }))).toEqual({
      removed: ['**Status:** ✅ Accepted.'],
      added: ['**Status:** Rejected.'],
    });
  });

  it('adds a status the file lacks where its dialect writes one', () => {
    const madr4 = 'madr4/0000-record-decisions.md';
    expect(diff(madr4, edit(decisionFrom(madr4), { status: 'deprecated' }))).toEqual({
      removed: [],
      added: ['status: deprecated'],
    });
    const madr2 = 'madr2/0000-keep-records-in-markdown.md';
    expect(diff(madr2, edit(decisionFrom(madr2), { status: 'rejected' }))).toEqual({
      removed: [],
      added: ['* Status: rejected', ''],
    });
  });

  it('title, number, date, people and tags', () => {
    const nygard = 'nygard/0002-deploy-with-scripts.md';
    expect(diff(nygard, edit(decisionFrom(nygard), { title: 'Deploy with Ansible', number: 12 }))).toEqual({
      removed: ['# 2. Deploy with shell scripts'],
      added: ['# 12. Deploy with Ansible'],
    });
    expect(diff(nygard, edit(decisionFrom(nygard), { date: '2020-01-01' }))).toEqual({
      removed: ['Date: 2019-02-01'],
      added: ['Date: 2020-01-01'],
    });
    const madr4 = 'madr4/0001-use-feature-flags.md';
    expect(
      diff(madr4, edit(decisionFrom(madr4), { decisionMakers: ['Ada', 'Grace', 'Linus'], consulted: ['Ops'] })),
    ).toEqual({ removed: ['consulted: [Security, Ops]'], added: ['  - Linus', 'consulted: [Ops]'] });
    const l4b = 'log4brains/20210101-adopt-typescript.md';
    expect(diff(l4b, edit(decisionFrom(l4b), { tags: ['frontend', 'tooling'], informed: ['All'] }))).toEqual({
      removed: ['- Tags: frontend backend'],
      added: ['- Tags: frontend tooling', '- Informed: All'],
    });
  });

  it("a section's text, and a section the file did not have", () => {
    const nygard = 'nygard/0001-record-architecture-decisions.md';
    expect(diff(nygard, edit(decisionFrom(nygard), { context: 'We need a shared memory for decisions.' }))).toEqual({
      removed: ['We need a memory for decisions.'],
      added: ['We need a shared memory for decisions.'],
    });
    const madr2 = 'madr2/0003-use-dead-letter-queue.md';
    expect(renderImported(edit(decisionFrom(madr2), { moreInformation: 'See the runbook.' }))).toBe(
      fixture(madr2).replace('## Links', '## More Information\n\nSee the runbook.\n\n## Links'),
    );
    const madr4 = 'madr4/0003-keep-flags-in-config.md';
    expect(renderImported(edit(decisionFrom(madr4), { confirmation: 'A dashboard shows every flag.' }))).toBe(
      fixture(madr4) + '\n### Confirmation\n\nA dashboard shows every flag.\n',
    );
  });

  it("drivers and options item by item, with the option's pros and cons", () => {
    const rel = 'madr2/0001-pick-a-queue.md';
    const d = decisionFrom(rel);
    const drivers = [
      ...d.drivers,
      {
        id: 'd9',
        name: 'Runs on our Kubernetes',
        description: '',
        question: '',
        weight: 3,
        minimum: null,
        criterion: null,
      },
    ];
    expect(diff(rel, edit(d, { drivers }))).toEqual({ removed: [], added: ['* Runs on our Kubernetes'] });
    const options = d.options.map((o) => (o.name === 'Kafka' ? { ...o, name: 'Apache Kafka' } : o));
    expect(diff(rel, edit(d, { options }))).toEqual({ removed: ['* Kafka'], added: ['* Apache Kafka'] });
    const renamed = d.options.map((o) => (o.name === 'RabbitMQ' ? { ...o, name: 'RabbitMQ 3' } : o));
    expect(diff(rel, edit(d, { options: renamed }))).toEqual({
      removed: [
        '* RabbitMQ',
        'Chosen option: "RabbitMQ", because it absorbs bursts without new storage to run.',
        '### RabbitMQ',
      ],
      added: [
        '* RabbitMQ 3',
        'Chosen option: "RabbitMQ 3", because it absorbs bursts without new storage to run.',
        '### RabbitMQ 3',
      ],
    });
    const described = d.options.map((o) =>
      o.name === 'Kafka' ? { ...o, description: '* Bad, because nobody here runs it.' } : o,
    );
    expect(diff(rel, edit(d, { options: described }))).toEqual({
      removed: [],
      added: ['### Kafka', '', '* Bad, because nobody here runs it.', ''],
    });
  });

  it('the chosen option and the rationale', () => {
    const rel = 'madr3/0001-choose-a-database.md';
    const d = decisionFrom(rel);
    const sqlite = d.options.find((o) => o.name === 'SQLite')!.id;
    expect(diff(rel, edit(d, { chosenOption: sqlite, rationale: 'one service writes after all.' }))).toEqual({
      removed: ['Chosen option: "PostgreSQL", because several services write to it.'],
      added: ['Chosen option: "SQLite", because one service writes after all.'],
    });
  });

  it("consequences: kept ones stay as written, new ones in the list's style", () => {
    const madr2 = 'madr2/0001-pick-a-queue.md';
    const d = decisionFrom(madr2);
    expect(
      diff(
        madr2,
        edit(d, {
          consequences: [...d.consequences, { effect: 'bad', text: 'On-call learns a new tool.', claims: [] }],
        }),
      ),
    ).toEqual({ removed: [], added: ['* On-call learns a new tool.'] });
    expect(diff(madr2, edit(d, { consequences: d.consequences.slice(1) }))).toEqual({
      removed: ['* Billing keeps up during sales.'],
      added: [],
    });
    const madr3 = 'madr3/0001-choose-a-database.md';
    const m = decisionFrom(madr3);
    expect(
      diff(
        madr3,
        edit(m, { consequences: [...m.consequences, { effect: 'neutral', text: 'backups change.', claims: [] }] }),
      ),
    ).toEqual({ removed: [], added: ['* Neutral, because backups change.'] });
    const nygard = 'nygard/0001-record-architecture-decisions.md';
    const n = decisionFrom(nygard);
    expect(
      diff(
        nygard,
        edit(n, {
          consequences: [n.consequences[0]!, { effect: 'neutral', text: 'Reviews take a little longer.', claims: [] }],
        }),
      ),
    ).toEqual({
      removed: ['Someone has to write them.'],
      added: ['Reviews take a little longer.'],
    });
  });

  it('keeps CRLF line endings and the byte-order mark in edited files', () => {
    const rel = 'bad/0002-bom-and-crlf.md';
    const out = renderImported(
      edit(decisionFrom(rel), { status: 'deprecated', context: 'Written on Windows.\nTwo lines now.' }),
    )!;
    expect(out.startsWith('\uFEFF# 2.')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out).toContain('\r\n\r\nDeprecated\r\n');
    expect(out).toContain('Written on Windows.\r\nTwo lines now.\r\n');
    const fm = 'bad/0003-crlf-front-matter.md';
    const out2 = renderImported(edit(decisionFrom(fm), { status: 'accepted', tags: ['ci'] }))!;
    expect(out2.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out2).toContain('---\r\nstatus: accepted\r\ndate: 2020-03-03\r\ntags: [ci]\r\n---\r\n');
  });
});

describe('renderImported: relations', () => {
  const nygard3 = 'nygard/0003-deploy-with-containers.md';
  const targets = {
    '0002-deploy-with-scripts.md': 't2',
    '0001-record-architecture-decisions.md': 't1',
    '0003-deploy-with-containers.md': 't3',
  };

  it('supersede writes the successor into the status, as adr-tools does', () => {
    const rel = 'nygard/0001-record-architecture-decisions.md';
    const d = decisionFrom(rel, {
      links: { t3: { label: '3. Deploy with containers', file: '0003-deploy-with-containers.md', number: 3 } },
    });
    const out = edit(d, { status: 'superseded', statusText: '', relations: [{ type: 'superseded-by', target: 't3' }] });
    expect(diff(rel, out)).toEqual({
      removed: ['Accepted'],
      added: ['Superseded by [3. Deploy with containers](0003-deploy-with-containers.md)'],
    });
  });

  it('adds and removes relation lines in the Status section and bullets under Links', () => {
    const d = decisionFrom(nygard3, {
      targets,
      links: { t9: { label: '9. Monitoring', file: '0009-monitoring.md', number: 9 } },
    });
    expect(d.relations).toEqual([
      { type: 'supersedes', target: 't2' },
      { type: 'amends', target: 't1' },
    ]);
    expect(diff(nygard3, edit(d, { relations: [...d.relations, { type: 'enables', target: 't9' }] }))).toEqual({
      removed: [],
      added: ['Enables [9. Monitoring](0009-monitoring.md)', ''],
    });
    expect(diff(nygard3, edit(d, { relations: [d.relations[0]!] }))).toEqual({
      removed: ['Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)', ''],
      added: [],
    });
    const l4b = 'log4brains/20210103-use-date-fns.md';
    const l = decisionFrom(l4b, {
      targets: { '20210102-use-moment.md': 'm' },
      links: { a: { label: '20210101-adopt-typescript', file: '20210101-adopt-typescript.md', number: null } },
    });
    expect(diff(l4b, edit(l, { relations: [...l.relations, { type: 'relates-to', target: 'a' }] }))).toEqual({
      removed: [],
      added: ['- Relates to [20210101-adopt-typescript](20210101-adopt-typescript.md)'],
    });
    expect(diff(l4b, edit(l, { relations: [] }))).toEqual({
      removed: ['- Supersedes [20210102-use-moment](20210102-use-moment.md)'],
      added: [],
    });
  });

  it('creates a Links section in a file that has none', () => {
    const rel = 'madr4/0003-keep-flags-in-config.md';
    const d = decisionFrom(rel, {
      links: { x: { label: 'ADR-0002', file: '0002-drop-the-hosted-service.md', number: 2 } },
    });
    expect(renderImported(edit(d, { relations: [{ type: 'supersedes', target: 'x' }] }))).toBe(
      fixture(rel) + '\n## Links\n\n* Supersedes [ADR-0002](0002-drop-the-hosted-service.md)\n',
    );
  });

  it('rewrites a link when the decision it points at was renumbered', () => {
    const d = decisionFrom(nygard3, { targets });
    const extra = readExtra(d.origin!.extra, d.origin!.file);
    const links = {
      ...extra.links,
      t2: { label: '14. Deploy with shell scripts', file: '0014-deploy-with-scripts.md', number: 14 },
    };
    const moved = edit(d, { origin: { ...d.origin!, extra: { ...d.origin!.extra, links } } });
    expect(diff(nygard3, moved)).toEqual({
      removed: ['Supersedes [2. Deploy with shell scripts](0002-deploy-with-scripts.md)'],
      added: ['Supersedes [14. Deploy with shell scripts](0014-deploy-with-scripts.md)'],
    });
  });

  it("follows the exporter when it says where a linked decision's file is, in the label style the file used", () => {
    const d = decisionFrom(nygard3, { targets });
    const resolve = (id: string) =>
      id === 't2'
        ? { number: 7, title: 'Deploy with shell scripts', file: '0007-deploy-with-scripts.md' }
        : id === 't1'
          ? { number: 1, title: 'x', file: '0001-record-architecture-decisions.md' }
          : null;
    expect(lineDiff(fixture(nygard3), renderImported(d, resolve)!)).toEqual({
      removed: ['Supersedes [2. Deploy with shell scripts](0002-deploy-with-scripts.md)'],
      added: ['Supersedes [7. Deploy with shell scripts](0007-deploy-with-scripts.md)'],
    });
    expect(renderImported(d, () => null)).toBe(fixture(nygard3));
  });

  it("does not write relations Cairn only implies (the reverse of another file's line)", () => {
    const rel = 'nygard/0001-record-architecture-decisions.md';
    const d = decisionFrom(rel);
    const implied = { type: 'amended-by', target: 't3' };
    const withImplied = edit(d, {
      relations: [implied],
      origin: { ...d.origin!, extra: { ...d.origin!.extra, implied: [implied] } },
    });
    expect(renderImported(withImplied)).toBe(fixture(rel));
  });
});

describe('renderImported: whatever is edited reads back as edited, in every fixture', () => {
  const target = { T: { label: 'ADR-0042', file: '0042-target.md', number: 42 } };
  type Edit = [string, (d: Imported) => Imported, (s: Snapshot, adr: ParsedAdr) => unknown, unknown];
  const edits: Edit[] = [
    ['title', (d) => ({ ...d, title: 'Changed title' }), (s) => s.title, 'Changed title'],
    ['status', (d) => ({ ...d, status: 'deprecated', statusText: '' }), (s) => s.status, 'deprecated'],
    [
      'supersede',
      (d) => ({
        ...d,
        status: 'superseded',
        statusText: '',
        relations: [...d.relations, { type: 'superseded-by', target: 'T' }],
      }),
      (s, a) => [s.status, a.relations.some((r) => r.type === 'superseded-by' && r.ref.number === 42)],
      ['superseded', true],
    ],
    [
      'relation',
      (d) => ({ ...d, relations: [...d.relations, { type: 'relates-to', target: 'T' }] }),
      (_s, a) => a.relations.some((r) => r.type === 'relates-to' && r.ref.file === '0042-target.md'),
      true,
    ],
    ['date', (d) => ({ ...d, date: '2030-05-06' }), (s) => s.date, '2030-05-06'],
    [
      'people and tags',
      (d) => ({ ...d, decisionMakers: ['Ada', 'Grace'], consulted: ['Ops'], informed: ['All'], tags: ['x', 'y'] }),
      (s) => [s.decisionMakers, s.consulted, s.informed, s.tags],
      [['Ada', 'Grace'], ['Ops'], ['All'], ['x', 'y']],
    ],
    [
      'context',
      (d) => ({ ...d, context: 'New context.\nSecond line.' }),
      (s) => s.context,
      'New context.\nSecond line.',
    ],
    [
      'drivers',
      (d) => ({
        ...d,
        drivers: [
          ...d.drivers.slice(1),
          { id: 'dn', name: 'New driver', description: '', question: '', weight: 3, minimum: null, criterion: null },
        ],
      }),
      (s) => s.drivers.at(-1)?.name,
      'New driver',
    ],
    [
      'options',
      (d) => ({
        ...d,
        options: [...d.options.slice(1), { id: 'on', name: 'New option', description: 'Some pros.', option: null }],
        chosenOption: 'on',
      }),
      (s, a) => [s.options.at(-1)?.name, s.options.at(-1)?.description, a.values.chosen],
      ['New option', 'Some pros.', 'New option'],
    ],
    ['rationale', (d) => ({ ...d, rationale: 'it is simplest.' }), (s) => s.rationale, 'it is simplest.'],
    [
      'consequences',
      (d) => ({ ...d, consequences: [...d.consequences.slice(1), { effect: 'bad', text: 'more work', claims: [] }] }),
      (s) => s.consequences.at(-1),
      { effect: 'bad', text: 'more work' },
    ],
    [
      'more information and confirmation',
      (d) => ({ ...d, moreInformation: 'See the wiki.', confirmation: 'A test.' }),
      (s) => [s.moreInformation, s.confirmation],
      ['See the wiki.', 'A test.'],
    ],
  ];
  // Each fixture as written, and again with a byte-order mark and CRLF line endings.
  const crlf = (raw: string) => (raw.startsWith('\uFEFF') ? '' : '\uFEFF') + raw.replace(/\r?\n/g, '\r\n');
  const cases = adrFixtures().flatMap((rel) =>
    edits.flatMap((e) => [[rel, 'LF', ...e] as const, [rel, 'CRLF', ...e] as const]),
  );
  it.each(cases)('%s (%s): %s', (rel, endings, _name, change, read, expected) => {
    const d = change(decisionFrom(rel, { links: target, transform: endings === 'CRLF' ? crlf : undefined }));
    const out = renderImported(d)!;
    if (endings === 'CRLF') expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    const again = parseAdr(out, rel.split('/')[1]!);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const snap = snapshotOf(again.adr, readExtra({ ...d.origin!.extra, optionIds: [] }, d.origin!.file));
    expect(read(snap, again.adr)).toEqual(expected);
  });

  it.each(adrFixtures())('%s with a byte-order mark and CRLF, unedited, is written back byte for byte', (rel) => {
    const d = decisionFrom(rel, { transform: crlf });
    expect(renderImported(d)).toBe(d.origin!.raw);
  });
});
