/**
 * Shows Markdown from a decision or an imported file. The markup comes only from
 * `renderMarkdown` (shared/markdown.ts), which escapes raw HTML and keeps only safe link targets,
 * so it is the one place in the UI where generated markup is inserted.
 * Clicks are handled here because the app routes by URL fragment: a footnote link (`#fn-…`)
 * must scroll to its note instead of changing the route, and a relative link (another ADR file)
 * has no page of its own to open unless the caller says where it leads.
 */
import { useId, useMemo, type MouseEvent } from 'react';
import { linkKind, renderMarkdown } from '../../../shared/safe-markdown.js';
import './Markdown.css';

export interface MarkdownProps {
  source: string;
  /** Show http(s) images; off by default (a remote image tells its host that you read the page). */
  allowRemoteImages?: boolean;
  /** Called for a relative link such as `0002-use-postgresql.md`; without it such links do nothing. */
  onRelativeLink?: (target: string) => void;
  className?: string;
  /** Accessible name of the rendered region, e.g. "Preview of ADR 4". */
  label?: string;
  /** Push the document's headings this many levels down (see `renderMarkdown`). */
  headingOffset?: number;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function Markdown({
  source,
  allowRemoteImages = false,
  onRelativeLink,
  className,
  label,
  headingOffset = 0,
}: MarkdownProps) {
  const docId = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const html = useMemo(
    () => renderMarkdown(source, { allowRemoteImages, docId, headingOffset }),
    [source, allowRemoteImages, docId, headingOffset],
  );

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target instanceof Element ? event.target.closest('a') : null;
    if (!target || !event.currentTarget.contains(target)) return;
    const href = target.getAttribute('href') ?? '';
    const kind = linkKind(href);
    if (kind === 'http' || kind === 'mailto') return;
    event.preventDefault();
    if (kind === 'fragment') {
      const note = event.currentTarget.querySelector<HTMLElement>(`[id="${CSS.escape(decode(href.slice(1)))}"]`);
      if (note) {
        note.scrollIntoView({ block: 'nearest' });
        note.setAttribute('tabindex', '-1');
        note.focus({ preventScroll: true });
      }
    } else if (kind === 'relative') {
      onRelativeLink?.(decode(href));
    }
  };

  return (
    // The click handler only refines what the links inside already do by keyboard (Enter fires click).
    <div
      className={['markdown', className].filter(Boolean).join(' ')}
      role={label ? 'region' : undefined}
      aria-label={label}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
