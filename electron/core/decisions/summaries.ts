/**
 * The list's rows as summaries. SQLite hands each row over as one JSON array (`SUMMARY_ROW`, in
 * `Cells` order): the driver's cost is per value handed over, and one string per row costs a
 * fraction of sixteen values.
 *
 * A row whose text was read before gives back the summary made from that text, frozen: the text
 * holds every field, so an equal text is an equal summary, and a save, a new number, the trash, a
 * renamed repository each change the text and make a new one. The list is asked again after every
 * save and with every filter picked, and almost all of its rows are then ones read before; parsing
 * them again was half of a full list's time (10,000 rows) and most of its garbage.
 */
import type { DecisionSummary, Status } from '../../../shared/domain.js';

/**
 * One list row over `decisions d`. The tags and decision-makers are spliced in as stored
 * (JSON.stringify's text, written by the store's `columns`) rather than re-read by SQLite's json(),
 * which cost about a quarter of the query; a malformed one fails JSON.parse as it failed json().
 * The last scalar is a string, so rtrim takes off only the array's closing bracket.
 */
export const SUMMARY_ROW = `rtrim(json_array(d.id, d.number, d.title, d.status, d.date, d.pack, d.chosen_option, d.revision,
  d.updated_at, d.trashed_at, d.review_by, (SELECT p.name FROM repositories p WHERE p.id = d.repository), d.repo_path,
  d.date_source), ']') || ',' || d.tags || ',' || d.decision_makers || ']'`;

type Cells = [
  id: string,
  number: number | null,
  title: string,
  status: Status,
  date: string,
  pack: string | null,
  chosen: string | null,
  revision: number,
  updatedAt: string,
  trashedAt: string | null,
  reviewBy: string | null,
  repository: string | null,
  path: string | null,
  dateSource: 'written' | 'git',
  tags: string[],
  makers: string[],
];

function summaryOf(row: string): DecisionSummary {
  const [
    id,
    number,
    title,
    status,
    date,
    pack,
    chosen,
    revision,
    updatedAt,
    trashedAt,
    reviewBy,
    repository,
    path,
    dateSource,
    tags,
    makers,
  ] = JSON.parse(row) as Cells;
  return Object.freeze({
    id,
    number,
    title,
    status,
    date,
    dateSource,
    tags: Object.freeze(tags) as string[],
    decisionMakers: Object.freeze(makers) as string[],
    pack,
    chosenOption: chosen,
    reviewBy,
    revision,
    updatedAt,
    trashedAt,
    repository,
    path,
  });
}

/**
 * Reads rows of `SUMMARY_ROW` into summaries, keeping those it made by their text. Two
 * generations of at most `limit` each: a summary not asked for while a whole generation filled is
 * let go, so what is kept follows the rows lists show, not every text ever read.
 */
export function summaryReader(limit = 20_000): (rows: (string | null)[]) => DecisionSummary[] {
  let current = new Map<string, DecisionSummary>();
  let previous = new Map<string, DecisionSummary>();
  return (rows) => {
    const items = new Array<DecisionSummary>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      let summary = current.get(row);
      if (summary === undefined) {
        summary = previous.get(row) ?? summaryOf(row);
        if (current.size >= limit) {
          previous = current;
          current = new Map();
        }
        current.set(row, summary);
      }
      items[i] = summary;
      // Each row's text let go once read: a collection in the middle of a long list would
      // otherwise copy every one still waiting.
      rows[i] = null;
    }
    return items;
  };
}
