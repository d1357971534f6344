/**
 * Markdown to HTML for display in the UI. Policy enforced here, because decisions and imported
 * ADR files are text from other people: raw HTML is never passed through (it is shown as text);
 * links keep only http, https, mailto, relative and in-page (#…) targets; images never load
 * unless the caller allows remote images, and then only over http(s); footnotes are rendered.
 * The output is a string of markup built only by markdown-it's escaping renderer.
 */
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';

type Renderer = InstanceType<typeof MarkdownIt>;

export interface MarkdownOptions {
  /** Show http(s) images instead of a placeholder. Off by default: a remote image tells its host you read the page. */
  allowRemoteImages?: boolean;
  /** Prefix for footnote ids, so several documents on one page do not share ids. Letters, digits, - and _ only. */
  docId?: string;
  /**
   * Levels to push every heading down, so a document shown inside a page (whose own title is the
   * h1) keeps one outline: 1 turns the document's `#` into h2. Headings never go below h6.
   */
  headingOffset?: number;
}

export type LinkKind = 'http' | 'mailto' | 'relative' | 'fragment';

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * What kind of target a link has, or null when it must not be a link. The URL is taken the way a
 * browser would: surrounding space ignored, scheme case-insensitive; a leading `//` or a backslash
 * (which browsers treat as `/`) would leave the app's origin, so those are refused too.
 */
export function linkKind(raw: string): LinkKind | null {
  const url = raw.trim();
  if (!url) return null;
  // Browsers drop tabs and newlines anywhere in a URL ("java\tscript:"); refuse every control character.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  if (/[\u0000-\u001f\u007f]/.test(url)) return null;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (scheme === 'http' || scheme === 'https') return /^https?:\/\/[^/\\?#@\s]+/i.test(url) ? 'http' : null;
    if (scheme === 'mailto') return url.length > 'mailto:'.length ? 'mailto' : null;
    return null;
  }
  if (/^[\\/]{2}/.test(url) || url.includes('\\')) return null;
  if (url.startsWith('#')) return 'fragment';
  return 'relative';
}

function isLinkInside(tokens: readonly { type: string }[], idx: number): boolean {
  let depth = 0;
  for (let i = 0; i < idx; i++) {
    if (tokens[i]!.type === 'link_open') depth++;
    else if (tokens[i]!.type === 'link_close') depth--;
  }
  return depth > 0;
}

function createRenderer(allowRemoteImages: boolean): Renderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.use(footnote);
  md.validateLink = (url) => linkKind(url) !== null;

  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, idx, options) => {
    const token = tokens[idx]!;
    const kind = linkKind(String(token.attrGet('href') ?? ''));
    if (kind === 'http' || kind === 'mailto') {
      // Outside links never replace the app: a new window, which the desktop shell hands to the system browser.
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    }
    return renderToken(tokens, idx, options);
  };

  // Table alignment comes as a style attribute, which the app's CSP (no inline style) would block: use a class.
  for (const rule of ['th_open', 'td_open'] as const) {
    md.renderer.rules[rule] = (tokens, idx, options) => {
      const token = tokens[idx]!;
      const align = /^text-align:(left|right|center)$/.exec(String(token.attrGet('style') ?? ''))?.[1];
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      if (align) token.attrSet('class', `md-align-${align}`);
      return renderToken(tokens, idx, options);
    };
  }

  for (const rule of ['heading_open', 'heading_close'] as const) {
    md.renderer.rules[rule] = (tokens, idx, options, env) => {
      const token = tokens[idx]!;
      const level = Number(token.tag.slice(1));
      const offset = Number((env as { headingOffset?: number } | undefined)?.headingOffset ?? 0);
      if (offset > 0 && level >= 1 && level <= 6) {
        // The class keeps the document's own level for styling; the tag is what the page outline reads.
        if (rule === 'heading_open') token.attrSet('class', `md-h${level}`);
        token.tag = `h${Math.min(6, level + offset)}`;
      }
      return renderToken(tokens, idx, options);
    };
  }

  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = String(token.attrGet('src') ?? '');
    const kind = linkKind(src);
    if (allowRemoteImages && kind === 'http') return defaultImage(tokens, idx, options, env, self);
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || 'image';
    const label = `Image not shown: ${md.utils.escapeHtml(alt)}`;
    if (kind === null || isLinkInside(tokens, idx)) return `<span class="md-image-blocked">${label}</span>`;
    const external = kind === 'http' || kind === 'mailto' ? ' target="_blank" rel="noopener noreferrer"' : '';
    return `<a class="md-image-blocked" href="${md.utils.escapeHtml(src)}"${external}>${label}</a>`;
  };
  return md;
}

const renderers = new Map<boolean, Renderer>();

/**
 * Longer text is shown up to this many characters with a note, so that a huge imported file
 * cannot freeze the window (half as long again as the longest field a decision can hold).
 */
export const MARKDOWN_DISPLAY_LIMIT = 300_000;

/** Renders Markdown to safe HTML (see the policy at the top of this file). */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const allow = options.allowRemoteImages === true;
  let md = renderers.get(allow);
  if (!md) {
    md = createRenderer(allow);
    renderers.set(allow, md);
  }
  const docId = options.docId?.replace(/[^A-Za-z0-9_-]/g, '') || undefined;
  const headingOffset = Math.max(0, Math.min(5, Math.trunc(options.headingOffset ?? 0)));
  const env = { ...(docId ? { docId } : {}), ...(headingOffset ? { headingOffset } : {}) };
  if (source.length <= MARKDOWN_DISPLAY_LIMIT) return md.render(source, env);
  const shown = md.render(source.slice(0, MARKDOWN_DISPLAY_LIMIT), env);
  const note = `Only the first ${MARKDOWN_DISPLAY_LIMIT.toLocaleString('en')} of ${source.length.toLocaleString('en')} characters are shown here; the full text is kept.`;
  return `${shown}<p class="md-truncated">${note}</p>\n`;
}
