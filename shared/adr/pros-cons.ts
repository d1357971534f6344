/**
 * An option's pros and cons as a list the editor can change item by item.
 *
 * Policy: the option's `description` (the Markdown of its subsection under "Pros and Cons of
 * the Options", as MADR and log4brains files write it and import keeps it) stays the one place
 * they live, so an imported file, the ledger and both dialects carry them unchanged. This module
 * only reads that text as `intro` + list + `tail` and writes it back: the list is the last run of
 * bullets that each start with "Good, because" / "Neutral, because" / "Bad, because" (or
 * "Good:"), outside code fences. Writing back an unchanged reading gives the same text, so
 * editing one item changes only the list's lines.
 *
 * Citations: an item that cites claims ends in footnote references, `[^label]` with `label` the
 * claim's footnote label (`footnoteLabel` in citations.ts: the claim id itself when it is a safe
 * label). They live in the text like every other character of the list, so the ledger, revisions,
 * an import of Cairn's own file and a reorder all carry them along; a file without them is
 * untouched. Which trailing references are citations is the caller's to say (`isCitation`): a
 * file's own footnotes (`[^1]`) stay part of the item's text.
 */
import type { Effect } from '../domain.js';

export interface ProCon {
  effect: Effect;
  /** The item's text after "Good, because" (without its citations); continuation lines joined with "\n". */
  text: string;
  /** Footnote labels of the claims the item cites, in the order written; absent or empty for none. */
  cites?: string[];
}

export interface OptionDetails {
  /** Text before the list (a description, an example), as written. */
  intro: string;
  items: ProCon[];
  /** Text after the list, as written. */
  tail: string;
  /** How the list writes an item: its bullet and whether the effect is followed by ", because" or ":". */
  style: { marker: '*' | '-' | '+'; because: boolean };
}

const BULLET = /^([*+-])[ \t]+(.*)$/;
const PREFIX = /^(good|bad|neutral)(\s*,\s*because\b|\s*:)[ \t]*/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

const WORD: Record<Effect, string> = { good: 'Good', neutral: 'Neutral', bad: 'Bad' };
const TRAILING_REF = /\[\^([^\]\s]+)\]$/;

/** Splits the citations off the end of an item's text: the trailing run of `[^label]` the caller knows as claims. */
function splitCites(item: ProCon, isCitation: (label: string) => boolean): ProCon {
  let text = item.text;
  const cites: string[] = [];
  for (let m = TRAILING_REF.exec(text); m && isCitation(m[1]!); m = TRAILING_REF.exec(text)) {
    cites.unshift(m[1]!);
    text = text.slice(0, m.index);
  }
  return cites.length ? { ...item, text, cites } : item;
}

interface Run {
  start: number;
  end: number;
  items: ProCon[];
  style: OptionDetails['style'];
}

/**
 * Reads an option's description as its text around a list of pros and cons. `isCitation` says
 * which footnote labels are claims of the decision; without it no item cites anything.
 */
export function readProsCons(description: string, isCitation?: (label: string) => boolean): OptionDetails {
  const lines = description.split('\n');
  let fence: string | null = null;
  let run: Run | null = null;
  let last: Run | null = null;
  const close = () => {
    if (run && run.items.length) last = run;
    run = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      close();
      fence = f[1]!;
      continue;
    }
    const b = BULLET.exec(line);
    const p = b ? PREFIX.exec(b[2]!) : null;
    if (b && p) {
      const item = { effect: p[1]!.toLowerCase() as Effect, text: b[2]!.slice(p[0].length) };
      const style = { marker: b[1] as '*' | '-' | '+', because: /because/i.test(p[2]!) };
      if (run && run.style.marker === style.marker) {
        run.items.push(item);
        run.end = i + 1;
      } else {
        close();
        run = { start: i, end: i + 1, items: [item], style };
      }
      continue;
    }
    // An indented line right after an item continues it.
    const current = run as Run | null;
    if (current && current.end === i && /^[ \t]+\S/.test(line)) {
      const item = current.items[current.items.length - 1]!;
      item.text += '\n' + line.replace(/^[ \t]+/, '');
      current.end = i + 1;
      continue;
    }
    close();
  }
  if (!fence) close();
  const found = last as Run | null;
  if (!found) return { intro: description, items: [], tail: '', style: { marker: '*', because: true } };
  return {
    intro: lines.slice(0, found.start).join('\n').replace(/\s+$/, ''),
    items: isCitation ? found.items.map((item) => splitCites(item, isCitation)) : found.items,
    tail: lines
      .slice(found.end)
      .join('\n')
      .replace(/^\s*\n/, ''),
    style: found.style,
  };
}

/** One item as a list line: `* Good, because it is ours.[^claim]` (continuation lines indented under it). */
export function proConLine(item: ProCon, style: OptionDetails['style'] = { marker: '*', because: true }): string {
  const text = item.text.replace(/\n/g, '\n  ') + (item.cites ?? []).map((label) => `[^${label}]`).join('');
  const lead = `${style.marker} ${WORD[item.effect]}${style.because ? ', because' : ':'}`;
  return text ? `${lead} ${text}` : lead;
}

/** Writes the description back: intro, the list, tail, separated by one blank line. */
export function writeProsCons(details: OptionDetails): string {
  const list = details.items.map((item) => proConLine(item, details.style)).join('\n');
  return [details.intro.replace(/\s+$/, ''), list, details.tail].filter((part) => part.trim() !== '').join('\n\n');
}
