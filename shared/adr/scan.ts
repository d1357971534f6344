/**
 * Just enough Markdown structure to find an ADR's parts without changing a byte: lines with
 * their offsets, headings (ATX and setext) outside fenced code and HTML comments, and list items.
 * Everything reports offsets into the original text, so an edit can replace exactly one part.
 */

export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset just after the content (before the line ending). */
  end: number;
  /** Offset of the next line (after the line ending). */
  next: number;
  text: string;
}

/** The lines of `raw[from, to)`; line endings are `\n` or `\r\n`. */
export function splitLines(raw: string, from = 0, to = raw.length): Line[] {
  const lines: Line[] = [];
  let pos = from;
  while (pos < to) {
    let nl = raw.indexOf('\n', pos);
    if (nl < 0 || nl >= to) nl = -1;
    const next = nl < 0 ? to : nl + 1;
    let end = nl < 0 ? to : nl;
    if (end > pos && raw.charCodeAt(end - 1) === 13 && nl >= 0) end--;
    lines.push({ start: pos, end, next, text: raw.slice(pos, end) });
    pos = next;
  }
  return lines;
}

export const isBlank = (text: string) => /^[ \t]*$/.test(text);

export interface Heading {
  level: number;
  /** Index of the heading's (first) line. */
  line: number;
  /** Offset where the heading starts and where what follows it starts. */
  start: number;
  next: number;
  /** The heading's text as written (trailing `#`s and an HTML comment excluded), and its offsets. */
  text: string;
  textStart: number;
  textEnd: number;
}

export interface Scan {
  lines: Line[];
  headings: Heading[];
  /** Per line: true when it is inside fenced code or an HTML comment block (or is its fence). */
  literal: boolean[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^( {0,3})(#{1,6})(?:[ \t]+|$)/;

/** Finds headings outside fenced code blocks and multi-line HTML comments. */
export function scan(raw: string, from = 0, to = raw.length): Scan {
  const lines = splitLines(raw, from, to);
  const headings: Heading[] = [];
  const literal: boolean[] = new Array(lines.length).fill(false);
  let fence: { char: string; len: number } | null = null;
  let comment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (fence) {
      literal[i] = true;
      const m = FENCE.exec(text);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len && isBlank(text.slice(m[0].length))) fence = null;
      continue;
    }
    if (comment) {
      literal[i] = true;
      if (text.includes('-->')) comment = false;
      continue;
    }
    const f = FENCE.exec(text);
    if (f && !(f[1]![0] === '`' && text.slice(f[0].length).includes('`'))) {
      fence = { char: f[1]![0]!, len: f[1]!.length };
      literal[i] = true;
      continue;
    }
    if (/^ {0,3}<!--/.test(text) && !text.slice(text.indexOf('<!--') + 4).includes('-->')) {
      comment = true;
      literal[i] = true;
      continue;
    }
    const atx = ATX.exec(text);
    if (atx) {
      const level = atx[2]!.length;
      let content = text.slice(atx[0].length);
      let textStart = line.start + atx[0].length;
      content = content.replace(/[ \t]+$/, '');
      const comm = /\s*<!--.*?-->\s*$/.exec(content);
      if (comm) content = content.slice(0, comm.index);
      const closing = /(?:^|[ \t]+)#+[ \t]*$/.exec(content);
      if (closing) content = content.slice(0, closing.index);
      const lead = /^[ \t]*/.exec(content)![0].length;
      textStart += lead;
      content = content.slice(lead);
      headings.push({
        level,
        line: i,
        start: line.start,
        next: line.next,
        text: content,
        textStart,
        textEnd: textStart + content.length,
      });
      continue;
    }
    const under = lines[i + 1];
    if (
      under &&
      !isBlank(text) &&
      /^ {0,3}(=+|-+)[ \t]*$/.test(under.text) &&
      (i === 0 || isBlank(lines[i - 1]!.text) || headings.at(-1)?.line === i - 1) &&
      !/^ {0,3}([*+-]|\d+[.)])([ \t]|$)/.test(text) &&
      !/^ {4}/.test(text)
    ) {
      const level = under.text.trim()[0] === '=' ? 1 : 2;
      const lead = /^[ \t]*/.exec(text)![0].length;
      const content = text.slice(lead).replace(/[ \t]+$/, '');
      headings.push({
        level,
        line: i,
        start: line.start,
        next: under.next,
        text: content,
        textStart: line.start + lead,
        textEnd: line.start + lead + content.length,
      });
      i++;
    }
  }
  return { lines, headings, literal };
}

