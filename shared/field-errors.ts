/**
 * Validation a person can act on, field by field. The editor saves every field that is valid and
 * keeps the stored value for each field that is not, so one bad field (a tag over 100
 * characters) never holds back the other edits; the bad field is flagged beside itself, in words.
 */
import { DecisionContent } from './domain.js';

/** The editor's name for each top-level field, as its label says it. */
const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  status: 'Status',
  date: 'Date',
  decisionMakers: 'Decision-makers',
  consulted: 'Consulted',
  informed: 'Informed',
  tags: 'Tags',
  context: 'Context',
  drivers: 'Drivers',
  options: 'Options',
  chosenOption: 'Chosen option',
  rationale: 'Rationale',
  consequences: 'Consequences',
  confirmation: 'Confirmation',
  moreInformation: 'More information',
  links: 'Links',
};

const ITEM_NAMES: Record<string, string> = {
  tags: 'Tag',
  decisionMakers: 'Name',
  consulted: 'Name',
  informed: 'Name',
  drivers: 'Driver',
  options: 'Option',
  consequences: 'Consequence',
  links: 'Link',
};

interface Issue {
  path: readonly PropertyKey[];
  code: string;
  message: string;
  maximum?: unknown;
  minimum?: unknown;
  origin?: string;
}

function plain(issue: Issue, value: unknown): string {
  const [field, index] = issue.path;
  const key = String(field);
  const item = typeof index === 'number' ? `${ITEM_NAMES[key] ?? 'Entry'} ${index + 1}` : (FIELD_NAMES[key] ?? key);
  const length = typeof value === 'string' ? value.length : Array.isArray(value) ? value.length : null;
  if (issue.code === 'too_big' && (issue.origin === 'string' || typeof value === 'string'))
    return `${item} is too long: at most ${String(issue.maximum)} characters${length !== null ? `, it has ${length}` : ''}. Shorten it to save it.`;
  if (issue.code === 'too_big')
    return `${item} has too many entries: at most ${String(issue.maximum)}. Remove some to save it.`;
  if (issue.code === 'too_small' && key === 'title') return 'A decision needs a title. Type one to save it.';
  if (issue.code === 'too_small') return `${item} cannot be empty.`;
  if (key === 'date') return 'Give the date as a full date (day, month and year).';
  return `${item}: ${issue.message}`;
}

function at(content: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = content;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

export interface FieldCheck {
  /** Top-level field → what is wrong with it, in plain words (first problem only). */
  errors: Record<string, string>;
  /** The draft with every invalid field put back to its stored value: what can be saved now. */
  savable: DecisionContent;
}

/** Which fields of a draft cannot be saved, and the draft with only the valid fields changed. */
export function checkFields(draft: DecisionContent, stored: DecisionContent): FieldCheck {
  const parsed = DecisionContent.safeParse(draft);
  if (parsed.success) return { errors: {}, savable: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues as unknown as Issue[]) {
    const key = String(issue.path[0] ?? '');
    if (!(key in errors)) errors[key] = plain(issue, at(draft, issue.path));
  }
  const savable = { ...draft } as Record<string, unknown>;
  for (const key of Object.keys(errors)) savable[key] = (stored as Record<string, unknown>)[key];
  const again = DecisionContent.safeParse(savable);
  return { errors, savable: again.success ? again.data : stored };
}
