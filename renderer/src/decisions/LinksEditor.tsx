/**
 * The plain links of the ADR's Links section (a web page, a ticket, a document), as a list: each a
 * title and an address; added, removed and moved with the keyboard (Alt+↑/↓ in a link's fields
 * moves it). An address that cannot be saved (javascript:, a space, a Markdown file, which is a
 * relation) is marked beside itself and kept as typed while everything else saves.
 */
import { useEffect, useId, useRef } from 'react';
import { linkTargetProblem, type WebLink } from '../../../shared/domain.js';

export function LinksEditor({ links, onChange }: { links: readonly WebLink[]; onChange: (links: WebLink[]) => void }) {
  const id = useId();
  const titles = useRef<(HTMLInputElement | null)[]>([]);
  const focusAfter = useRef<number | null>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    titles.current[focusAfter.current]?.focus();
    focusAfter.current = null;
  });

  function set(next: WebLink[], focus: number | null = null) {
    focusAfter.current = focus;
    onChange(next);
  }
  const change = (i: number, link: Partial<WebLink>) => set(links.map((x, j) => (j === i ? { ...x, ...link } : x)));
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= links.length) return;
    const next = [...links];
    [next[i], next[j]] = [next[j]!, next[i]!];
    set(next, j);
  };
  const keys = (i: number) => (e: React.KeyboardEvent) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      move(i, e.key === 'ArrowUp' ? -1 : 1);
    }
  };

  return (
    <fieldset className="links-editor">
      <legend>Links</legend>
      <small className="muted" id={`${id}-hint`}>
        Web pages, tickets and documents the ADR lists under Links: an address starts with https://, http:// or mailto:,
        or is a path relative to the ADR. Links to other decisions are relations, below.
      </small>
      {links.length > 0 && (
        <ol className="links-list" aria-label="Links of this decision">
          {links.map((link, i) => {
            const n = i + 1;
            const problem = linkTargetProblem(link.url);
            return (
              <li key={i}>
                <div className="row">
                  <label className="grow">
                    <span className="visually-hidden">Title of link {n}</span>
                    <input
                      ref={(el) => {
                        titles.current[i] = el;
                      }}
                      value={link.title}
                      placeholder="Title"
                      maxLength={500}
                      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                      onChange={(e) => change(i, { title: e.target.value })}
                      onKeyDown={keys(i)}
                    />
                  </label>
                  <label className="grow">
                    <span className="visually-hidden">Address of link {n}</span>
                    <input
                      value={link.url}
                      placeholder="https://…"
                      maxLength={500}
                      inputMode="url"
                      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `${id}-problem-${i}` : `${id}-hint`}
                      onChange={(e) => change(i, { url: e.target.value.trim() })}
                      onKeyDown={keys(i)}
                    />
                  </label>
                  <button type="button" aria-label={`Move link ${n} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move link ${n} down`}
                    disabled={i === links.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove link ${n}`}
                    onClick={() =>
                      set(
                        links.filter((_, j) => j !== i),
                        links.length > 1 ? Math.max(0, i - 1) : null,
                      )
                    }
                  >
                    Remove
                  </button>
                </div>
                {problem && (
                  <small id={`${id}-problem-${i}`} className="field-error" role="alert">
                    Link {n}: {problem} Until then the link is kept here, not saved.
                  </small>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" onClick={() => set([...links, { title: '', url: '' }], links.length)}>
        Add link
      </button>
    </fieldset>
  );
}
