/**
 * An independent check of the renderer's output as a string: every `<` must open or close a tag
 * from a short allow-list with allow-listed attributes, and every link target must stay on
 * http(s), mailto or the app itself. markdown-it escapes text (`&lt;`), so a tag that is not on
 * the list can only mean raw markup got through.
 */
const TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'em',
  'strong',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'sup',
  'section',
  'span',
]);
const ATTRS = new Set(['href', 'id', 'class', 'target', 'rel', 'title', 'start', 'alt', 'src']);
const TAG = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*\/?>/;
const ATTR = /\s+([a-z-]+)(?:="([^"]*)")?/g;
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** Where a browser would send a click on this target, from a page inside the app. */
export function isSafeTarget(target: string): boolean {
  let url: URL;
  try {
    url = new URL(target, 'cairn://app/index.html');
  } catch {
    return false;
  }
  if (url.protocol === 'cairn:') return url.host === 'app';
  return ALLOWED_PROTOCOLS.has(url.protocol);
}

export function unsafeMarkup(html: string, options: { allowImages?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const m = TAG.exec(html.slice(i, i + 4000));
    if (!m) {
      problems.push(`unparsable markup at ${i}: ${html.slice(i, i + 40)}`);
      continue;
    }
    const [, , name, attrs = ''] = m;
    const tag = name!;
    if (!TAGS.has(tag) && !(options.allowImages && tag === 'img')) problems.push(`tag <${tag}>`);
    for (const a of attrs.matchAll(ATTR)) {
      const attr = a[1]!;
      const value = decodeEntities(a[2] ?? '');
      if (!ATTRS.has(attr)) problems.push(`attribute ${attr} on <${tag}>`);
      if (attr === 'src' && !(options.allowImages && /^https?:\/\//i.test(value)))
        problems.push(`image source ${value}`);
      if (attr === 'href' && !isSafeTarget(value)) problems.push(`link target ${value}`);
    }
  }
  return problems;
}
