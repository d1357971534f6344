/**
 * What a claim says about the pack's question — option, criterion, effect, importance and the
 * condition it holds under — as one set of labelled fields, shared by the three ways of making a
 * claim: from a passage selected in the reader, from a suggestion accepted, and typed in the Library.
 */
import type { PackView } from '../../../shared/api/knowledge.js';
import type { Effect } from '../../../shared/domain.js';
import { EFFECTS } from '../../../shared/vocabulary.js';
import { Select, TextField } from '../components/Fields.js';

export interface ClaimChoice {
  option: string;
  criterion: string;
  effect: Effect;
  importance: number;
  condition: string;
}

export const EFFECT_LABEL: Record<Effect, string> = { good: 'Good', neutral: 'Neutral', bad: 'Bad' };

const IMPORTANCES = [
  { value: '1', label: '1 — minor' },
  { value: '2', label: '2 — notable' },
  { value: '3', label: '3 — central' },
];

export function ClaimFields<T extends ClaimChoice>({
  pack,
  form,
  setForm,
}: {
  pack: PackView;
  form: T;
  setForm: (next: T) => void;
}) {
  return (
    <>
      <Select
        label="Option"
        value={form.option}
        choices={pack.options.map((o) => ({ value: o.id, label: o.name }))}
        onChange={(option) => setForm({ ...form, option })}
      />
      <Select
        label="Criterion"
        value={form.criterion}
        choices={pack.criteria.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(criterion) => setForm({ ...form, criterion })}
      />
      <Select
        label="Effect for that option"
        value={form.effect}
        choices={EFFECTS.map((x) => ({ value: x, label: EFFECT_LABEL[x] }))}
        onChange={(effect) => setForm({ ...form, effect })}
      />
      <Select
        label="Importance"
        value={String(form.importance)}
        choices={IMPORTANCES}
        onChange={(importance) => setForm({ ...form, importance: Number(importance) })}
      />
      <TextField
        label="Only holds if (optional)"
        value={form.condition}
        onChange={(condition) => setForm({ ...form, condition })}
      />
    </>
  );
}
