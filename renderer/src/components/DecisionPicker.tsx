/**
 * Choosing one decision among many by typing: a combobox (the ARIA 1.2 pattern) whose list is
 * asked from the API as the person types, a few at a time, so a store of 10,000 decisions costs
 * the page no more than one of ten. A title's words find it (full-text, best match first); a
 * number ("12", "ADR 12", or "ADR 12: its title" as the app writes it) finds that ADR. Empty, it
 * offers the decisions changed last.
 *
 * Keys: ↓/↑ move through the list (opening it), Enter takes the highlighted one, Escape closes
 * the list (or, closed, clears the text), Home/End move to the first or last; typing again
 * after a choice starts a new search.
 */
import { useId, useMemo, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import type { DecisionSummary } from '../../../shared/domain.js';
import type { ListQuery } from '../../../shared/api/decisions.js';
import { useApiQuery } from '../data/query.js';
import { useSettled } from '../data/settled.js';
import { StatusBadge } from '../decisions/StatusBadge.js';
import './DecisionPicker.css';

/** How many decisions the list shows at once. */
const SHOWN = 8;
/** Milliseconds after the last keystroke before asking. */
const PAUSE = 120;

export const decisionName = (d: Pick<DecisionSummary, 'number' | 'title'>) =>
  `${d.number === null ? 'Draft' : `ADR ${d.number}`}: ${d.title}`;

/** What a typed text asks the list for: a number, words, both ("ADR 4: Log to files"), or the latest. */
export function pickerQuery(typed: string): ListQuery {
  const text = typed.trim();
  const numbered = /^(?:adr\s*)?#?(\d{1,9})\b\s*[:.-]?\s*(.*)$/i.exec(text);
  if (numbered) {
    const rest = numbered[2]!.trim();
    return { number: Number(numbered[1]), ...(rest ? { text: rest } : {}), sort: 'number', limit: SHOWN + 1 };
  }
  const words = text.replace(/^draft\s*:\s*/i, '');
  return words ? { text: words.slice(0, 200), limit: SHOWN + 1 } : { sort: 'updated', limit: SHOWN + 1 };
}

export interface DecisionPickerProps {
  label: string;
  /** The decision chosen, or null. */
  value: DecisionSummary | null;
  onChange: (d: DecisionSummary | null) => void;
  /** Left out of the list (the decision being edited). */
  exclude?: string;
  disabled?: boolean;
}

export function DecisionPicker({ label, value, onChange, exclude, disabled }: DecisionPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const asked = useSettled(typed, PAUSE);
  const query = useMemo(() => pickerQuery(asked), [asked]);
  const found = useApiQuery('listDecisions', query, { enabled: open, placeholderData: keepPreviousData });
  const options = (found.data?.items ?? []).filter((d) => d.id !== exclude).slice(0, SHOWN);
  const shown = value ? decisionName(value) : typed;
  const waiting = open && (asked !== typed || found.isFetching);
  const expanded = open && options.length > 0;

  function choose(d: DecisionSummary) {
    onChange(d);
    setTyped('');
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    const last = options.length - 1;
    const move = (to: number) => {
      e.preventDefault();
      setOpen(true);
      setActive(to);
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(!expanded ? 0 : Math.min(active + 1, last));
      case 'ArrowUp':
        return move(!expanded ? last : Math.max(active - 1, 0));
      case 'Home':
        if (expanded) move(0);
        return;
      case 'End':
        if (expanded) move(last);
        return;
      case 'Enter':
        if (expanded && options[active]) {
          e.preventDefault(); // takes the option; the form is not sent
          choose(options[active]);
        }
        return;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (shown) {
          e.preventDefault();
          setTyped('');
          onChange(null);
        }
        return;
    }
  }

  let note = '';
  if (open && !waiting && found.error) note = `The decisions could not be listed: ${found.error.message}`;
  else if (open && !waiting && found.data && options.length === 0)
    note = typed.trim() ? `No decision matches “${typed.trim()}”.` : 'There is no other decision yet.';

  return (
    <div className="decision-picker">
      <label htmlFor={id}>{label}</label>
      <div className="decision-picker-box">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder="Type a title or an ADR number…"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={`${id}-note`}
          aria-busy={waiting || undefined}
          disabled={disabled}
          value={shown}
          onChange={(e) => {
            if (value) onChange(null);
            setTyped(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={`${label}: matches`} hidden={!expanded}>
          {options.map((d, i) => (
            <li
              key={d.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // Chosen on mouse down, before the field loses focus and closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(d);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span className="decision-picker-name">{decisionName(d)}</span> <StatusBadge status={d.status} />
            </li>
          ))}
        </ul>
      </div>
      <small id={`${id}-note`} className="decision-picker-note muted" aria-live="polite">
        {note}
      </small>
    </div>
  );
}
