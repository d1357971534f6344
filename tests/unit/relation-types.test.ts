import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeader, relationFromWords } from '../../electron/core/export/header.js';
import { parseAdr } from '../../shared/adr/parse.js';
import { relationLabel } from '../../shared/adr/relations.js';
import { timeOrder } from '../../shared/graph-layout.js';
import {
  canonicalRelation,
  normalizeRelation,
  RELATION_NAMES,
  RELATION_TYPES,
  relationPhrase,
  reverseRelation,
  UNKNOWN_REVERSE,
} from '../../shared/relation-types.js';
import { canonicalEdges } from '../../shared/relations.js';

/** Every way a file may write one name: as the table spells it, in words, title case, snake case, camel case. */
function writings(name: string): string[] {
  const words = name.replace(/-/g, ' ');
  const title = words[0]!.toUpperCase() + words.slice(1);
  const camel = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  return [name, words, title, words.toUpperCase(), name.replace(/-/g, '_'), camel, `  ${title}  `];
}

/** Each name of the table with the type it must read back as. */
const SPELLINGS: [string, string][] = RELATION_TYPES.flatMap((r) => [
  [r.type, r.type],
  [r.inverse, r.inverse],
  ...(r.spellings.type ?? []).map((s): [string, string] => [s, r.type]),
  ...(r.spellings.inverse ?? []).map((s): [string, string] => [s, r.inverse]),
  ...(r.adrTools
    ? [[r.adrTools.type, r.type] as [string, string], [r.adrTools.inverse, r.inverse] as [string, string]]
    : []),
]);

describe('the one relation table', () => {
  it('names each relation once, and every inverse is the inverse of its inverse', () => {
    const all = SPELLINGS.map(([s]) => normalizeRelation(s));
    expect(new Set(RELATION_NAMES).size).toBe(RELATION_NAMES.length);
    for (const name of RELATION_NAMES) expect(reverseRelation(reverseRelation(name))).toBe(name);
    expect(all.every((n) => RELATION_NAMES.includes(n))).toBe(true);
  });

  it('knows the spellings real ADR folders use', () => {
    const seen: Record<string, string> = {
      Supersedes: 'supersedes',
      'Superseded by': 'superseded-by',
      'Superceded by': 'superseded-by',
      'Superceeded by': 'superseded-by',
      Supercedes: 'supersedes',
      Amends: 'amends',
      'Amended by': 'amended-by',
      Refines: 'refines',
      'Refined by': 'refined-by',
      Extends: 'extends',
      'Extended by': 'extended-by',
      'Relates to': 'relates-to',
      'Related to': 'relates-to',
      'See also': 'relates-to',
      Clarifies: 'clarifies',
      'Clarified by': 'clarified-by',
      'Depends on': 'depends-on',
      Enables: 'enables',
    };
    for (const [words, type] of Object.entries(seen)) expect(normalizeRelation(words), words).toBe(type);
    expect(reverseRelation('conflicts with')).toBe(UNKNOWN_REVERSE);
  });

  it.each(SPELLINGS)('"%s" reads back as %s in the importer, the index header and the graph', (spelling, type) => {
    const active = canonicalRelation(type);
    for (const written of writings(spelling)) {
      expect(normalizeRelation(written), written).toBe(type);
      // The exporter's index reads headers with relationFromWords; it must not drop a known relation.
      if (/^[A-Za-z ]+$/.test(written.trim())) expect(relationFromWords(written), written).toBe(type);
      expect(canonicalRelation(written)).toEqual(active);
    }
    // The graph states one edge in its active direction, whichever end recorded it.
    const edges = canonicalEdges([{ id: 'a', relations: [{ type: spelling, target: 'b' }] }]);
    const expected = active.flipped
      ? { from: 'b', to: 'a', type: active.type }
      : { from: 'a', to: 'b', type: active.type };
    if (active.type === 'relates-to') expect(edges).toEqual([{ from: 'a', to: 'b', type: 'relates-to' }]);
    else expect(edges).toEqual([expected]);
  });

  it.each(RELATION_TYPES.map((r) => [r.type, r] as const))(
    '%s: an exported link line reads back to the same type in each dialect',
    (_t, r) => {
      for (const name of [r.type, r.inverse]) {
        for (const format of ['madr', 'nygard'] as const) {
          const line = `${relationLabel(name, format)} [2. Other](0002-other.md)`;
          const file =
            format === 'nygard'
              ? `# 1. One\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n${line}\n\n## Context\n\nC.\n`
              : `# One\n\n* Status: accepted\n* Date: 2026-01-01\n\n## Context and Problem Statement\n\nC.\n\n## Links\n\n* ${line}\n`;
          expect(readHeader(file).links, `${format}: ${line}`).toEqual([{ type: name, file: '0002-other.md' }]);
          const parsed = parseAdr(file, '0001-one.md');
          if (!parsed.ok) throw new Error(parsed.reason);
          expect(
            parsed.adr.relations.map((x) => x.type),
            `${format}: ${line}`,
          ).toEqual([name]);
        }
      }
    },
  );

  it('reads relation keys in MADR front matter for every name', () => {
    for (const name of RELATION_NAMES) {
      const parsed = parseAdr(
        `---\nstatus: accepted\ndate: 2026-01-01\n${name}: [ADR-0002]\n---\n# One\n\n## Context and Problem Statement\n\nC.\n`,
        '0001-one.md',
      );
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(
        parsed.adr.relations.map((x) => x.type),
        name,
      ).toEqual([name]);
    }
  });

  it('orders the graph in time for lineage relations, not for "relates to", and phrases both ends', () => {
    for (const r of RELATION_TYPES) {
      expect(timeOrder({ from: 'new', to: 'old', type: r.type })).toEqual(r.ordersTime ? ['old', 'new'] : null);
      expect(relationPhrase(r.type, true)).toBe(r.type.replace(/-/g, ' '));
      expect(relationPhrase(r.type, false)).toBe(r.inverse.replace(/-/g, ' '));
    }
  });

  it('is the only list of relation names in the source', () => {
    // A passive name quoted in code outside the table is a second list in the making.
    const root = path.resolve(import.meta.dirname, '../..');
    const passive = RELATION_TYPES.filter((r) => r.inverse !== r.type).map((r) => r.inverse);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !p.endsWith(path.join('shared', 'relation-types.ts'))) {
          const text = fs.readFileSync(p, 'utf8');
          const listed = passive.filter((name) => text.includes(`'${name}'`));
          // 'superseded-by' alone is the supersede rule (status and link), not a list of names.
          if (listed.filter((n) => n !== 'superseded-by').length > 0)
            offenders.push(`${path.relative(root, p)}: ${listed.join(', ')}`);
        }
      }
    };
    for (const dir of ['shared', 'electron', 'renderer/src']) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
