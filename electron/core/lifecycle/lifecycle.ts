/**
 * The lifecycle of decisions: supersede, link and unlink (always both directions, in one
 * transaction), status changes, the status history read from revisions, duplicate numbers and
 * renumbering. For an imported decision, the link a file will write to another decision is
 * recorded in its origin, so that renumbering the target rewrites those links on the next export.
 */
import { CairnError } from '../../../shared/api/define.js';
import type { RelationView, StatusChange } from '../../../shared/api/lifecycle.js';
import { readExtra, type LinkInfo } from '../../../shared/adr/content.js';
import { normalizeRelation, relabel, renumberFile, reverseRelation } from '../../../shared/adr/refs.js';
import { linkLabel } from '../../../shared/adr/roundtrip.js';
import type { Decision, DecisionContent, Origin, Relation, Status } from '../../../shared/domain.js';
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../context.js';
import type { DecisionStore, SaveReason } from '../decisions/store.js';
import { duplicateNumbers } from '../import/importer.js';
import { sha256 } from '../hash.js';
import { adrFileName } from '../../../shared/adr/slug.js';
import { ledgerFileName } from '../../../shared/adr/ledger.js';
import { readPlainFile } from '../import/read-file.js';
import { WIDE_QUERIES } from '../store/wide-queries.js';

const key = (r: Relation) => `${r.type}\u0000${r.target}`;

