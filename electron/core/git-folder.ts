/**
 * Policy: Cairn never reads ADRs from, nor writes them into, a `.git` folder. A hostile or
 * mistaken `.adr-dir` (`.git/hooks`) would otherwise have Cairn write files git runs or trusts.
 */
import path from 'node:path';

/** The `.git` folder a path lies in (the path itself included), or null. Case-insensitive, for macOS and Windows. */
export function gitFolderOf(p: string): string | null {
  const parts = path.resolve(p).split(path.sep);
  const at = parts.findIndex((s) => s.toLowerCase() === '.git');
  return at < 0 ? null : parts.slice(0, at + 1).join(path.sep) || path.sep;
}
