/**
 * `knowledge verify`: every reference resolves, and every anchor is found verbatim, exactly
 * once, in the source file it cites — so each claim can be traced to its place in its document.
 */
import path from 'node:path';
import { checkPackReferences, type Pack, type PackProblem } from '../../../shared/pack.js';
import { readPlainFile } from '../import/read-file.js';

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

export function verifyPack(pack: Pack, sourcesDir: string): { checked: number; problems: PackProblem[] } {
  const problems = checkPackReferences(pack);
  const texts = new Map<string, string | null>();
  for (const [i, s] of pack.sources.entries()) {
    if (!s.file) continue;
    const file = path.join(sourcesDir, path.basename(s.file));
    try {
      texts.set(s.id, readPlainFile(file).toString('utf8'));
    } catch {
      texts.set(s.id, null);
      problems.push({ where: `sources[${i}] (${s.id}).file`, message: `cannot read ${file}` });
    }
  }
  let checked = 0;
  pack.claims.forEach((c, i) => {
    const text = texts.get(c.source);
    if (text === undefined || text === null) return;
    checked++;
    const at = `claims[${i}] (${c.id}).anchor`;
    const words = c.anchor.trim().split(/\s+/).filter(Boolean).length;
    if (!c.anchor.trim()) problems.push({ where: at, message: 'empty anchor' });
    else if (words > 12) problems.push({ where: at, message: `anchor has ${words} words; at most 12` });
    else {
      const n = occurrences(text, c.anchor);
      if (n !== 1) problems.push({ where: at, message: n === 0 ? `"${c.anchor}" not found in ${c.source}'s file` : `"${c.anchor}" occurs ${n} times in ${c.source}'s file; it must be unique` });
    }
  });
  return { checked, problems };
}
