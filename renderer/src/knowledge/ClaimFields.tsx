/**
 * What a claim says about the pack's question — option, criterion, effect, importance and the
 * condition it holds under — as one set of labelled fields, shared by the three ways of making a
 * claim: from a passage selected in the reader, from a suggestion accepted, and typed in the Library.
 */
import type { PackView } from '../../../shared/api/knowledge.js';
import type { Effect } from '../../../shared/domain.js';
import { EFFECTS } from '../../../shared/vocabulary.js';
import { Labeled } from '../components/Fields.js';

export interface ClaimChoice {
  option: string;
  criterion: string;
  effect: Effect;
  importance: number;
  condition: string;
}

export const EFFECT_LABEL: Record<Effect, string> = { good: 'Good', neutral: 'Neutral', bad: 'Bad' };

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
      <Labeled label="Option">
        {(id) => (
          <select id={id} value={form.option} onChange={(e) => setForm({ ...form, option: e.target.value })}>
            {pack.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Labeled>
      <Labeled label="Criterion">
        {(id) => (
          <select id={id} value={form.criterion} onChange={(e) => setForm({ ...form, criterion: e.target.value })}>
            {pack.criteria.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Labeled>
      <Labeled label="Effect for that option">
        {(id) => (
          <select id={id} value={form.effect} onChange={(e) => setForm({ ...form, effect: e.target.value as Effect })}>
            {EFFECTS.map((x) => (
              <option key={x} value={x}>
                {EFFECT_LABEL[x]}
              </option>
            ))}
          </select>
        )}
      </Labeled>
      <Labeled label="Importance">
        {(id) => (
          <select
            id={id}
            value={form.importance}
            onChange={(e) => setForm({ ...form, importance: Number(e.target.value) })}
          >
            <option value={1}>1 — minor</option>
            <option value={2}>2 — notable</option>
            <option value={3}>3 — central</option>
          </select>
        )}
      </Labeled>
      <Labeled label="Only holds if (optional)">
        {(id) => (
          <input id={id} value={form.condition} onChange={(e) => setForm({ ...form, condition: e.target.value })} />
        )}
      </Labeled>
    </>
  );
}
