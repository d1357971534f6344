/**
 * The plain links of the ADR's Links section (a web page, a ticket, a document), as a list: each a
 * title and an address; added, removed and moved with the keyboard (Alt+↑/↓ in a link's fields
 * moves it). An address that cannot be saved (javascript:, a space, a Markdown file, which is a
 * relation) is marked beside itself and kept as typed while everything else saves.
 */
import { useId } from 'react';
import { linkTargetProblem, type WebLink } from '../../../shared/domain.js';
import { useRowFocus } from '../components/useRowFocus.js';
import { RowInput, RowsField } from '../components/Fields.js';

export function LinksEditor({ links, onChange }: { links: readonly WebLink[]; onChange: (links: WebLink[]) => void }) {
  const id = useId();
  const { rowRef, focusRow } = useRowFocus();

  function set(next: WebLink[], focus: number | null = null) {
    focusRow(focus);
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
    <RowsField
      legend="Links"
      className="links-editor"
      intro={
        <small className="muted" id={`${id}-hint`}>
          Web pages, tickets and documents the ADR lists under Links: an address starts with https://, http:// or
          mailto:, or is a path relative to the ADR. Links to other decisions are relations, below.
        </small>
      }
      list="ol"
      listClassName="links-list"
      listLabel="Links of this decision"
      hideEmptyList
      items={links}
      rowName={(_, i) => `link ${i + 1}`}
      renderRow={(link, i) => {
        const problem = linkTargetProblem(link.url);
        return (
          <>
            <RowInput
              label={`Title of link ${i + 1}`}
              inputRef={rowRef(i)}
              value={link.title}
              placeholder="Title"
              maxLength={500}
              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
              onChange={(title) => change(i, { title })}
              onKeyDown={keys(i)}
            />
            <RowInput
              label={`Address of link ${i + 1}`}
              value={link.url}
              placeholder="https://…"
              maxLength={500}
              inputMode="url"
              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem-${i}` : `${id}-hint`}
              onChange={(url) => change(i, { url: url.trim() })}
              onKeyDown={keys(i)}
            />
          </>
        );
      }}
      renderBelow={(link, i) => {
        const problem = linkTargetProblem(link.url);
        return (
          problem && (
            <small id={`${id}-problem-${i}`} className="field-error" role="alert">
              Link {i + 1}: {problem} Until then the link is kept here, not saved.
            </small>
          )
        );
      }}
      onMove={move}
      onRemove={(i) =>
        set(
          links.filter((_, j) => j !== i),
          links.length > 1 ? Math.max(0, i - 1) : null,
        )
      }
      add={{ label: 'Add link', onAdd: () => set([...links, { title: '', url: '' }], links.length) }}
    />
  );
}
