/**
 * The date of the commit that added each file of a folder, for files that state no date of their
 * own: a date from the repository's history, shown as "from git", instead of one Cairn made up.
 * One `git log` for the whole folder, run before the import's transaction and without blocking
 * the process (the host keeps answering progress polls); no git, no repository or any failure
 * answers nothing.
 */
import { execFile } from 'node:child_process';

const GIT_ARGS = ['log', '--diff-filter=A', '--format=%x00%cs', '--name-only', '--relative', '--no-renames', '--', '.'];

/** Paths relative to `folder` (`/`-separated) → YYYY-MM-DD of the commit that first added them. */
export function gitAddedDates(folder: string): Promise<Map<string, string>> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', folder, ...GIT_ARGS],
      { encoding: 'utf8', timeout: 20_000, maxBuffer: 64 * 1024 * 1024 },
      // Any failure (no git, not a repository, a timeout) means no dates from git: the files show "no date".
      (error, stdout) => resolve(error ? new Map() : parseGitLog(stdout)),
    );
  });
}

/** `git log` output, newest commit first: a file added, removed and added again keeps its first addition's date. */
export function parseGitLog(out: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const block of out.split('\u0000')) {
    const [date, ...files] = block.split('\n');
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) continue;
    for (const f of files) if (f.trim()) dates.set(f.trim(), date.trim());
  }
  return dates;
}
