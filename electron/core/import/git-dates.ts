/**
 * The date of the commit that added each file of a folder, for files that state no date of their
 * own: a date from the repository's history, shown as "from git", instead of one Cairn made up.
 * One `git log` for the whole folder; no git, no repository or any failure answers nothing.
 */
import { execFileSync } from 'node:child_process';

/** Paths relative to `folder` (`/`-separated) → YYYY-MM-DD of the commit that first added them. */
export function gitAddedDates(folder: string): Map<string, string> {
  const dates = new Map<string, string>();
  let out: string;
  try {
    out = execFileSync(
      'git',
      [
        '-C',
        folder,
        'log',
        '--diff-filter=A',
        '--format=%x00%cs',
        '--name-only',
        '--relative',
        '--no-renames',
        '--',
        '.',
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 20_000,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch {
    return dates;
  }
  // Newest commit first: a file added, removed and added again keeps its first addition's date.
  for (const block of out.split('\u0000')) {
    const [date, ...files] = block.split('\n');
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) continue;
    for (const f of files) if (f.trim()) dates.set(f.trim(), date.trim());
  }
  return dates;
}
