import { Decision, DecisionContent, type DecisionContentInput } from '../../shared/domain.js';

/** A whole decision from a little content, as the store would return it. */
export function decision(
  id: string,
  number: number | null,
  content: Partial<DecisionContentInput> & { title?: string },
): Decision {
  return Decision.parse({
    ...DecisionContent.parse({ title: id, date: '2026-01-15', ...content }),
    id,
    number,
    revision: 1,
    createdAt: '2026-01-15T09:00:00.000Z',
    updatedAt: '2026-01-15T09:00:00.000Z',
    trashedAt: null,
  });
}

/** A driver as the wizard makes one from a pack criterion. */
export const driver = (id: string, name: string, weight: number, criterion: string | null = null) => ({
  id,
  name,
  weight,
  criterion,
});
export const option = (id: string, name: string, packOption: string | null = null) => ({
  id,
  name,
  option: packOption,
});
export const claim = (
  id: string,
  driverId: string,
  optionId: string,
  effect: 'good' | 'bad' | 'neutral',
  summary: string,
  verdict: 'accepted' | 'rejected' = 'accepted',
) => ({
  id,
  driver: driverId,
  option: optionId,
  effect,
  summary,
  verdict,
  source: { id: 's1', title: 'A source' },
});
