/**
 * A readable diff between two revisions of a decision: one entry per field that changed, named
 * the way the editor names it ("Driver “Real-time”: weight"), long texts with a word-level diff.
 * Pure; list items are matched by their ids so a reordered list is not reported as rewritten.
 */
import { z } from 'zod';
import type { DecisionContent } from './domain.js';

export const Segment = z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() });
export type Segment = z.infer<typeof Segment>;

export const FieldChange = z.object({
  /** Where the change is: "title", "drivers.d2.weight", "evaluation.claims.c7.verdict" … */
  field: z.string(),
  label: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** Word-level diff of before → after, for texts longer than a few words. */
  segments: z.array(Segment).nullable(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/** Beyond this many word pairs the diff falls back to "replaced" instead of aligning words. */
const MAX_DIFF_CELLS = 2_000_000;

/** Words, runs of spaces and single punctuation marks, so "team" → "team," shows only the comma added. */
function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-]/gu) ?? [];
}

function push(out: Segment[], op: Segment['op'], text: string): void {
  if (!text) return;
  const last = out.at(-1);
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** Word-level diff: longest common subsequence of words, after trimming the common ends. */
export function diffWords(before: string, after: string): Segment[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: Segment[] = [];
  push(out, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_DIFF_CELLS) {
    push(out, 'del', midA.join(''));
    push(out, 'add', midB.join(''));
  } else if (n && m) {
    // lcs[i][j]: length of the LCS of midA[i..] and midB[j..], in one flat array.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          midA[i] === midB[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push(out, 'same', midA[i++]!);
        j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) push(out, 'del', midA[i++]!);
      else push(out, 'add', midB[j++]!);
    }
    push(out, 'del', midA.slice(i).join(''));
    push(out, 'add', midB.slice(j).join(''));
  } else {
    push(out, 'del', midA.join(''));
    push(out, 'add', midB.join(''));
  }
  push(out, 'same', a.slice(endA).join(''));
  return groupChanges(out);
}

/**
 * "are batch jobs" → "run at night" aligns on the spaces alone and reads as six scraps; a
 * stretch of changes held together only by spaces is shown as one removal and one addition.
 */
function groupChanges(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  let del = '';
  let add = '';
  const flush = () => {
    push(out, 'del', del);
    push(out, 'add', add);
    del = '';
    add = '';
  };
  segments.forEach((seg, i) => {
    const between =
      i > 0 && i < segments.length - 1 && segments[i - 1]!.op !== 'same' && segments[i + 1]!.op !== 'same';
    if (seg.op === 'del') del += seg.text;
    else if (seg.op === 'add') add += seg.text;
    else if (between && /^\s+$/.test(seg.text) && (del || add)) {
      del += seg.text;
      add += seg.text;
    } else {
      flush();
      push(out, 'same', seg.text);
    }
  });
  flush();
  return out;
}

const TEXT_FIELDS: [keyof DecisionContent, string][] = [
  ['title', 'Title'],
  ['status', 'Status'],
  ['statusText', 'Status as written in the file'],
  ['date', 'Date'],
  ['context', 'Context and problem statement'],
  ['rationale', 'Rationale'],
  ['confirmation', 'Confirmation'],
  ['moreInformation', 'More information'],
];

const LIST_FIELDS: [keyof DecisionContent, string][] = [
  ['decisionMakers', 'Decision-makers'],
  ['consulted', 'Consulted'],
  ['informed', 'Informed'],
  ['tags', 'Tags'],
];

/** Texts of a few words read better as "before → after" than as a word diff. */
const isLong = (s: string) => s.length > 60 || s.includes('\n');

function text(field: string, label: string, before: string, after: string): FieldChange | null {
  if (before === after) return null;
  const kind = before === '' ? 'added' : after === '' ? 'removed' : 'changed';
  return {
    field,
    label,
    kind,
    before: before === '' ? null : before,
    after: after === '' ? null : after,
    segments: kind === 'changed' && (isLong(before) || isLong(after)) ? diffWords(before, after) : null,
  };
}

/** Matches items of two lists by key and reports added, removed and per-attribute changes. */
function keyed<T>(
  out: FieldChange[],
  field: string,
  before: T[],
  after: T[],
  key: (t: T) => string,
  describe: (t: T) => string,
  noun: string,
  attributes: [string, string, (t: T) => string][],
): void {
  const old = new Map(before.map((t) => [key(t), t]));
  const now = new Map(after.map((t) => [key(t), t]));
  for (const [k, t] of old) {
    if (!now.has(k))
      out.push({
        field: `${field}.${k}`,
        label: `${noun} removed`,
        kind: 'removed',
        before: describe(t),
        after: null,
        segments: null,
      });
  }
  for (const [k, t] of now) {
    const was = old.get(k);
    if (!was) {
      out.push({
        field: `${field}.${k}`,
        label: `${noun} added`,
        kind: 'added',
        before: null,
        after: describe(t),
        segments: null,
      });
      continue;
    }
    for (const [attr, name, read] of attributes) {
      const change = text(
        `${field}.${k}.${attr}`,
        `${noun} “${describeShort(describe(t))}”: ${name}`,
        read(was),
        read(t),
      );
      if (change) out.push(change);
    }
  }
}

