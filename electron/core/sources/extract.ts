/**
 * Reading a document into the text Cairn stores for a source: the words a reader sees, its
 * headings with their offsets, the hash of the original bytes, and the bibliographic fields the
 * document states about itself. Each format is read by a well-kept library (Readability with
 * linkedom for web pages, unpdf for PDF text layers, mammoth for Word, markdown-it and yaml for
 * Markdown); what they hand back is turned into plain text by one walk over HTML, so every format
 * gives the same kind of text and headings.
 *
 * Policy: a file that cannot be read whole — too big, encrypted, a scan without a text layer,
 * broken — is refused with one sentence that says what to do; nothing is stored from it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';
import type { Section } from '../../../shared/verification.js';
import { SOURCE_LIMITS, type DocumentFormat } from '../../../shared/sources.js';

export interface DocumentFields {
  title: string | null;
  author: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

export interface ExtractedDocument {
  format: DocumentFormat;
  text: string;
  sections: Section[];
  sha256: string;
  bytes: number;
  fields: DocumentFields;
}

const NO_FIELDS: DocumentFields = { title: null, author: null, publisher: null, date: null, url: null };

/** The format a file is read as: by its bytes where they say it (PDF, zip), else by its name. */
export function detectFormat(name: string, bytes: Uint8Array): DocumentFormat {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const ext = path.extname(name).toLowerCase();
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) {
    if (ext === '.docx' || ext === '') return 'docx';
    throw new CairnError(
      'unsupported',
      `${name} is a zip archive, not a Word document (.docx); save the document as .docx, PDF, HTML, Markdown or text and add that.`,
    );
  }
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.doc' || ext === '.odt' || ext === '.rtf' || ext === '.pages') {
    throw new CairnError(
      'unsupported',
      `Cairn cannot read ${ext} files; save ${name} as .docx, PDF, HTML, Markdown or plain text and add that.`,
    );
  }
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (/^\s*(<!doctype html|<html)/i.test(head)) return 'html';
  return 'text';
}

function clean(value: unknown, max = 500): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : null;
}

/** A date as YYYY-MM-DD when the value starts with one (ISO timestamps, PDF dates, front matter). */
export function isoDay(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const text = clean(value);
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const pdf = /^D:(\d{4})(\d{2})(\d{2})/.exec(text);
  const m = iso ?? pdf;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * Builds plain text from a DOM: blocks become paragraphs, headings are recorded with the
 * offset they start at, runs of white space inside a paragraph become one space.
 */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'HEAD',
  'BUTTON',
  'SELECT',
  'FORM',
]);
const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'NAV',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'THEAD',
  'TBODY',
  'FIGURE',
  'FIGCAPTION',
  'DL',
  'DT',
  'DD',
  'HR',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'CAPTION',
  'BODY',
  'HTML',
]);

export function domToText(root: DomNode): { text: string; sections: Section[] } {
  let text = '';
  let pending = 0; // 0: nothing, 1: a line break, 2: a paragraph break before the next words
  let space = false;
  const sections: Section[] = [];
  const push = (words: string, pre: boolean) => {
    const piece = pre ? words : words.replace(/\s+/g, ' ');
    if (!pre && !piece.trim()) {
      if (piece) space = true;
      return;
    }
    const body = pre ? piece : piece.trim();
    if (text) {
      if (pending === 2) text += '\n\n';
      else if (pending === 1) text += '\n';
      else if ((space || piece.startsWith(' ')) && !/\s$/.test(text)) text += ' ';
    }
    pending = 0;
    text += body;
    space = !pre && piece.endsWith(' ');
  };
  const walk = (node: DomNode, pre: boolean) => {
    if (node.nodeType === 3) return push(node.textContent ?? '', pre);
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      pending = Math.max(pending, 1);
      return;
    }
    const heading = /^H([1-6])$/.exec(name);
    if (heading) {
      const words = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!words) return;
      pending = 2;
      push(words, false);
      sections.push({ heading: words, level: Number(heading[1]), start: text.length - words.length });
      pending = 2;
      return;
    }
    const block = BLOCK.has(name);
    if (block) pending = Math.max(pending, name === 'LI' || name === 'TR' || name === 'DT' || name === 'DD' ? 1 : 2);
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, pre || name === 'PRE');
    if (block) pending = Math.max(pending, 2);
    else if (name === 'TD' || name === 'TH') space = true;
  };
  walk(root, false);
  return { text, sections };
}

