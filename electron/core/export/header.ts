/**
 * A light reading of an ADR file for the exporter: its dialect, title, status, date and the
 * relation lines that point at sibling files. Enough to continue a folder in its own dialect and
 * to list every ADR in the index; the importer does the full reading.
 */
import { parse as parseYaml } from 'yaml';
import { isKnownRelation, normalizeRelation } from '../../../shared/relation-types.js';

export interface AdrHeader {
  dialect: 'nygard' | 'madr' | 'madr-list' | null;
  listMarker: '*' | '-';
  title: string | null;
  /** The status word, lower case ("superseded" for adr-tools' "Superceded by …"), or null. */
  status: string | null;
  date: string | null;
  /** Relations to sibling files, forward or reverse as written ("superseded-by"). */
  links: { type: string; file: string }[];
}

/** "Superceded by" → "superseded-by"; null for words that are not a relation in the one relation table. */
export function relationFromWords(words: string): string | null {
  const t = normalizeRelation(words);
  return isKnownRelation(t) ? t : null;
}

/**
 * The status as the index shows it. adr-tools puts the status word first and links after it
 * ("Superceded by [3. …](…)"); MADR writes a value ("on hold", "superseded by ADR-0007").
 */
function statusOf(value: string, firstWordOnly: boolean): string {
  const s = value
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase()
    .replace(/^supercede/, 'supersede');
  if (/^superseded\b/.test(s)) return 'superseded';
  return firstWordOnly ? s.split(/[\s[(]/)[0]! : s.replace(/\s*\[.*$/, '');
}

function frontMatter(lines: string[]): { data: Record<string, unknown>; end: number } | null {
  if (lines[0] !== '---') return null;
  const end = lines.findIndex((l, i) => i > 0 && (l === '---' || l === '...'));
  if (end < 0) return null;
  try {
    const data: unknown = parseYaml(lines.slice(1, end).join('\n'));
    return { data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {}, end };
  } catch {
    // The try holds one call, the YAML library on a teammate's text: whatever it throws there
    // (YAMLParseError, a ReferenceError for an unknown alias …) means "no usable front matter".
    return { data: {}, end };
  }
}

function decodeFile(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch (e) {
    // A malformed escape: the file name as written.
    if (e instanceof URIError) return href;
    throw e;
  }
}

/**
 * A copy of a string cut from a file's text that does not keep the text alive. V8 makes a
 * substring of 13 characters or more a view into the string it was cut from, and an export keeps
 * the header of every ADR of the folder for its index: without the copy, each header's title
 * (or long status, or link target) kept its whole ADR text (10,000 texts, about 48 MB, by the end of a large export).
 */
function own(cut: string): string {
  // The concatenation is flattened into a new string of its own before the slice is taken.
  return (' ' + cut).slice(1);
}

export function readHeader(raw: string): AdrHeader {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const header: AdrHeader = { dialect: null, listMarker: '*', title: null, status: null, date: null, links: [] };
  const fm = frontMatter(lines);
  let start = 0;
  if (fm) {
    header.dialect = 'madr';
    start = fm.end + 1;
    if (fm.data.status !== undefined && fm.data.status !== null)
      header.status = statusOf(String(fm.data.status), false);
    const date = fm.data.date;
    if (date instanceof Date) header.date = date.toISOString().slice(0, 10);
    else if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)) header.date = date.slice(0, 10);
  }
  let fence: string | null = null;
  let nygardTitle = false;
  let statusSection = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]!;
      else if (f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (fence) continue;
    const h1 = /^# (.+?)\s*$/.exec(line);
    if (h1 && header.title === null) {
      const numbered = /^(\d+)\.\s+(.+)$/.exec(h1[1]!);
      nygardTitle = numbered !== null;
      header.title = numbered ? numbered[2]! : h1[1]!;
      continue;
    }
    const h2 = /^##\s+(.+?)\s*$/.exec(line);
    if (h2) {
      statusSection = h2[1]!.toLowerCase() === 'status';
      continue;
    }
    if (statusSection && line.trim() && header.status === null) header.status = statusOf(line, true);
    const date = /^Date:\s*(\d{4}-\d{2}-\d{2})/.exec(line);
    if (date && !header.date) header.date = date[1]!;
    const meta = /^([*-]) (Status|Date):\s*(.+)$/i.exec(line);
    if (meta && !fm) {
      header.dialect = 'madr-list';
      header.listMarker = meta[1] as '*' | '-';
      if (meta[2]!.toLowerCase() === 'status' && header.status === null) {
        header.status = statusOf(meta[3]!, false);
        const by = /^super[sc]eded by \[[^\]]*\]\(([^)\s]+\.md)\)/i.exec(meta[3]!.trim());
        if (by) header.links.push({ type: 'superseded-by', file: decodeFile(by[1]!.replace(/^\.\//, '')) });
      }
      if (meta[2]!.toLowerCase() === 'date' && !header.date) header.date = meta[3]!.trim().slice(0, 10);
    }
    const link = /^(?:[*-]\s+)?([A-Za-z][A-Za-z ]*?)\s+\[[^\]]*\]\(([^)\s]+\.md)\)\s*$/.exec(line);
    if (link) {
      const type = relationFromWords(link[1]!);
      if (type) header.links.push({ type, file: decodeFile(link[2]!.replace(/^\.\//, '')) });
    }
  }
  if (!fm && header.dialect === null && nygardTitle && lines.some((l) => /^## Status\s*$/.test(l)))
    header.dialect = 'nygard';
  if (
    !fm &&
    header.dialect === null &&
    header.title !== null &&
    lines.some((l) => /^## (Context and Problem Statement|Decision Outcome)\s*$/i.test(l))
  )
    header.dialect = 'madr';
  return {
    ...header,
    title: header.title === null ? null : own(header.title),
    // A MADR list's status ("superseded by ADR-0007") can be a long cut of its line too.
    status: header.status === null ? null : own(header.status),
    links: header.links.map((l) => ({ type: l.type, file: own(l.file) })),
  };
}
