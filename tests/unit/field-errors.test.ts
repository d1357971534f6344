import { describe, expect, it } from 'vitest';
import { DecisionContent } from '../../shared/domain.js';
import { checkFields } from '../../shared/field-errors.js';

const stored = DecisionContent.parse({ title: 'Use PostgreSQL', date: '2026-01-01', tags: ['db'] });

describe('checkFields', () => {
  it('flags an over-long tag at the tag field and keeps every other edit savable', () => {
    const draft = {
      ...stored,
      tags: ['db', 'x'.repeat(142)],
      confirmation: 'Load test before launch.',
      context: 'Orders need transactions.',
    };
    const { errors, savable } = checkFields(draft, stored);
    expect(errors).toEqual({ tags: 'Tag 2 is too long: at most 100 characters, it has 142. Shorten it to save it.' });
    expect(savable.tags).toEqual(['db']);
    expect(savable.confirmation).toBe('Load test before launch.');
    expect(savable.context).toBe('Orders need transactions.');
  });

  it('says a title is needed, and passes a valid draft through unchanged', () => {
    expect(checkFields({ ...stored, title: '' }, stored).errors).toEqual({
      title: 'A decision needs a title. Type one to save it.',
    });
    const ok = { ...stored, rationale: 'It fits.' };
    expect(checkFields(ok, stored)).toEqual({ errors: {}, savable: ok });
  });
});