/** A file renumbered where it lies: `sub/0002-x.md` → `sub/0004-x.md` (the number is in the name, not the folder). */
function renumberPath(file: string, n: number): string {
  const at = file.lastIndexOf('/') + 1;
  return file.slice(0, at) + renumberFile(file.slice(at), n);
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/**
 * A file name for a decision that has none yet, as a new export names it (`0007-use-postgresql.md`):
 * the exporter's own function, so a link written before the first export points at the file it makes.
 */
export function predictedFile(d: Pick<Decision, 'number' | 'title'>): string | null {
  if (d.number === null) return null;
  return adrFileName({ kind: 'number', width: 4 }, d.number, '', d.title);
}

export function createLifecycle(ctx: CoreContext, store: DecisionStore) {
  const { db } = ctx;

  function fileOf(d: Decision): string | null {
    const origin = store.readOrigin(d.id);
    if (origin) return origin.file;
    const row = db
      .prepare<[string], { file: string }>(
        'SELECT file FROM repo_files WHERE decision_id = ? ORDER BY synced_at DESC LIMIT 1',
      )
      .get(d.id);
    return row?.file ?? predictedFile(d);
  }

  /**
   * The content with a relation added; for an imported file, also how that file will link to the
   * target (its origin, to save with it; undefined leaves a decision without one as it is).
   */
  function withRelation(d: Decision, r: Relation, target: Decision): { content: DecisionContent; origin?: Origin } {
    const content = store.contentOf(d);
    if (!content.relations.some((x) => key(x) === key(r))) content.relations = [...content.relations, r];
    const origin = store.readOrigin(d.id);
    if (!origin) return { content };
    const extra = readExtra(origin.extra, origin.file);
    // Said explicitly now, so the file writes it even if it was only implied before.
    extra.implied = extra.implied.filter((x) => key(x) !== key(r));
    if (!extra.links[target.id]) {
      const file = fileOf(target);
      extra.links[target.id] = {
        label: linkLabel(origin.dialect, { number: target.number, title: target.title, file }),
        file,
        number: target.number,
      };
    }
    return { content, origin: { ...origin, extra: { ...origin.extra, implied: extra.implied, links: extra.links } } };
  }

  function writeWithRelation(d: Decision, r: Relation, target: Decision, reason: SaveReason): Decision {
    const { content, origin } = withRelation(d, r, target);
    return store.write(d.id, content, reason, origin ? { origin } : {});
  }

  function pair(fromId: string, toId: string): [Decision, Decision] {
    if (fromId === toId)
      throw new CairnError('invalid_input', 'A decision cannot be related to itself; name two different decisions.');
    return [store.get(fromId), store.get(toId)];
  }

  const link = db.transaction((fromId: string, relation: string, toId: string, reason: SaveReason = 'relation') => {
    const type = normalizeRelation(relation);
    if (!type)
      throw new CairnError(
        'invalid_input',
        `"${relation}" is not a relation name; use one like supersedes, amends or relates-to.`,
      );
    const [from, to] = pair(fromId, toId);
    const forward = { type, target: to.id };
    const back = { type: reverseRelation(type), target: from.id };
    const f =
      from.relations.some((x) => key(x) === key(forward)) && !impliedOnly(from, forward)
        ? from
        : writeWithRelation(from, forward, to, reason);
    const t =
      to.relations.some((x) => key(x) === key(back)) && !impliedOnly(to, back)
        ? to
        : writeWithRelation(to, back, from, reason);
    return { from: f, to: t };
  });

  function impliedOnly(d: Decision, r: Relation): boolean {
    const origin = store.readOrigin(d.id);
    if (!origin) return false;
    return readExtra(origin.extra, origin.file).implied.some((x) => key(x) === key(r));
  }

  const unlink = db.transaction((fromId: string, relation: string, toId: string) => {
    const type = normalizeRelation(relation);
    const [from, to] = pair(fromId, toId);
    // The other side may hold the reverse under either name (an unknown relation's reverse is generic).
    const forward = (r: Relation) => r.target === to.id && r.type === type;
    const back = (r: Relation) =>
      r.target === from.id && (r.type === reverseRelation(type) || reverseRelation(r.type) === type);
    if (!from.relations.some(forward) && !to.relations.some(back)) {
      throw new CairnError('not_found', `"${from.title}" has no ${type} relation to "${to.title}".`);
    }
    const without = (d: Decision, drop: (r: Relation) => boolean) => ({
      ...store.contentOf(d),
      relations: d.relations.filter((r) => !drop(r)),
    });
    const f = from.relations.some(forward) ? store.write(from.id, without(from, forward), 'relation') : from;
    const t = to.relations.some(back) ? store.write(to.id, without(to, back), 'relation') : to;
    return { from: f, to: t };
  });

  const supersede = db.transaction((oldId: string, newId: string) => {
    const [old, next] = pair(oldId, newId);
    if (next.relations.some((r) => r.type === 'superseded-by' && r.target === old.id)) {
      throw new CairnError(
        'conflict',
        `"${next.title}" is itself superseded by "${old.title}"; a decision cannot supersede the one that replaced it.`,
      );
    }
    link(next.id, 'supersedes', old.id);
    const current = store.get(old.id);
    const content = store.contentOf(current);
    const updated =
      current.status === 'superseded'
        ? current
        : store.write(old.id, { ...content, status: 'superseded', statusText: '' }, 'relation');
    return { old: updated, new: store.get(next.id) };
  });

  function setStatus(id: string, status: Status, text?: string): Decision {
    const d = store.get(id);
    if (d.status === status && (text === undefined || text === d.statusText)) return d;
    return store.write(id, { ...store.contentOf(d), status, statusText: text ?? '' }, 'update');
  }

  function statusHistory(id: string): StatusChange[] {
    store.get(id);
    const rows = db
      .prepare<
        [string],
        { revision: number; saved_at: string; reason: string; status: string; status_text: string | null }
      >(
        `SELECT revision, saved_at, reason, json_extract(content, '$.status') AS status, json_extract(content, '$.statusText') AS status_text
         FROM revisions WHERE decision_id = ? ORDER BY revision`,
      )
      .all(id);
    const out: StatusChange[] = [];
    for (const r of rows) {
      const last = out.at(-1);
      const statusText = r.status_text ?? '';
      if (last && last.status === r.status && (last.statusText === statusText || statusText === '')) continue;
      out.push({ revision: r.revision, savedAt: r.saved_at, status: r.status as Status, statusText, reason: r.reason });
    }
    return out;
  }

  function summary(id: string): RelationView['decision'] {
    try {
      const d = store.get(id);
      return { id: d.id, number: d.number, title: d.title, status: d.status, trashed: d.trashedAt !== null };
    } catch (e) {
      if (e instanceof CairnError && e.code === 'not_found') return null;
      throw e;
    }
  }

  // Who states a relation to a decision, read from the covering index on relations (a few ms with
  // 10,000 decisions; parsing every stored decision took 150 ms).
  const incomingQuery = db.prepare<[string], { id: string; type: string }>(WIDE_QUERIES.incomingRelations);

  function relations(id: string): RelationView[] {
    const d = store.get(id);
    const out: RelationView[] = d.relations.map((r) => ({
      type: r.type,
      direction: 'outgoing',
      target: r.target,
      decision: summary(r.target),
    }));
    for (const row of incomingQuery.all(id)) {
      if (row.id === id) continue;
      const type = reverseRelation(row.type);
      if (d.relations.some((r) => r.type === type && r.target === row.id)) continue;
      out.push({ type, direction: 'incoming', target: row.id, decision: summary(row.id) });
    }
    return out;
  }

  function duplicates() {
    return duplicateNumbers(db).map((g) => ({
      number: g.number,
      decisions: g.decisions.map((x) => ({ ...summary(x.id)!, file: x.file })),
    }));
  }

  /**
   * Renumbering moves the decision's file in every folder it was read from or written to
   * (`0002-x.md` → `0004-x.md`, as `git mv` would), when the file is still what Cairn last saw
   * there; a file changed since is left for the person to rename. Its evidence ledger moves with
   * it under the same rules (`0002-x.ledger.json` → `0004-x.ledger.json`), so the next export
   * rewrites it beside its ADR instead of leaving the old one behind. The files are moved first and
   * moved back if the database cannot be written, so the store and the folders stay in step.
   */
  function renumber(id: string, number?: number) {
    const d = store.get(id);
    const n = number ?? store.nextNumber();
    const taken = db
      .prepare<[number, string], { id: string; title: string }>(
        'SELECT id, title FROM decisions WHERE number = ? AND id <> ? AND trashed_at IS NULL',
      )
      .get(n, id);
    if (taken)
      throw new CairnError(
        'conflict',
        `ADR ${n} is taken by "${taken.title}". Pick a free number, e.g. ${store.nextNumber()}, or leave the number out to take the next one.`,
      );
    if (d.number === n) return { decision: d, rewritten: [] as string[], moved: [], kept: [] };
    const rows = db
      .prepare<[string], { dir: string; file: string; sha256: string }>(
        'SELECT dir, file, sha256 FROM repo_files WHERE decision_id = ?',
      )
      .all(id);
    const moved: { dir: string; from: string; to: string }[] = [];
    const kept: { dir: string; file: string; reason: string }[] = [];
    for (const row of rows) {
      const to = renumberPath(row.file, n);
      if (to === row.file) continue;
      const from = path.join(row.dir, row.file);
      let bytes: Buffer;
      try {
        // The folder is a repository anyone may have pulled into: no link followed, no FIFO read.
        bytes = readPlainFile(from);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const reason =
          code === 'ELOOP' || code === 'ENOTFILE'
            ? `${row.file} in ${row.dir} is no longer a regular file (a link, pipe or folder now); Cairn leaves it alone.`
            : `${row.file} is no longer in ${row.dir}; nothing to rename there.`;
        kept.push({ dir: row.dir, file: row.file, reason });
        continue;
      }
      if (fs.existsSync(path.join(row.dir, to)))
        kept.push({
          dir: row.dir,
          file: row.file,
          reason: `${to} exists already in ${row.dir}; rename ${row.file} yourself.`,
        });
      else if (sha256(bytes) !== row.sha256)
        kept.push({
          dir: row.dir,
          file: row.file,
          reason: `${row.file} changed since Cairn last read or wrote it; import the folder again, then renumber.`,
        });
      else {
        moved.push({ dir: row.dir, from: row.file, to });
        const ledger = movableLedger(row.dir, row.file, to, id);
        if (ledger && 'reason' in ledger) kept.push(ledger);
        else if (ledger) moved.push(ledger);
      }
    }
    const done: typeof moved = [];
    const undo = () => {
      for (const m of done.reverse()) {
        try {
          fs.renameSync(path.join(m.dir, m.to), path.join(m.dir, m.from));
        } catch {
          /* best effort: the error that made us undo is the one reported */
        }
      }
    };
    try {
      for (const m of moved) {
        fs.renameSync(path.join(m.dir, m.from), path.join(m.dir, m.to));
        done.push(m);
      }
    } catch (e) {
      undo();
      throw new CairnError('io', `Cannot rename the decision's file: ${(e as Error).message}. Nothing was changed.`);
    }
    try {
      return { ...renumberInStore(d, n, moved), moved, kept };
    } catch (e) {
      undo();
      throw e;
    }
  }

  /**
   * The ledger beside an ADR that moves: moved with it when Cairn wrote it and it is unchanged since
   * (ledger_files), kept with the reason otherwise; null when there is none to move.
   */
  function movableLedger(
    dir: string,
    adrFrom: string,
    adrTo: string,
    id: string,
  ): { dir: string; from: string; to: string } | { dir: string; file: string; reason: string } | null {
    const from = ledgerFileName(adrFrom);
    const to = ledgerFileName(adrTo);
    const row = db
      .prepare<[string, string], { decision_id: string; sha256: string }>(
        'SELECT decision_id, sha256 FROM ledger_files WHERE dir = ? AND file = ?',
      )
      .get(dir, from);
    if (!row || row.decision_id !== id) return null;
    let bytes: Buffer;
    try {
      bytes = readPlainFile(path.join(dir, from));
    } catch {
      // Deleted, or no longer a regular file: nothing of Cairn's to move; the export writes the ledger anew.
      return null;
    }
    if (sha256(bytes) !== row.sha256)
      return {
        dir,
        file: from,
        reason: `${from} changed since Cairn last wrote it; it stays, and the next export writes ${to} beside the ADR.`,
      };
    if (fs.existsSync(path.join(dir, to)))
      return { dir, file: from, reason: `${to} exists already in ${dir}; rename ${from} yourself.` };
    return { dir, from, to };
  }

  const renumberInStore = db.transaction(
    (d: Decision, n: number, moved: { dir: string; from: string; to: string }[]) => {
      const id = d.id;
      // The file names links use: the files moved, or (never written anywhere) the names an export would give.
      const renames = new Map(moved.map((m) => [m.from, m.to]));
      if (!renames.size && !db.prepare('SELECT 1 FROM repo_files WHERE decision_id = ?').get(id)) {
        const before = fileOf(d);
        const after = predictedFile({ number: n, title: d.title });
        if (before && after && before !== after) renames.set(before, after);
      }
      // A link read from a file names the file alone; the folder it sits in is the rename's.
      const renamed = (file: string): string | undefined =>
        renames.get(file) ?? [...renames].find(([from]) => baseName(from) === file)?.[1];
      const swap = (text: string) => {
        let out = text;
        for (const [from, to] of renames) {
          out = out.split(`](${from})`).join(`](${to})`).split(`](./${from})`).join(`](./${to})`);
          // Links between folders (`../0002-x.md`, `sub/0002-x.md`) end in the file's name.
          out = out.split(`/${baseName(from)})`).join(`/${baseName(to)})`);
        }
        return out;
      };
      const swapText = (c: DecisionContent): boolean => {
        let changed = false;
        for (const k of ['context', 'rationale', 'confirmation', 'moreInformation'] as const) {
          const next = swap(c[k]);
          if (next !== c[k]) {
            c[k] = next;
            changed = true;
          }
        }
        c.options = c.options.map((o) => {
          const description = swap(o.description);
          if (description !== o.description) changed = true;
          return { ...o, description };
        });
        return changed;
      };
      const content = store.contentOf(d);
      const origin = store.readOrigin(id);
      swapText(content);
      store.write(
        id,
        content,
        'number',
        origin
          ? { number: n, origin: { ...origin, file: renames.get(origin.file) ?? renumberPath(origin.file, n) } }
          : { number: n },
      );
      const moveRow = db.prepare('UPDATE repo_files SET file = ? WHERE dir = ? AND file = ?');
      const moveLedgerRow = db.prepare('UPDATE ledger_files SET file = ? WHERE dir = ? AND file = ?');
      for (const m of moved) (m.from.endsWith('.ledger.json') ? moveLedgerRow : moveRow).run(m.to, m.dir, m.from);
      const rewritten: string[] = [];
      // Every decision that links to this one: its recorded link, and Markdown links in its text.
      // The recorded links live with the imported file (decision_origins.extra), the text in the content.
      const mentioning = db.prepare<[string, string, string], { id: string }>(
        `SELECT d.id FROM decisions d JOIN decision_content c ON c.id = d.id LEFT JOIN decision_origins o ON o.decision_id = d.id
       WHERE d.id <> ? AND d.trashed_at IS NULL AND (instr(c.content, ?) > 0 OR instr(o.extra, ?) > 0)`,
      );
      const candidates = new Set<string>(mentioning.all(id, id, id).map((r) => r.id));
      for (const from of renames.keys())
        for (const r of mentioning.all(id, baseName(from), baseName(from))) candidates.add(r.id);
      for (const otherId of candidates) {
        const other = store.get(otherId);
        const c = store.contentOf(other);
        const origin = store.readOrigin(otherId);
        let relinked: Origin | null = null;
        let changed = false;
        if (origin) {
          const extra = readExtra(origin.extra, origin.file);
          const old: LinkInfo | undefined = extra.links[id];
          if (old) {
            const next: LinkInfo = {
              label: d.number !== null ? relabel(old.label, d.number, n) : old.label,
              file: old.file ? (renamed(old.file) ?? old.file) : null,
              number: n,
            };
            if (JSON.stringify(next) !== JSON.stringify(old)) {
              relinked = { ...origin, extra: { ...origin.extra, links: { ...extra.links, [id]: next } } };
              changed = true;
            }
          }
        }
        if (swapText(c)) changed = true;
        if (changed) {
          store.write(otherId, c, 'relation', relinked ? { origin: relinked } : {});
          rewritten.push(otherId);
        }
      }
      return { decision: store.get(id), rewritten };
    },
  );

  return { link, unlink, supersede, setStatus, statusHistory, relations, duplicates, renumber };
}