/** Headings of a plain-text document: `# Markdown` lines, or short lines standing alone between blank lines. */
export function plainTextSections(text: string): Section[] {
  const sections: Section[] = [];
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    const start = offset + line.indexOf(trimmed);
    offset += line.length + 1;
    if (!trimmed) continue;
    const md = /^(#{1,6})\s+(.+?)\s*#*$/.exec(trimmed);
    if (md) {
      sections.push({ heading: md[2]!, level: md[1]!.length, start: start + trimmed.indexOf(md[2]!) });
      continue;
    }
    const alone = (lines[i - 1] ?? '').trim() === '' && (lines[i + 1] ?? '').trim() === '' && i + 1 < lines.length;
    const words = trimmed.split(/\s+/).length;
    // A heading is short, stands alone, and does not end the way a sentence or a list item does.
    // "Hire-Python-Developers": a lone hyphenated token is an image's name left by a page's
    // text extraction, not a heading.
    const imageName = /^[\p{L}\p{N}_.]+(?:-[\p{L}\p{N}_.]+)+$/u.test(trimmed);
    if (
      alone &&
      !imageName &&
      words <= 12 &&
      trimmed.length <= 100 &&
      !/[.,;]$/.test(trimmed) &&
      /^[\p{Lu}\p{N}#"'“(]/u.test(trimmed)
    ) {
      sections.push({ heading: trimmed, level: 1, start });
    }
  }
  return sections;
}

function decodeText(bytes: Uint8Array, name: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  } catch {
    throw new CairnError(
      'invalid_input',
      `${name} is not UTF-8 text; save it as UTF-8 (or as PDF, HTML or .docx) and add it again.`,
    );
  }
}

async function parseHtmlDocument(html: string) {
  const { parseHTML } = await import('linkedom');
  return parseHTML(html).document;
}

function meta(
  doc: { querySelector(s: string): { getAttribute(n: string): string | null; textContent: string | null } | null },
  ...selectors: string[]
): string | null {
  for (const s of selectors) {
    const el = doc.querySelector(s);
    const value = clean(
      el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href') ?? null,
    );
    if (value) return value;
  }
  return null;
}

async function readHtml(html: string): Promise<Omit<ExtractedDocument, 'sha256' | 'bytes' | 'format'>> {
  const doc = await parseHtmlDocument(html);
  const fields: DocumentFields = {
    title:
      meta(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="citation_title"]') ??
      clean(doc.querySelector('title')?.textContent ?? null),
    author: meta(doc, 'meta[name="author"]', 'meta[property="article:author"]', 'meta[name="citation_author"]'),
    publisher: meta(doc, 'meta[property="og:site_name"]', 'meta[name="publisher"]', 'meta[name="citation_publisher"]'),
    date: isoDay(
      meta(
        doc,
        'meta[property="article:published_time"]',
        'meta[name="date"]',
        'meta[name="citation_publication_date"]',
        'meta[name="dc.date"]',
        'time[datetime]',
      ),
    ),
    url: meta(doc, 'link[rel="canonical"]', 'meta[property="og:url"]'),
  };
  const { Readability } = await import('@mozilla/readability');
  // Readability changes the document it reads; it gets its own copy.
  const article = new Readability((await parseHtmlDocument(html)) as never, { charThreshold: 200 }).parse();
  let body: DomNode | null = null;
  if (article?.content)
    body = (await parseHtmlDocument(`<!doctype html><html><body>${article.content}</body></html>`))
      .body as unknown as DomNode;
  let { text, sections } = body ? domToText(body) : { text: '', sections: [] as Section[] };
  // A page Readability finds no article in (a short note, a list) is read whole instead.
  if (text.trim().length < 200) ({ text, sections } = domToText(doc.body as unknown as DomNode));
  fields.title ??= clean(article?.title ?? null);
  fields.author ??= clean(article?.byline ?? null);
  fields.publisher ??= clean(article?.siteName ?? null);
  fields.date ??= isoDay(article?.publishedTime ?? null);
  return { text, sections, fields };
}

async function readMarkdown(source: string): Promise<Omit<ExtractedDocument, 'sha256' | 'bytes' | 'format'>> {
  let body = source;
  const fields = { ...NO_FIELDS };
  const fm = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(source);
  if (fm) {
    body = source.slice(fm[0].length);
    try {
      const { parse } = await import('yaml');
      const data = parse(fm[1]!) as Record<string, unknown> | null;
      if (data && typeof data === 'object') {
        const first = (v: unknown) =>
          Array.isArray(v)
            ? v
                .map((x) => clean(x))
                .filter(Boolean)
                .join(', ') || null
            : clean(v);
        fields.title = clean(data.title);
        fields.author = first(data.author ?? data.authors);
        fields.publisher = clean(data.publisher ?? data.site ?? data.organization);
        fields.date = isoDay(data.date ?? data.published);
        fields.url = clean(data.url ?? data.source ?? data.link);
      }
    } catch {
      // Front matter that is not YAML is only a missed prefill: the text is still read.
    }
  }
  const { default: MarkdownIt } = await import('markdown-it');
  const html = new MarkdownIt({ html: true, linkify: false }).render(body);
  const doc = await parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
  const { text, sections } = domToText(doc.body as unknown as DomNode);
  fields.title ??= sections.find((s) => s.level === 1)?.heading ?? null;
  return { text, sections, fields };
}