/** A heading's text as a key: lower-case, HTML comments, emphasis, numbering and punctuation removed. */
export function headingKey(text: string): string {
  return text
    .replace(/<!--.*?-->/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+/i, '')
    .replace(/[^\p{L}\p{N}\s&/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface ListItem {
  kind: 'bullet' | 'block';
  /** Offset of the item's first character and just after its last content character. */
  start: number;
  end: number;
  /** The bullet marker as written (`*`, `-`, `+`, `1.`), with the spacing that follows it. */
  marker: string;
  /** Where the item's text starts (after the marker). */
  textStart: number;
  /** The item's text: marker removed, continuation lines de-indented, `\n` line endings. */
  text: string;
}

const BULLET = /^( {0,3})([*+-]|\d{1,9}[.)])([ \t]+|$)/;
const RULE = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * Splits `raw[from, to)` into top-level list items and other blocks (paragraphs, code, comments),
 * each with its offsets. Blank lines between items are not part of any item.
 */
export function listItems(raw: string, from: number, to: number): ListItem[] {
  const lines = splitLines(raw, from, to);
  const items: ListItem[] = [];
  let cur: { item: ListItem; parts: string[]; indent: number; blankSince: boolean } | null = null;
  let fence: { char: string; len: number } | null = null;
  const close = () => {
    if (cur) {
      cur.item.text = cur.parts.join('\n').replace(/\s+$/, '');
      items.push(cur.item);
    }
    cur = null;
  };
  for (const line of lines) {
    const text = line.text;
    if (fence) {
      cur!.parts.push(
        cur!.item.kind === 'bullet' ? text.slice(Math.min(cur!.indent, /^ */.exec(text)![0].length)) : text,
      );
      cur!.item.end = line.end;
      const m = FENCE.exec(text);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len) fence = null;
      continue;
    }
    if (isBlank(text)) {
      if (cur) cur.blankSince = true;
      continue;
    }
    const bullet = RULE.test(text) ? null : BULLET.exec(text);
    const indent = /^ */.exec(text)![0].length;
    const continues =
      cur &&
      (cur.item.kind === 'bullet' ? indent >= cur.indent || (!cur.blankSince && !bullet) : !cur.blankSince && !bullet);
    if (continues && !(bullet && indent < (cur!.item.kind === 'bullet' ? cur!.indent : 0))) {
      cur!.parts.push(cur!.item.kind === 'bullet' ? text.slice(Math.min(cur!.indent, indent)) : text);
      cur!.item.end = line.end;
      cur!.blankSince = false;
    } else {
      close();
      if (bullet) {
        const marker = bullet[2]! + bullet[3]!;
        const textStart = line.start + bullet[0].length;
        cur = {
          item: { kind: 'bullet', start: line.start, end: line.end, marker, textStart, text: '' },
          parts: [text.slice(bullet[0].length)],
          indent: bullet[0].length || bullet[1]!.length + bullet[2]!.length + 1,
          blankSince: false,
        };
      } else {
        cur = {
          item: { kind: 'block', start: line.start, end: line.end, marker: '', textStart: line.start, text: '' },
          parts: [text],
          indent: 0,
          blankSince: false,
        };
      }
    }
    const opened = cur as { item: ListItem } | null;
    const probe =
      opened && opened.item.start === line.start && bullet ? text.slice(bullet[0].length) : text.trimStart();
    const f = FENCE.exec(probe);
    if (f) fence = { char: f[1]![0]!, len: f[1]!.length };
  }
  close();
  return items;
}
