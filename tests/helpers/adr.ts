import fs from 'node:fs';
import path from 'node:path';
import { contentFromFile, readExtra } from '../../shared/adr/content.js';
import { parseAdr, type ParsedAdr } from '../../shared/adr/parse.js';
import { Decision, type WithOrigin } from '../../shared/domain.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function parsed(rel: string): ParsedAdr {
  const result = parseAdr(fixture(rel), path.basename(rel));
  if (!result.ok) throw new Error(`${rel}: ${result.reason}`);
  return result.adr;
}

/**
 * A decision as the importer would store it for one fixture file, without a database:
 * relation references resolve through `targets` (file name → decision id).
 */
export function decisionFrom(
  rel: string,
  opts: {
    targets?: Record<string, string>;
    links?: Record<string, { label: string; file: string | null; number: number | null }>;
    transform?: (raw: string) => string;
  } = {},
): WithOrigin<Decision> {
  const raw = (opts.transform ?? ((r: string) => r))(fixture(rel));
  const file = path.basename(rel);
  const result = parseAdr(raw, file);
  if (!result.ok) throw new Error(`${rel}: ${result.reason}`);
  const adr = result.adr;
  const extra = readExtra(
    {
      number: adr.number,
      defaults: { date: '2026-01-01' },
      targets: adr.relations.map((r) => (r.ref.file ? (opts.targets?.[r.ref.file] ?? null) : null)),
      links: opts.links ?? {},
    },
    file,
  );
  const { origin, ...content } = contentFromFile(adr, raw, { file, extra });
  const decision = Decision.parse({
    ...content,
    id: 'd-1',
    number: adr.number,
    revision: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    trashedAt: null,
  });
  return { ...decision, origin };
}

/** Every fixture file that parses as a decision, relative to the fixtures folder. */
export function adrFixtures(): string[] {
  const out: string[] = [];
  for (const dir of fs.readdirSync(FIXTURES)) {
    for (const f of fs.readdirSync(path.join(FIXTURES, dir))) {
      const rel = `${dir}/${f}`;
      if (!f.endsWith('.md')) continue;
      const text = fs.readFileSync(path.join(FIXTURES, rel));
      if (text.includes(0) || !isUtf8(text)) continue;
      if (parseAdr(text.toString('utf8'), f).ok) out.push(rel);
    }
  }
  return out.sort();
}

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** The lines removed from `a` and added in `b` (a longest-common-subsequence line diff). */
export function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const dp: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      dp[i]![j] = x[i] === y[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    } else if (j < y.length && (i === x.length || dp[i]![j + 1]! >= dp[i + 1]![j]!)) added.push(y[j++]!);
    else removed.push(x[i++]!);
  }
  return { removed, added };
}