async function readDocx(
  bytes: Uint8Array,
  name: string,
): Promise<Omit<ExtractedDocument, 'sha256' | 'bytes' | 'format'>> {
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (e) {
    throw new CairnError(
      'invalid_input',
      `${name} is not a readable Word document (${(e as Error).message.split('\n')[0]}); open it in Word and save it again as .docx, or export it as PDF.`,
    );
  }
  const doc = await parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
  const { text, sections } = domToText(doc.body as unknown as DomNode);
  return { text, sections, fields: { ...NO_FIELDS, title: sections.find((s) => s.level === 1)?.heading ?? null } };
}

async function readPdf(
  bytes: Uint8Array,
  name: string,
): Promise<Omit<ExtractedDocument, 'sha256' | 'bytes' | 'format'>> {
  const { getDocumentProxy, extractText, getMeta } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the buffer over; it gets a copy so the caller's bytes (hashed) stay intact.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 } as never);
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException' || /password/i.test(err.message)) {
      throw new CairnError(
        'unsupported',
        `${name} is encrypted with a password; save an unprotected copy (or print it to PDF) and add that.`,
      );
    }
    throw new CairnError(
      'invalid_input',
      `${name} is not a readable PDF (${err.message}); open it and save or print it to a new PDF, then add that.`,
    );
  }
  try {
    const { text: pages } = await extractText(pdf, { mergePages: false });
    const text = pages
      .map((p) => p.replace(/[ \t]+\n/g, '\n').trim())
      .filter(Boolean)
      .join('\n\n');
    if (!text.trim()) {
      throw new CairnError(
        'unsupported',
        `${name} has no text layer (it looks scanned); run it through OCR to get a PDF with text, or paste the text instead.`,
      );
    }
    const fields = { ...NO_FIELDS };
    try {
      const { info } = await getMeta(pdf, { parseDates: true });
      fields.title = clean(info?.Title);
      fields.author = clean(info?.Author);
      fields.date = isoDay(info?.CreationDate);
    } catch {
      // Missing document information is only a missed prefill.
    }
    const sections = await pdfOutlineSections(pdf, text);
    return { text, sections, fields };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/** A PDF's bookmarks, placed where each title first appears in the text after the one before. */
async function pdfOutlineSections(pdf: { getOutline(): Promise<unknown> }, text: string): Promise<Section[]> {
  const outline = (await pdf.getOutline().catch(() => null)) as { title: string; items: unknown[] }[] | null;
  if (!outline?.length) return plainTextSections(text);
  const sections: Section[] = [];
  let from = 0;
  const walk = (items: { title: string; items: unknown[] }[], level: number) => {
    for (const item of items) {
      const title = clean(item.title);
      if (title) {
        const at = text.indexOf(title, from);
        if (at !== -1) {
          sections.push({ heading: title, level, start: at });
          from = at + title.length;
        }
      }
      if (Array.isArray(item.items)) walk(item.items as { title: string; items: unknown[] }[], level + 1);
    }
  };
  walk(outline, 1);
  return sections;
}

/**
 * Reads one document. `name` is the file's name (its extension helps tell the format);
 * pasted text comes in as a `.txt` name.
 */
export async function extractDocument(name: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  if (bytes.length > SOURCE_LIMITS.fileBytes) {
    throw new CairnError(
      'invalid_input',
      `${name} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; Cairn reads documents up to ${SOURCE_LIMITS.fileBytes / 1024 / 1024} MB. Add the part you cite (or paste its text) instead.`,
    );
  }
  if (!bytes.length) throw new CairnError('invalid_input', `${name} is empty; choose the document itself.`);
  const format = detectFormat(name, bytes);
  let read: Omit<ExtractedDocument, 'sha256' | 'bytes' | 'format'>;
  if (format === 'pdf') read = await readPdf(bytes, name);
  else if (format === 'docx') read = await readDocx(bytes, name);
  else {
    const text = decodeText(bytes, name);
    if (format === 'html') read = await readHtml(text);
    else if (format === 'markdown') read = await readMarkdown(text);
    else read = { text: text.trim() ? text : '', sections: plainTextSections(text), fields: { ...NO_FIELDS } };
  }
  if (!read.text.trim())
    throw new CairnError(
      'invalid_input',
      `${name} has no text Cairn can read; check that it is the document itself, or paste its text instead.`,
    );
  if (read.text.length > SOURCE_LIMITS.textChars) {
    throw new CairnError(
      'invalid_input',
      `${name} holds ${read.text.length.toLocaleString('en')} characters of text; Cairn keeps up to ${SOURCE_LIMITS.textChars.toLocaleString('en')} per source. Add the chapter you cite instead.`,
    );
  }
  return { ...read, format, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}