function describeShort(s: string): string {
  return s.length > 50 ? `${s.slice(0, 49)}…` : s;
}

/** Every field that differs between two contents of one decision, in the editor's order. */
export function diffContent(a: DecisionContent, b: DecisionContent): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [key, label] of TEXT_FIELDS) {
    const change = text(key, label, String(a[key]), String(b[key]));
    if (change) out.push(change);
  }
  for (const [key, label] of LIST_FIELDS) {
    const change = text(key, label, (a[key] as string[]).join(', '), (b[key] as string[]).join(', '));
    if (change) out.push(change);
  }

  keyed(
    out,
    'drivers',
    a.drivers,
    b.drivers,
    (d) => d.id,
    (d) => d.name,
    'Driver',
    [
      ['name', 'name', (d) => d.name],
      ['weight', 'weight', (d) => String(d.weight)],
      ['description', 'description', (d) => d.description],
      ['question', 'question', (d) => d.question],
    ],
  );
  keyed(
    out,
    'options',
    a.options,
    b.options,
    (o) => o.id,
    (o) => o.name,
    'Option',
    [
      ['name', 'name', (o) => o.name],
      ['description', 'description', (o) => o.description],
    ],
  );

  const optionName = (c: DecisionContent, id: string | null) =>
    id === null ? '' : (c.options.find((o) => o.id === id)?.name ?? id);
  const chosen = text('chosenOption', 'Chosen option', optionName(a, a.chosenOption), optionName(b, b.chosenOption));
  if (chosen) out.push(chosen);

  const consequence = (c: DecisionContent['consequences'][number]) => `${c.effect}: ${c.text}`;
  keyed(out, 'consequences', a.consequences, b.consequences, consequence, consequence, 'Consequence', []);

  const pack = text('evaluation.pack', 'Knowledge pack', a.evaluation.pack ?? '', b.evaluation.pack ?? '');
  if (pack) out.push(pack);
  const answer = (v: boolean | null | undefined) =>
    v === true ? 'yes' : v === false ? 'no' : v === null ? 'not answered' : '';
  for (const cond of new Set([...Object.keys(a.evaluation.conditions), ...Object.keys(b.evaluation.conditions)])) {
    const change = text(
      `evaluation.conditions.${cond}`,
      `Condition “${cond}”`,
      answer(a.evaluation.conditions[cond]),
      answer(b.evaluation.conditions[cond]),
    );
    if (change) out.push(change);
  }
  keyed(
    out,
    'evaluation.claims',
    a.evaluation.claims,
    b.evaluation.claims,
    (c) => c.id,
    (c) => c.summary,
    'Claim',
    [
      ['verdict', 'verdict', (c) => c.verdict],
      ['summary', 'summary', (c) => c.summary],
      ['effect', 'effect', (c) => c.effect],
    ],
  );
  const driverName = (c: DecisionContent, id: string) => c.drivers.find((d) => d.id === id)?.name ?? id;
  const scoreKey = (s: DecisionContent['evaluation']['scores'][number]) => `${s.option}/${s.driver}`;
  const oldScores = new Map(a.evaluation.scores.map((s) => [scoreKey(s), s]));
  const newScores = new Map(b.evaluation.scores.map((s) => [scoreKey(s), s]));
  for (const k of new Set([...oldScores.keys(), ...newScores.keys()])) {
    const s = (newScores.get(k) ?? oldScores.get(k))!;
    const label = `Score of ${optionName(b, s.option) || optionName(a, s.option)} for ${driverName(b, s.driver)}`;
    const change = text(
      `evaluation.scores.${k}`,
      label,
      String(oldScores.get(k)?.value ?? ''),
      String(newScores.get(k)?.value ?? ''),
    );
    if (change) out.push(change);
  }

  const relation = (r: DecisionContent['relations'][number]) => `${r.type} ${r.target}`;
  keyed(out, 'relations', a.relations, b.relations, relation, relation, 'Relation', []);
  // Decisions saved before links were held have none.
  const link = (l: DecisionContent['links'][number]) => (l.title ? `${l.title} <${l.url}>` : l.url);
  keyed(out, 'links', a.links ?? [], b.links ?? [], link, link, 'Link', []);

  return out;
}
