/**
 * `knowledge verify`: every reference resolves, and every claim's quote is found, once, under the
 * section it names, in the stored text of its source. With a folder of documents, each source's
 * file is read from there first and stored (a new version when it changed), which is how the
 * shipped pack's sources get their texts. Every claim that is not verified is a problem, unchecked
 * ones included: a claim on a source without text is never counted as checked.
 */
import path from 'node:path';
import { checkPackReferences, type PackProblem } from '../../../shared/pack.js';
import { extractDocument } from '../sources/extract.js';
import { readPlainFile } from '../import/read-file.js';
import type { PackStore } from './packs.js';

export async function verifyPack(packs: PackStore, id: string, sourcesDir?: string) {
  const problems: PackProblem[] = [];
  const stored: { source: string; version: number }[] = [];
  const exported = packs.exportPack(id);
  if (sourcesDir) {
    for (const [i, s] of exported.sources.entries()) {
      if (!s.file) continue;
      const file = path.join(sourcesDir, path.basename(s.file));
      let bytes: Buffer;
      try {
        bytes = readPlainFile(file);
      } catch {
        problems.push({ where: `sources[${i}] (${s.id}).file`, message: `cannot read ${file}` });
        continue;
      }
      try {
        const doc = await extractDocument(path.basename(file), bytes);
        const result = packs.addDocument(id, { ...doc, file: path.basename(file) }, s.id, {});
        if (result.created) stored.push({ source: s.id, version: result.version });
      } catch (e) {
        problems.push({ where: `sources[${i}] (${s.id}).file`, message: (e as Error).message });
      }
    }
  }
  packs.recheck(id);
  const pack = packs.exportPack(id);
  problems.push(...checkPackReferences(pack));
  const view = packs.view(id);
  const titles = new Map(view.sources.map((s) => [s.id, s.title]));
  let checked = 0;
  view.claims.forEach((c, i) => {
    if (c.verification.state !== 'unchecked') checked++;
    if (c.verification.state === 'verified') return;
    const reason =
      c.verification.state === 'unchecked' && c.anchor.trim()
        ? `Cairn has no text of "${titles.get(c.source) ?? c.source}"; store it with \`cairn knowledge add-source ${id} FILE --source ${c.source}\` or \`--sources DIR\`.`
        : c.verification.reason;
    problems.push({
      where: `claims[${i}] (${c.id}).anchor`,
      message: `${c.verification.state}: "${c.anchor}" — ${reason}`,
    });
  });
  return { checked, problems, states: packs.stateCounts(id), stored };
}
