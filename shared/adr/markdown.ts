/**
 * Escaping for the Markdown ADR writers. Policy: text the user typed in a one-line field
 * (titles, option and driver names, people, claim summaries, source data) is literal text and
 * never becomes markup, raw HTML, a link or a footnote; long fields (context, rationale, …) are
 * the user's own Markdown and pass through, but can never swallow the sections after them.
 */

// C0 and C1 control characters other than tab and newline break renderers and diffs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** LF line endings and no control characters. */
export function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/**
 * Literal one-line text for use inside a paragraph, list item, heading or link text. Text that
 * starts a line or a list item is also kept from opening a block (quote, list, heading);
 * `lineStart: false` is for text in the middle of a line or in a heading, where that cannot happen.
 */
export function inline(text: string, lineStart = true): string {
  let s = clean(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  s = s.replace(/[\\`*[\]<>~$]/g, (c) => '\\' + c);
  // Underscores only emphasise at word edges; "snake_case" stays readable.
  s = s.replace(/_/g, (c, i: number) =>
    /[\p{L}\p{N}]/u.test(s[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(s[i + 1] ?? '') ? c : '\\' + c,
  );
  s = s.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;');
  // What would start a block if the text began a line: heading, quote, list, thematic break.
  if (lineStart) s = s.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  // A heading's closing sequence is a run of # after a space at the end.
  s = s.replace(/(\s)(#+)$/, (_m, sp: string, hashes: string) => sp + hashes.replace(/#/g, '\\#'));
  return s;
}

/** Literal text for a table cell. */
export function cell(text: string): string {
  return inline(text, false).replace(/\|/g, '\\|');
}

/**
 * The user's own Markdown as a block: LF, no controls, no leading or trailing blank lines,
 * an unclosed code fence or HTML comment closed so that it ends where the field ends.
 */
export function block(text: string): string {
  const lines = clean(text).split('\n');
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  let fence: { char: string; len: number } | null = null;
  for (const line of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!m) continue;
    const run = m[1]!;
    if (!fence) {
      if (!(run[0] === '`' && m[2]!.includes('`'))) fence = { char: run[0]!, len: run.length };
    } else if (run[0] === fence.char && run.length >= fence.len && !m[2]!.trim()) {
      fence = null;
    }
  }
  if (fence) lines.push(fence.char.repeat(fence.len));
  let out = lines.map((l) => l.replace(/[ \t]+$/, (ws) => (ws === '  ' ? ws : ''))).join('\n');
  if (!fence) {
    const open = out.lastIndexOf('<!--');
    if (open >= 0 && out.indexOf('-->', open + 4) < 0) out += ' -->';
  }
  return out;
}

/** A block indented to continue a list item (two spaces under "* "). */
export function listContinuation(text: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 || !l ? l : '  ' + l))
    .join('\n');
}

const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const LINE_BREAKS = /[\u0085\u2028\u2029\uFEFF]/g;

/**
 * A YAML scalar: plain when it cannot be read as anything but this string (so that readers
 * which scan front matter line by line see the bare value), double-quoted otherwise.
 */
export function yamlScalar(text: string): string {
  const s = clean(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  const plain = /^[\p{L}][\p{L}\p{N} .'_@()/+-]*$/u.test(s) && !YAML_WORDS.test(s) && !/\s$/.test(s);
  if (plain) return s;
  return JSON.stringify(s).replace(
    LINE_BREAKS,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase(),
  );
}

/** A YAML flow sequence: `[Ada, "Grace, Jr."]`. */
export function yamlList(items: readonly string[]): string {
  return '[' + items.map((i) => yamlScalar(i)).join(', ') + ']';
}

/** A link destination that cannot break out of `(…)`: only http(s) URLs, spaces and brackets encoded. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = clean(url).trim();
  if (!/^https?:\/\/[^\s/?#]+/i.test(u)) return null;
  return u.replace(/[\s<>()[\]`"'\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** The relative link to a sibling file: only our own safe file names, percent-encoded to be sure. */
export function fileLink(file: string): string {
  return encodeURI(file).replace(/[()[\]]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * Paths inside an ADR folder: files are named by their path relative to the folder (`sub/0002-x.md`),
 * and a link is written relative to the file that holds it, as Markdown and git hosts resolve it.
 */
function parentParts(file: string): string[] {
  return file.split('/').slice(0, -1);
}

/** How the file `from` links to the file `to` (both relative to the ADR folder): `../0001-y.md`, `sub/0002-x.md`. */
export function relativePath(from: string | null | undefined, to: string): string {
  if (!from || !from.includes('/')) return to;
  const dir = parentParts(from);
  const target = to.split('/');
  let common = 0;
  while (common < dir.length && common < target.length - 1 && dir[common] === target[common]) common++;
  return [...dir.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/** The folder-relative path a link written in the file `from` points at; null when it leaves the folder. */
export function folderPath(from: string | null | undefined, href: string): string | null {
  const out = from ? parentParts(from) : [];
  for (const part of href.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(part);
  }
  return out.length ? out.join('/') : null;
}
