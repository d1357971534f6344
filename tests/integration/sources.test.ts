import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { docx, encryptedPdf, htmlPage, markdownNote, scannedPdf, textPdf } from '../helpers/documents.js';
import { tempDir, testCore } from '../helpers/temp.js';

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

async function cairn(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function newPack(core: ReturnType<typeof testCore>, id = 'queues') {
  await core.invoke('createPack', {
    id,
    question: 'Which message broker for the orders service?',
    options: [{ name: 'RabbitMQ' }, { name: 'Kafka' }],
    criteria: [{ name: 'Throughput', question: 'How many messages a second?' }, { name: 'Operations' }],
  });
}

const rows = (core: ReturnType<typeof testCore>, table: string) =>
  (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('verification of every claim', () => {
  it('never shows a made-up quote as verified: unchecked without text, missing with it, and said in the footnote', async () => {
    const core = testCore();
    const shipped = await core.invoke('getPack', { id: 'backend-runtime' });
    expect(new Set(shipped.claims.map((c) => c.verification.state))).toEqual(new Set(['unchecked']));

    const fake = await core.invoke('addClaim', {
      pack: 'backend-runtime',
      claim: {
        source: 's0-vendor-which-to-choose',
        criterion: 'threading-gil',
        option: 'nodejs',
        effect: 'good',
        summary: 'A quote nobody wrote.',
        anchor: 'this phrase appears nowhere in the source at all',
      },
    });
    expect(fake.verification.state).toBe('unchecked');

    // Give that source a text (our own words): now the made-up quote is missing.
    const text = 'Introduction\n\nNode.js runs one thread per process and hands slow work to the system.\n';
    const added = await core.invoke('addSourceDocument', {
      pack: 'backend-runtime',
      source: 's0-vendor-which-to-choose',
      document: { name: 'notes.txt', text },
    });
    expect(added.changes).toContainEqual(expect.objectContaining({ claim: fake.id, was: 'unchecked', now: 'missing' }));
    const after = (await core.invoke('getPack', { id: 'backend-runtime' })).claims.find((c) => c.id === fake.id)!;
    expect(after.verification).toMatchObject({ state: 'missing', reason: expect.stringContaining('not found') });

    // A decision that takes the claim exports a footnote that says so.
    const d = await core.invoke('createDecision', {
      content: { title: 'Pick a runtime', context: 'We need a backend runtime.' },
    });
    const applied = await core.invoke('applyPack', { id: d.id, pack: 'backend-runtime' });
    const mine = applied.evaluation.claims.find((c) => c.id === fake.id)!;
    expect(mine.verification).toBe('missing');
    const content = {
      ...applied,
      chosenOption: applied.options.find((o) => o.option === 'nodejs')!.id,
      drivers: applied.drivers.map((x) => ({ ...x, weight: x.criterion === 'threading-gil' ? 5 : 0 })),
      // The architect accepts the claims (they start unreviewed, and only accepted ones are cited).
      evaluation: {
        ...applied.evaluation,
        claims: applied.evaluation.claims.map((c) => ({ ...c, verdict: 'accepted' as const })),
      },
    };
    const saved = await core.invoke('updateDecision', { id: d.id, baseRevision: applied.revision, content });
    const dir = tempDir();
    core.close();
    const exported = await cairn('export', saved.id, '--dir', dir, '--db', core.dbPath);
    expect(exported.code, exported.err).toBe(0);
    const file = (fs.readdirSync(dir, { recursive: true }) as string[]).find((f) => /\d{4}-[^/]*\.md$/.test(f))!;
    const adr = fs.readFileSync(path.join(dir, file), 'utf8');
    const footnote = adr.split('\n').find((l) => l.includes('this phrase appears nowhere'))!;
    expect(footnote).toContain('**Quote not found** in the source.');
    // Claims on the sources still without text say they were not checked; none reads as verified.
    const notes = adr.split('\n').filter((l) => l.startsWith('[^'));
    expect(notes.length).toBeGreaterThan(3);
    for (const l of notes)
      expect(l.split(' **Contradicted**')[0]).toMatch(
        l.startsWith('[^s0-') || l.includes('this phrase')
          ? /Quote not found\*\* in the source/
          : /Quote unchecked:\*\* no source text/,
      );
  });

  it('refuses an over-long anchor as invalid input that says what to do', async () => {
    const core = testCore();
    const result = await core.call('addClaim', {
      pack: 'backend-runtime',
      claim: {
        source: 's1-clarion',
        criterion: 'threading-gil',
        option: 'nodejs',
        effect: 'good',
        summary: 'Too long.',
        anchor: 'one two three four five six seven eight nine ten eleven twelve thirteen',
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).toContain('at most 12 words');
    expect(message.length).toBeLessThan(300);
  });
});

describe('sources with their text', () => {
  it('reads Markdown, HTML, PDF, DOCX and pasted text, prefilling what each document says about itself', async () => {
    const core = testCore();
    await newPack(core);
    const add = (name: string, bytes: Buffer | string, fields = {}) =>
      core.invoke('addSourceDocument', { pack: 'queues', document: { name, base64: b64(bytes) }, fields });

    const html = await add('queues.html', htmlPage());
    expect(html.source).toMatchObject({
      title: 'Queues compared | Example Notes',
      author: 'Dana Field',
      publisher: 'Example Notes',
      date: '2025-04-09',
      url: 'https://notes.example.org/queues',
      file: 'queues.html',
    });
    expect(html.source.text).toMatchObject({ format: 'html', version: 1, sections: 2 });
    const htmlText = await core.invoke('getSourceText', { pack: 'queues', source: html.source.id });
    expect(htmlText.text).toContain('RabbitMQ handled many small messages');
    expect(htmlText.text).not.toMatch(/newsletter|tracking|Privacy policy/);
    expect(htmlText.sections.map((s) => s.heading)).toEqual(['Throughput', 'Operations']);

    const pdf = await add(
      'db.pdf',
      textPdf(
        [
          '# Start here',
          'Postgres keeps rows in heap files.',
          '# Replication',
          'Streaming replication ships the log to standbys.',
        ],
        { title: 'DB notes', author: 'Kim Lee', date: '2023-05-06' },
      ),
    );
    expect(pdf.source).toMatchObject({ title: 'DB notes', author: 'Kim Lee', date: '2023-05-06' });
    expect(
      (await core.invoke('getSourceText', { pack: 'queues', source: pdf.source.id })).sections.map((s) => s.heading),
    ).toEqual(['Start here', 'Replication']);

    const word = await add(
      'brief.docx',
      docx([
        '# Broker brief',
        'Kafka keeps *every* message for a week by default.',
        '## Costs',
        'Three brokers are the smallest safe cluster.',
      ]),
      { title: 'Broker brief (edited)', kind: 'docs' },
    );
    expect(word.source).toMatchObject({ title: 'Broker brief (edited)', kind: 'docs' });
    expect(word.source.text).toMatchObject({ format: 'docx', sections: 2 });

    const md = await add('cache.md', markdownNote());
    expect(md.source).toMatchObject({
      title: 'Picking a cache',
      author: 'Lee Chen, Ana Ruiz',
      date: '2024-02-29',
      url: 'https://example.org/cache',
    });

    const pasted = await core.invoke('addSourceDocument', {
      pack: 'queues',
      document: { text: 'Notes\n\nOur team knows RabbitMQ already.\n' },
      fields: { title: 'Team notes' },
    });
    expect(pasted.source).toMatchObject({ title: 'Team notes', file: null, text: { format: 'text' } });

    // Each source's hash is that of the original bytes.
    const { createHash } = await import('node:crypto');
    expect(html.source.text!.sha256).toBe(createHash('sha256').update(htmlPage()).digest('hex'));

    // Claims on those texts verify, markup and typography forgiven.
    const claim = (source: string, anchor: string, section = '') =>
      core.invoke('addClaim', {
        pack: 'queues',
        claim: {
          source,
          anchor,
          section,
          option: 'rabbitmq',
          criterion: 'throughput',
          effect: 'good',
          summary: 'Paraphrase.',
        },
      });
    expect((await claim(html.source.id, 'handled <em>many</em> small messages', 'Throughput')).verification.state).toBe(
      'verified',
    );
    expect((await claim(html.source.id, "it's easy to watch", 'Throughput')).verification.state).toBe('verified');
    const located = await claim(word.source.id, 'Kafka keeps every message for a week');
    expect(located).toMatchObject({ section: 'Broker brief', verification: { state: 'verified' } });
    expect(
      (await claim(md.source.id, 'Redis keeps **every key** in memory', 'Persistence')).verification,
    ).toMatchObject({ state: 'moved', foundSection: 'Memory use' });
    expect((await claim(pdf.source.id, 'Postgres keeps', 'Start here')).verification.state).toBe('verified');
  });

  it('refuses encrypted, scanned, broken, huge and unreadable files with one sentence, storing nothing', async () => {
    const core = testCore();
    await newPack(core);
    const before = [rows(core, 'source_texts'), rows(core, 'pack_user_sources')];
    const refused = async (name: string, bytes: Buffer) => {
      const r = await core.call('addSourceDocument', { pack: 'queues', document: { name, base64: b64(bytes) } });
      expect(r.ok, name).toBe(false);
      return (r as { error: { code: string; message: string } }).error;
    };
    expect((await refused('locked.pdf', encryptedPdf())).message).toMatch(
      /encrypted with a password; save an unprotected copy/,
    );
    expect((await refused('scan.pdf', scannedPdf())).message).toMatch(/no text layer .*OCR/);
    expect((await refused('broken.pdf', Buffer.from('%PDF-1.7\nnothing else'))).message).toMatch(/not a readable PDF/);
    expect((await refused('broken.docx', Buffer.from('PK\u0003\u0004 not really a zip'))).message).toMatch(
      /not a readable Word document/,
    );
    expect((await refused('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]))).message).toMatch(
      /not UTF-8 text/,
    );
    expect((await refused('old.doc', Buffer.from('binary'))).code).toBe('unsupported');
    const huge = await core.call('addSourceDocument', {
      pack: 'queues',
      document: { name: 'big.txt', text: 'word '.repeat(500_000) },
    });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect([rows(core, 'source_texts'), rows(core, 'pack_user_sources')]).toEqual(before);
  });
});

describe('packs for any question, from the CLI', () => {
  it('new, add-source, add-claim, verify and export/import with the texts, each with --json', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cairn.db');
    const page = path.join(dir, 'queues.html');
    fs.writeFileSync(page, htmlPage());
    const made = await cairn(
      'knowledge',
      'new',
      'queues',
      '--question',
      'Which broker?',
      '--option',
      'RabbitMQ',
      '--option',
      'Kafka',
      '--criterion',
      'Throughput: How fast?',
      '--criterion',
      'Operations',
      '--json',
      '--db',
      db,
    );
    expect(made.code, made.err).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({
      id: 'queues',
      options: [{ id: 'rabbitmq' }, { id: 'kafka' }],
      criteria: [{ id: 'throughput', question: 'How fast?' }, { id: 'operations' }],
    });

    const added = await cairn('knowledge', 'add-source', 'queues', page, '--date', '2025-05-01', '--json', '--db', db);
    expect(added.code, added.err).toBe(0);
    const source = JSON.parse(added.out).source;
    expect(source).toMatchObject({ date: '2025-05-01', publisher: 'Example Notes', text: { format: 'html' } });

    const claim = (anchor: string, section: string) =>
      cairn(
        'knowledge',
        'add-claim',
        'queues',
        '--source',
        source.id,
        '--anchor',
        anchor,
        '--section',
        section,
        '--option',
        'kafka',
        '--criterion',
        'operations',
        '--effect',
        'bad',
        '--importance',
        '3',
        '--summary',
        'Needs learning first.',
        '--json',
        '--db',
        db,
      );
    const good = await claim('learning about retention, compaction and rebalancing', 'Operations');
    expect(good.code, good.err).toBe(0);
    expect(JSON.parse(good.out).verification.state).toBe('verified');
    expect((await cairn('knowledge', 'verify', 'queues', '--db', db)).code).toBe(0);

    const fake = await claim('Kafka is free of any operational cost', 'Operations');
    expect(fake.code).toBe(1);
    const verify = await cairn('knowledge', 'verify', 'queues', '--json', '--db', db);
    expect(verify.code).toBe(1);
    const report = JSON.parse(verify.out);
    expect(report.states).toMatchObject({ verified: 1, missing: 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^missing: "Kafka is free/) }),
    ]);

    // The exported pack carries the text, so a teammate's import verifies without the file.
    const exported = await cairn('knowledge', 'export', 'queues', '--db', db);
    const pack = JSON.parse(exported.out);
    expect(pack.sources[0].document).toMatchObject({
      format: 'html',
      sha256: source.text.sha256,
      sections: [{ heading: 'Throughput' }, { heading: 'Operations' }],
    });
    const file = path.join(dir, 'queues.pack.json');
    fs.writeFileSync(file, exported.out);
    const other = path.join(dir, 'teammate.db');
    const imported = await cairn('knowledge', 'import', file, '--db', other);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('1 verified, 0 moved, 0 ambiguous, 1 missing');
    expect(imported.err).toContain('cairn knowledge verify queues');
    const shown = JSON.parse((await cairn('knowledge', 'show', 'queues', '--json', '--db', other)).out);
    expect(shown.claims.map((c: { verification: { state: string } }) => c.verification.state)).toEqual([
      'verified',
      'missing',
    ]);
  });

  it('verify --sources DIR stores the texts of a pack’s files and checks every claim against them', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cairn.db');
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, 'notes.md'), markdownNote());
    const pack = {
      format: 'cairn-pack/1',
      id: 'caches',
      title: 'Caches',
      options: [{ id: 'redis', name: 'Redis' }],
      criteria: [{ id: 'memory', name: 'Memory' }],
      sources: [{ id: 'n', title: 'Notes', kind: 'other', file: 'notes.md' }],
      claims: [
        {
          id: 'c1',
          source: 'n',
          criterion: 'memory',
          option: 'redis',
          effect: 'bad',
          summary: 'Needs RAM.',
          section: 'Memory use',
          anchor: 'keeps every key in memory',
          importance: 3,
        },
        {
          id: 'c2',
          source: 'n',
          criterion: 'memory',
          option: 'redis',
          effect: 'good',
          summary: 'Snapshots.',
          section: 'Memory use',
          anchor: 'write snapshots to disk',
          importance: 2,
        },
      ],
    };
    const file = path.join(dir, 'caches.json');
    fs.writeFileSync(file, JSON.stringify(pack));
    await cairn('knowledge', 'import', file, '--db', db);
    const before = JSON.parse((await cairn('knowledge', 'verify', 'caches', '--json', '--db', db)).out);
    expect(before.states).toMatchObject({ unchecked: 2 });
    const run = await cairn('knowledge', 'verify', 'caches', '--sources', docs, '--db', db);
    expect(run.code).toBe(1);
    expect(run.out).toContain('Stored the text of n (version 1)');
    expect(run.err).toMatch(/c2\)\.anchor: moved: .*sits under “Persistence”/);
    expect(run.out).toContain('1 verified, 1 moved');
  });
});

describe('freshness', () => {
  it('a new version of a source re-verifies its claims, and decisions that accepted a changed claim are listed', async () => {
    const core = testCore();
    await newPack(core);
    const v1 =
      'Throughput\n\nRabbitMQ handled many small messages per second without tuning.\n\nOperations\n\nKafka needs partitions planned up front.\n';
    const { source } = await core.invoke('addSourceDocument', {
      pack: 'queues',
      document: { name: 'bench.txt', text: v1 },
    });
    const a = await core.invoke('addClaim', {
      pack: 'queues',
      claim: {
        source: source.id,
        anchor: 'many small messages per second',
        section: 'Throughput',
        option: 'rabbitmq',
        criterion: 'throughput',
        effect: 'good',
        summary: 'Fast.',
      },
    });
    const b = await core.invoke('addClaim', {
      pack: 'queues',
      claim: {
        source: source.id,
        anchor: 'partitions planned up front',
        section: 'Operations',
        option: 'kafka',
        criterion: 'operations',
        effect: 'bad',
        summary: 'Planning.',
      },
    });
    expect([a.verification.state, b.verification.state]).toEqual(['verified', 'verified']);
    const d = await core.invoke('createDecision', { content: { title: 'Broker' } });
    const applied = await core.invoke('applyPack', { id: d.id, pack: 'queues' });
    // Claims start unreviewed; the decision accepts them, so a change to them matters to it.
    await core.invoke('updateDecision', {
      id: d.id,
      baseRevision: applied.revision,
      content: {
        ...applied,
        evaluation: {
          ...applied.evaluation,
          claims: applied.evaluation.claims.map((c) => ({ ...c, verdict: 'accepted' as const })),
        },
      },
    });
    expect(await core.invoke('listEvidenceChanges', {})).toEqual([]);

    const v2 =
      'Throughput\n\nRabbitMQ handled a few messages per second.\n\nOperations\n\nMore\n\nKafka needs partitions planned up front.\n';
    const again = await core.invoke('addSourceDocument', {
      pack: 'queues',
      source: source.id,
      document: { name: 'bench.txt', text: v2 },
    });
    expect(again).toMatchObject({ version: 2, created: true });
    expect(again.changes.map((c) => [c.claim, c.was, c.now])).toEqual([
      [a.id, 'verified', 'missing'],
      [b.id, 'verified', 'moved'],
    ]);
    const changed = await core.invoke('listEvidenceChanges', {});
    // `cairn due` lists it too, with why, though it has no review date.
    const due = await core.invoke('listDue', {});
    expect(due.items.find((i) => i.id === d.id)?.evidenceChanged).toMatch(/2 accepted claims changed/);
    expect(changed).toEqual([
      expect.objectContaining({
        decision: d.id,
        title: 'Broker',
        claims: [
          expect.objectContaining({ claim: a.id, was: 'verified', now: 'missing' }),
          expect.objectContaining({ claim: b.id, now: 'moved' }),
        ],
      }),
    ]);

    // The same text again is no new version; the old version stays readable.
    expect(
      await core.invoke('addSourceDocument', {
        pack: 'queues',
        source: source.id,
        document: { name: 'bench.txt', text: v2 },
      }),
    ).toMatchObject({ version: 2, created: false, changes: [] });
    expect((await core.invoke('getSourceText', { pack: 'queues', source: source.id, version: 1 })).text).toBe(v1);
  });
});

describe('suggestions', () => {
  it('suggest --json lists ranked candidates; a dismissed or claimed passage is not offered again; --eval measures against the claims', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cairn.db');
    const page = path.join(dir, 'queues.html');
    fs.writeFileSync(page, htmlPage());
    await cairn(
      'knowledge',
      'new',
      'queues',
      '--question',
      'Which broker?',
      '--option',
      'RabbitMQ',
      '--option',
      'Kafka',
      '--criterion',
      'Operations: How hard is it to run?',
      '--criterion',
      'Throughput',
      '--db',
      db,
    );
    const source = JSON.parse((await cairn('knowledge', 'add-source', 'queues', page, '--json', '--db', db)).out).source
      .id;
    const run = await cairn('knowledge', 'suggest', 'queues', '--source', source, '--limit', '5', '--json', '--db', db);
    expect(run.code, run.err).toBe(0);
    const list = JSON.parse(run.out);
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(5);
    expect(Object.keys(list[0]).sort()).toEqual([
      'anchor',
      'criterion',
      'effect',
      'option',
      'score',
      'section',
      'source',
    ]);
    expect(
      list.some(
        (s: { option: string; criterion: string; section: string }) =>
          s.option === 'kafka' && s.criterion === 'operations' && s.section === 'Operations',
      ),
    ).toBe(true);

    const core = testCore({ dbPath: db });
    const [first] = await core.invoke('suggestClaims', { pack: 'queues', source, limit: 50 });
    await core.invoke('dismissSuggestion', {
      pack: 'queues',
      source,
      start: first!.start,
      option: first!.option,
      criterion: first!.criterion,
    });
    const after = await core.invoke('suggestClaims', { pack: 'queues', source, limit: 50 });
    expect(
      after.some((s) => s.start === first!.start && s.option === first!.option && s.criterion === first!.criterion),
    ).toBe(false);
    const next = after[0]!;
    const claim = await core.invoke('addClaim', {
      pack: 'queues',
      claim: {
        source,
        anchor: next.anchor,
        section: next.section,
        option: next.option,
        criterion: next.criterion,
        effect: next.effect,
        importance: 3,
        summary: 'Accepted from a suggestion.',
      },
    });
    expect(claim.verification.state).toBe('verified');
    expect(
      (await core.invoke('suggestClaims', { pack: 'queues', source, limit: 50 })).some(
        (s) => s.start === next.start && s.option === next.option && s.criterion === next.criterion,
      ),
    ).toBe(false);
    const report = await core.invoke('evaluateSuggestions', { pack: 'queues', top: 10 });
    expect(report).toMatchObject({ claims: 1, claims3: 1, found3: 1, recall3: 1, sources: 1 });
    expect(report.precision).toBeGreaterThan(0);
  });
});
