/**
 * Which file-system failures a caller means to handle. A catch that handles "the file is not
 * there" must not also swallow a permission error or a bug: those surface to the user instead.
 */

/** True for "no such file or folder" (ENOENT), or a path through something that is not a folder (ENOTDIR). */
export function isMissingPath(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
