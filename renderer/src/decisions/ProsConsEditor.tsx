/**
 * One option's description and its pros and cons, edited as a list: each item good, neutral or
 * bad with its text and the claims it cites; added, removed and moved with the keyboard (Alt+↑/↓
 * in an item moves it, Enter adds one below). The option's `description` stays the one place the
 * list lives (shared/adr/pros-cons.ts), citations included, so what the file said and what export
 * writes stay in step.
 */
import { readProsCons, writeProsCons, type ProCon } from '../../../shared/adr/pros-cons.js';
import { claimsByLabel } from '../../../shared/adr/citations.js';
import type { ConsideredOption, Driver, Effect, EvidenceClaim } from '../../../shared/domain.js';
import { EFFECTS } from '../../../shared/vocabulary.js';
import { useRowFocus } from '../components/useRowFocus.js';
import { RowInput, RowsField, Select, TextArea } from '../components/Fields.js';
import { ClaimCitations } from './ClaimCitations.js';

const EFFECT_LABEL: Record<Effect, string> = { good: 'Good', neutral: 'Neutral', bad: 'Bad' };
const EFFECT_CHOICES = EFFECTS.map((e) => ({ value: e, label: `${EFFECT_LABEL[e]}, because` }));

export function ProsConsEditor({
  option,
  claims = [],
  drivers = [],
  onChange,
}: {
  option: ConsideredOption;
  /** Every claim the decision weighs: a point may cite those about this option. */
  claims?: readonly EvidenceClaim[];
  drivers?: readonly Driver[];
  onChange: (description: string) => void;
}) {
  const byLabel = claimsByLabel(claims);
  const details = readProsCons(option.description, (label) => byLabel.has(label));
  const own = claims.filter((c) => c.option === option.id);
  const { rowRef, focusRow } = useRowFocus();
  const name = option.name || 'this option';

  function setItems(items: ProCon[], focus: number | null = null) {
    focusRow(focus);
    onChange(writeProsCons({ ...details, items }));
  }
  const change = (i: number, item: Partial<ProCon>) =>
    setItems(details.items.map((x, j) => (j === i ? { ...x, ...item } : x)));
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= details.items.length) return;
    const items = [...details.items];
    [items[i], items[j]] = [items[j]!, items[i]!];
    setItems(items, j);
  };
  const add = (at: number, effect: Effect) =>
    setItems([...details.items.slice(0, at), { effect, text: '' }, ...details.items.slice(at)], at);
  const remove = (i: number) =>
    setItems(
      details.items.filter((_, j) => j !== i),
      details.items.length > 1 ? Math.max(0, i - 1) : null,
    );

  return (
    <RowsField
      legend={name}
      className="pros-cons"
      intro={
        <TextArea
          label={`Description of ${name}`}
          value={details.intro}
          rows={Math.min(10, Math.max(2, details.intro.split('\n').length))}
          onChange={(intro) => onChange(writeProsCons({ ...details, intro }))}
        />
      }
      list="ol"
      listClassName="pros-cons-list"
      listLabel={`Pros and cons of ${name}`}
      hideEmptyList
      itemClassName={(item) => `effect-${item.effect}`}
      items={details.items}
      rowName={(_, i) => `point ${i + 1} of ${name}`}
      renderRow={(item, i) => (
        <>
          <Select
            label={`Effect of point ${i + 1} of ${name}`}
            labelPosition="hidden"
            value={item.effect}
            choices={EFFECT_CHOICES}
            onChange={(effect) => change(i, { effect })}
          />
          <RowInput
            label={`Point ${i + 1} of ${name}`}
            inputRef={rowRef(i)}
            value={item.text}
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Enter"
            onChange={(text) => change(i, { text })}
            onKeyDown={(e) => {
              if (e.altKey && e.key === 'ArrowUp') {
                e.preventDefault();
                move(i, -1);
              } else if (e.altKey && e.key === 'ArrowDown') {
                e.preventDefault();
                move(i, 1);
              } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                add(i + 1, item.effect);
              }
            }}
          />
        </>
      )}
      renderBelow={(item, i) =>
        (own.length > 0 || (item.cites?.length ?? 0) > 0) && (
          <ClaimCitations
            point={`${i + 1} of ${name}`}
            cites={item.cites ?? []}
            byLabel={byLabel}
            claims={own}
            drivers={drivers}
            onChange={(cites) => change(i, { cites })}
          />
        )
      }
      onMove={move}
      onRemove={remove}
    >
      <div className="row">
        <button type="button" onClick={() => add(details.items.length, 'good')}>
          Add a pro<span className="visually-hidden"> of {name}</span>
        </button>
        <button type="button" onClick={() => add(details.items.length, 'bad')}>
          Add a con<span className="visually-hidden"> of {name}</span>
        </button>
        {details.items.length > 1 && (
          <small className="muted">In a point, Alt+↑ and Alt+↓ move it; Enter adds one below.</small>
        )}
      </div>
      {details.tail && (
        <TextArea
          label={`After the pros and cons of ${name}`}
          value={details.tail}
          rows={2}
          onChange={(tail) => onChange(writeProsCons({ ...details, tail }))}
        />
      )}
    </RowsField>
  );
}
