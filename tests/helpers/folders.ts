/** Real folders for tests: write a tree of files, read one back. */
import fs from 'node:fs';
import path from 'node:path';

/** Writes each file (path relative to `root`, subfolders made as needed). */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}

/** Every file under `dir` (`/`-separated path relative to it → its contents in `encoding`). */
export function readTree(dir: string, encoding: BufferEncoding = 'utf8'): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(name);
      else out.set(name, fs.readFileSync(path.join(dir, name), encoding));
    }
  };
  walk('');
  return out;
}
