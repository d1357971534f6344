/**
 * Where an export goes when no folder is named: every imported (or once exported) decision back
 * to its own repository, drafts nowhere until a folder is named. The one rule the CLI
 * (`cairn export` without `--dir`) and the export dialog both follow.
 */

export interface HomeCandidate {
  id: string;
  number: number | null;
  title: string;
  /** The repository's name, null for a decision that belongs to none. */
  repository: string | null;
}

export interface HomeRepository {
  name: string;
  root: string;
  folder: string;
  dialect: string | null;
}

export interface ExportHomes {
  /** One export per repository, in the order the decisions came. */
  groups: { repository: string; ids: string[] }[];
  /** Decisions that belong to no repository: they need a folder. */
  homeless: HomeCandidate[];
}

export function exportHomes(decisions: readonly HomeCandidate[]): ExportHomes {
  const groups = new Map<string, string[]>();
  const homeless: HomeCandidate[] = [];
  for (const d of decisions) {
    if (d.repository === null) homeless.push(d);
    else groups.set(d.repository, [...(groups.get(d.repository) ?? []), d.id]);
  }
  return { groups: [...groups].map(([repository, ids]) => ({ repository, ids })), homeless };
}

/** "3 decisions belong to no repository yet (ADR 4 "Use Go", "Draft", …)". */
export function homelessSentence(homeless: readonly HomeCandidate[]): string {
  const names = homeless.map((d) => (d.number === null ? `"${d.title}"` : `ADR ${d.number} "${d.title}"`));
  return `${homeless.length} decision${homeless.length === 1 ? ' belongs' : 's belong'} to no repository yet (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
}

const DIALECT_NAMES: Record<string, string> = {
  madr: 'MADR',
  madr2: 'MADR',
  madr3: 'MADR',
  madr4: 'MADR',
  nygard: 'adr-tools',
  log4brains: 'log4brains',
};

/** "docs/decisions in /home/me/src/foo (MADR)": the repository's ADR folder as a person finds it. */
export function homeLabel(repo: HomeRepository): string {
  const sep = repo.root.includes('\\') && !repo.root.includes('/') ? '\\' : '/';
  const inside = repo.folder.startsWith(repo.root + sep) ? repo.folder.slice(repo.root.length + 1) : null;
  const where = inside ? `${inside.split('\\').join('/')} in ${repo.root}` : repo.folder;
  const dialect = repo.dialect ? DIALECT_NAMES[repo.dialect] : undefined;
  return dialect ? `${where} (${dialect})` : where;
}
