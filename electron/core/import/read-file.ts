/**
 * Reading one file of an ADR folder. Policy enforced here: at most 5 MB, regular files only,
 * no binary content, UTF-8 only (a UTF-8 byte-order mark is kept as part of the text so the
 * file can be written back byte for byte). Each refusal says what was wrong and what to do.
 * A cloned repository is untrusted input: a symbolic link is never followed (it could pull
 * `~/.env` into the store, and from there into another repository on export), and a FIFO,
 * socket or device is never read (a FIFO would block the reader, and with it `cairn serve`, for
 * ever). The file is opened without following links and without blocking, then checked through
 * its open descriptor, so a file swapped for a link after the folder was listed is refused too.
 */
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { sha256 } from '../hash.js';
import path from 'node:path';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadKind = 'too-large' | 'binary' | 'encoding' | 'unreadable' | 'symlink' | 'special';

export type ReadResult =
  { ok: true; text: string; sha256: string; bytes: number } | { ok: false; kind: ReadKind; reason: string };

/** The store's one content hash, re-exported where the file reader has always offered it. */
export { sha256 };

/** Never follow a link at the name, never wait on a FIFO (both flags are absent on Windows, which has neither). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

const SYMLINK_REASON =
  'The file is a symbolic link; Cairn does not follow links out of an ADR folder (a link could point at any file on this computer). Replace the link with the file itself to import it.';

/** Why an entry that is not a regular file is refused, by what it is. */
export function refuseEntry(stat: fs.Stats | fs.Dirent): { ok: false; kind: ReadKind; reason: string } {
  if (stat.isSymbolicLink()) return { ok: false, kind: 'symlink', reason: SYMLINK_REASON };
  if (stat.isDirectory())
    return {
      ok: false,
      kind: 'unreadable',
      reason: 'A folder with a Markdown name; Cairn reads only the files directly in the ADR folder.',
    };
  const what = stat.isFIFO()
    ? 'a named pipe (FIFO)'
    : stat.isSocket()
      ? 'a socket'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
  return {
    ok: false,
    kind: 'special',
    reason: `The entry is ${what}, not a regular file; Cairn never opens it. Only plain Markdown files are imported.`,
  };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads one file synchronously: a handful of system calls, far cheaper than the promise
 * machinery of fs/promises for thousands of small files. The importer reads in short slices
 * and yields between them, so the host stays responsive. `within`, when given, is the folder the
 * file must lie in, as the system's realpath gives it (`fs.realpathSync.native`).
 */
export function readAdrFile(file: string, within?: string): ReadResult {
  const before = fs.lstatSync(file, { throwIfNoEntry: false });
  if (before && !before.isFile()) return refuseEntry(before);
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ELOOP: the name became a symbolic link after the folder was listed.
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, kind: 'symlink', reason: SYMLINK_REASON };
    return {
      ok: false,
      kind: 'unreadable',
      reason: `Cannot open the file (${code ?? (e as Error).message}); check that it is readable.`,
    };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return refuseEntry(stat);
    if (within !== undefined) {
      // The descriptor must be the file at this name, and the name must lie in the folder (no parent swapped for a link).
      const now = fs.lstatSync(file, { throwIfNoEntry: false });
      // The system's realpath, as `within` is resolved: one call, not a JS walk with an lstat per path component.
      const real = fs.realpathSync.native(file);
      // Subfolders of the ADR folder are read too, so the real path must lie anywhere inside it.
      const rel = path.relative(within, real);
      const outside = rel === '' || rel.startsWith('..') || path.isAbsolute(rel);
      if (!now || now.ino !== stat.ino || now.dev !== stat.dev || outside) {
        return {
          ok: false,
          kind: 'symlink',
          reason: `The file resolves outside ${within} (to ${real}); Cairn reads only files inside the folder.`,
        };
      }
    }
    if (stat.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        kind: 'too-large',
        reason: `The file is ${mb(stat.size)}; Cairn reads ADR files up to ${mb(MAX_FILE_BYTES)}. Move large content (images, logs) out of the Markdown file.`,
      };
    }
    // Read at most one byte past the limit, in case the file grew after stat.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const bytesRead = fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > MAX_FILE_BYTES) {
      return {
        ok: false,
        kind: 'too-large',
        reason: `The file is larger than ${mb(MAX_FILE_BYTES)}; Cairn reads ADR files up to that size.`,
      };
    }
    return decode(buffer.subarray(0, length));
  } catch (e) {
    return { ok: false, kind: 'unreadable', reason: `Cannot read the file: ${(e as Error).message}` };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The bytes of a regular file, read the same careful way (no link followed, no FIFO waited on),
 * for the other places that read files in a repository folder; throws (code ELOOP or ENOTFILE)
 * when the name is not a regular file.
 */
export function readPlainFile(file: string): Buffer {
  const fd = fs.openSync(file, OPEN_FLAGS);
  try {
    if (!fs.fstatSync(fd).isFile())
      throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTFILE' });
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes as text, or why they are not UTF-8 text. Exported for tests. */
export function decode(bytes: Buffer): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      kind: 'encoding',
      reason:
        'The file is UTF-16 encoded (it starts with a UTF-16 byte-order mark). Save it as UTF-8 and import again.',
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      kind: 'binary',
      reason: `The file holds binary data (a NUL byte at offset ${nul}), so it is not a Markdown text file.`,
    };
  }
  // The native check first; the byte-by-byte walk only to say where a bad file goes wrong.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return {
      ok: false,
      kind: 'encoding',
      reason: `The file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${bad}, line ${lineAt(bytes, bad)}). Save it as UTF-8 and import again.`,
    };
  }
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  return { ok: true, text, sha256: sha256(bytes), bytes: bytes.length };
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values past U+10FFFF included), or -1. */
export function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min, cp] = [1, 0x80, c & 0x1f];
    else if (c >= 0xe0 && c <= 0xef) [need, min, cp] = [2, 0x800, c & 0x0f];
    else if (c >= 0xf0 && c <= 0xf4) [need, min, cp] = [3, 0x10000, c & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
