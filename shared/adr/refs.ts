/**
 * How files name relations and refer to other decisions, as the importer reads them: relation
 * names in either spelling ("Superseded by", "superceded-by", "supersededBy") and references
 * (a link to a file, "ADR-0005", "#5"). Writing link lines is `relations.ts` (the exporter's).
 */
/**
 * Relation names, their spellings and reverses come from the one table (shared/relation-types.ts),
 * so the importer, the exporter and the pickers agree; re-exported here for the importer's readers.
 */
export { normalizeRelation, reverseRelation, RELATION_NAMES as KNOWN_RELATIONS } from '../relation-types.js';

/** How a file points at another decision. */
export interface DecisionRef {
  /** The linked file name (no folder, no anchor), when the reference is a link. */
  file: string | null;
  /** The number the reference names ("ADR-0005", "5. Help comments", "#5"), if any. */
  number: number | null;
  /** The text a person reads. */
  label: string;
  /** A link's path as written, relative to the file that holds it (`../0003-x.md`), decoded, without anchor. */
  path?: string;
}

/** The file name a link points at: folder, query and anchor removed, percent-escapes decoded. */
export function linkedFile(href: string): string | null {
  const path = linkedPath(href);
  return path === null ? null : (path.split('/').pop() ?? null);
}

/** The path a link points at, relative to the file holding it: query and anchor removed, escapes decoded, `.md` added. */
export function linkedPath(href: string): string | null {
  const clean = href.trim().replace(/^<|>$/g, '').split(/[?#]/)[0]!;
  if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return null;
  if (!(clean.split('/').pop() ?? '')) return null;
  const name = clean
    .split('/')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch (e) {
        // A malformed escape: use the part as written.
        if (!(e instanceof URIError)) throw e;
        return part;
      }
    })
    .join('/');
  return /\.(md|markdown|mdx)$/i.test(name) ? name : `${name}.md`;
}

/** The number at the start of an ADR file name (`0005-x.md`, `adr-005-x.md`, `ADR_5.md`), if any. */
export function fileNumber(file: string): number | null {
  const m = /^(?:adr[-_ ]?)?(\d{1,6})(?=[-_ .]|$)/i.exec(file);
  if (!m) return null;
  // A date prefix (log4brains' YYYYMMDD-slug.md) is not a number.
  if (m[1]!.length === 8 && /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(m[1]!)) return null;
  return Number(m[1]);
}

/** The file name renumbered: `0005-x.md` → `0012-x.md`, keeping prefix and zero padding. */
export function renumberFile(file: string, number: number): string {
  const m = /^((?:adr[-_ ]?)?)(\d{1,6})(?=[-_ .]|$)/i.exec(file);
  if (!m || fileNumber(file) === null) return file;
  return m[1] + String(number).padStart(m[2]!.length, '0') + file.slice(m[0].length);
}

/** The number a reference's text names, if any: "ADR-0005", "ADR 5", "#5", "5. Title", "0005". */
export function labelNumber(label: string): number | null {
  const m = /^(?:\[?ADR[-_ #]?(\d+)\b|#(\d+)\b|(\d+)\.(?:\s|$)|(\d{3,6})$)/i.exec(label.trim());
  if (!m) return null;
  return Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** Every reference in a piece of text: Markdown links first, then bare "ADR-0005" mentions. */
export function findRefs(text: string): DecisionRef[] {
  const refs: DecisionRef[] = [];
  const linkRe = /\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)|<((?:\.{0,2}\/)?[^>\s:]+\.md)>/g;
  let m: RegExpExecArray | null;
  let rest = text;
  while ((m = linkRe.exec(text))) {
    const label = (m[1] ?? m[3] ?? '').trim();
    const path = linkedPath(m[2] ?? m[3] ?? '');
    const file = path?.split('/').pop();
    if (!path || !file) continue;
    const ref: DecisionRef = { file, number: labelNumber(label) ?? fileNumber(file), label: label || file };
    if (path !== file) ref.path = path;
    refs.push(ref);
    rest = rest.replace(m[0], ' ');
  }
  if (refs.length) return refs;
  const bare = /\bADR[-_ #]?(\d{1,6})\b|(?:^|\s)#(\d{1,6})\b|^(\d{1,6})$/gi;
  while ((m = bare.exec(rest))) refs.push({ file: null, number: Number(m[1] ?? m[2] ?? m[3]), label: m[0].trim() });
  return refs;
}

/** Rewrites the number inside a link label: "5. Help comments" → "12. Help comments", "ADR-0005" → "ADR-0012". */
export function relabel(label: string, from: number, to: number): string {
  return label.replace(
    new RegExp(`(^|\\D)(0*)${from}(?=\\D|$)`),
    (_m, pre: string, zeros: string) => pre + String(to).padStart(zeros.length + String(from).length, '0'),
  );
}
