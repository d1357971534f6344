/**
 * The process tests/integration/crash-safety.test.ts kills. It opens the store the way the app
 * does (quick check, migrations, the daily backup of "day" N) and then saves as fast as it can:
 * new decisions, updates, trash and restore, the odd manual backup, and exports of the decisions
 * it touched last into an ADR folder beside the database. It prints `opening` once its code is
 * loaded and `ready` once the store is open. After each save returns it prints
 * `ack ID REVISION SHA256(context)`: a save the test saw acknowledged must survive a kill. Before
 * each export it prints `plan FILE SHA256` for every file the export may write, so the test can
 * tell a whole file from a truncated one.
 * Usage: node writer.mjs DB_PATH SEED DAY
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createCore } from '../../electron/core/core.js';

const [dbPath, seedArg, dayArg] = process.argv.slice(2);
let seed = Number(seedArg) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const say = (line: string) => fs.writeSync(1, line + '\n');
const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

// Each run is a new "day", so most runs open with a daily backup, and some kills land inside it.
const start = Date.UTC(2026, 0, 1) + Number(dayArg) * 86_400_000;
// Loaded: from here on the store is opened, migrated and backed up (the test tells kills here from earlier ones).
say('opening');
const core = createCore({
  dbPath: dbPath!,
  knowledgeDir: fs.mkdirSync(`${dbPath}.knowledge`, { recursive: true }) ?? `${dbPath}.knowledge`,
  platform: { now: () => new Date(start + performance.now()), newId: () => crypto.randomUUID() },
});
say('ready');

const mine = (await core.invoke('listDecisions', { limit: 100_000, trashed: false })).items.map((d) => ({
  id: d.id,
  revision: d.revision,
}));
const filler = 'lorem ipsum dolor sit amet '.repeat(800);
const adrDir = `${dbPath}.adr`;
fs.mkdirSync(adrDir, { recursive: true });
const recent: string[] = mine.slice(-5).map((d) => d.id);
const touched = (id: string) => {
  recent.splice(0, recent.length, ...[...recent.filter((x) => x !== id), id].slice(-5));
};
for (let n = 0; ; n++) {
  const context = `seed ${seedArg} op ${n} ${filler.slice(0, Math.floor(random() * filler.length))}`;
  const roll = random();
  if (roll < 0.02) {
    await core.invoke('createBackup', {});
    say('backup');
  } else if (roll < 0.1 && recent.length) {
    const request = { ids: [...recent], dir: adrDir, index: true };
    const planned = await core.call('planExport', request);
    if (!planned.ok) {
      if (planned.error.code === 'internal') throw new Error(planned.error.message);
      say(`export-refused ${planned.error.code}`);
      continue;
    }
    const plan = planned.value as Awaited<ReturnType<typeof core.handlers.planExport>>;
    for (const f of plan.files) {
      if (f.action === 'create' || f.action === 'update') say(`plan ${f.file} ${sha(f.text)}`);
      if (f.action === 'conflict' && f.keptAs) say(`plan ${f.keptAs} ${sha(f.text)}`);
    }
    const result = await core.call('runExport', request);
    // A refusal (say, a decision trashed meanwhile) is an answer; anything unexpected ends the run, and the test sees it.
    if (!result.ok && result.error.code === 'internal') throw new Error(result.error.message);
    say(result.ok ? 'exported' : `export-refused ${result.error.code}`);
  } else if (roll < 0.4 || mine.length === 0) {
    const d = await core.invoke('createDecision', {
      content: {
        title: `Decision ${seedArg}-${n}`,
        context,
        tags: ['crash'],
        status: random() < 0.3 ? 'accepted' : 'proposed',
      },
    });
    mine.push({ id: d.id, revision: d.revision });
    touched(d.id);
    say(`ack ${d.id} ${d.revision} ${sha(d.context)}`);
  } else {
    const target = mine[Math.floor(random() * mine.length)]!;
    const current = await core.invoke('getDecision', { id: target.id });
    const { id: _id, number: _n, revision: _r, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = current;
    const d =
      roll < 0.9
        ? await core.invoke('updateDecision', {
            id: target.id,
            baseRevision: current.revision,
            content: { ...content, context },
          })
        : await core.invoke(current.trashedAt ? 'restoreDecision' : 'trashDecision', { id: target.id });
    target.revision = d.revision;
    // Trashed decisions are not exported (the exporter refuses them); restored ones are again.
    if (d.trashedAt) recent.splice(0, recent.length, ...recent.filter((x) => x !== d.id));
    else touched(d.id);
    say(`ack ${d.id} ${d.revision} ${sha(d.context)}`);
  }
}
