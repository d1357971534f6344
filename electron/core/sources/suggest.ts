/**
 * Suggested claims: passages of a source that say something about an option under a criterion.
 * Offline and explainable, no model downloaded: compromise splits sentences and tags negation,
 * comparatives and adjectives; the rest is counting.
 *
 * A sentence is a candidate for an option when it names the option (its name, the name without
 * punctuation or a trailing "JS", its first word), or, naming none, when its heading or the
 * sentence before it in the same paragraph does. Its score for a criterion is how strongly it
 * shares the criterion's words (name, description, guiding question; rarer words in this
 * document weigh more; words in the heading count too), times how evaluative it reads
 * (comparatives, superlatives, judging words, numbers). The effect is guessed from judging
 * words, flipped by a negation. The anchor is the window of at most 12 words of the sentence
 * that holds the most of those words and occurs exactly once in the text.
 */
import { CairnError } from '../../../shared/api/define.js';
import type { Suggestion } from '../../../shared/api/sources.js';
import type { Effect } from '../../../shared/domain.js';
import type { PackCriterion, PackOption } from '../../../shared/pack.js';
import {
  headingsAt,
  matchAnchor,
  MAX_ANCHOR_WORDS,
  prepareText,
  type PreparedText,
  type Section,
} from '../../../shared/verification.js';
import type { CoreContext } from '../context.js';
import type { PackStore } from '../knowledge/packs.js';

const STOP = new Set(
  'a an the and or but of to in on for with by at from as is are was were be been being it its this that these those such how what which who whom when where why do does did done can could will would should may might must than then there their they them we our you your i he she his her not no nor so if into onto over under about across more most less least very much many some any each every other own same both either neither e g eg etc vs versus one two use used using also just only like per via well'.split(
    ' ',
  ),
);

const GOOD = new Set(
  'fast faster fastest quick quicker easy easier easiest simple simpler simplest efficient efficiently scalable scales scale robust reliable stable mature powerful strong stronger best better great excellent ideal suitable suited perfect popular large larger largest rich richer extensive vast huge flexible lightweight productive productivity readable clean clear secure safe supports support benefit benefits advantage advantages excels excel shines handles handle thrives win wins gain gains boost boosts improves improve improved high higher good preferred favourite favorite proven widely concise elegant friendly smooth seamless seamlessly growing grow active vibrant'.split(
    ' ',
  ),
);
const BAD = new Set(
  'slow slower slowest hard harder hardest difficult complex complicated verbose inefficient poor poorer weak weaker worse worst limited limit limits limitation limitations lack lacks lacking problem problems issue issues bottleneck bottlenecks blocking blocks block struggle struggles struggling drawback drawbacks disadvantage disadvantages downside downsides risk risks error errors bug bugs crash crashes fail fails failure pain painful costly expensive heavy overhead immature unstable inconsistent cannot unsuitable challenging challenge challenges hell callback confusing fragmented small smaller fewer low lower'.split(
    ' ',
  ),
);

/** Crude stemming, enough to let "scaling", "scales" and "scalability" meet. */
function stem(word: string): string {
  let w = word.toLowerCase();
  for (const suffix of [
    'ability',
    'ibility',
    'ations',
    'ation',
    'ments',
    'ment',
    'ness',
    'ings',
    'ing',
    'ies',
    'ied',
    'ers',
    'er',
    'ed',
    'es',
    'ly',
    's',
  ]) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.+#-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu;
function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase().replace(/[’]/g, "'"));
}
const compact = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}+#]/gu, '');

/** The ways a document may name an option: "Node.js" → nodejs, node; "Python 3" → python3, python. */
export function optionVariants(option: PackOption): Set<string> {
  const variants = new Set<string>();
  const name = option.name;
  variants.add(compact(name));
  const first = words(name)[0];
  if (first) {
    const f = compact(first.replace(/\.js$/, ''));
    if (f.length >= 3) variants.add(f);
  }
  const noJs = compact(name).replace(/js$/, '');
  if (noJs.length >= 3) variants.add(noJs);
  variants.add(compact(option.id));
  return variants;
}

function namesOption(tokens: string[], variants: Set<string>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = compact(tokens[i]!);
    if (variants.has(t) || variants.has(t.replace(/js$/, ''))) return true;
    if (i + 1 < tokens.length && variants.has(t + compact(tokens[i + 1]!))) return true;
  }
  return false;
}

interface Sentence {
  text: string;
  start: number;
  paragraph: number;
  tokens: string[];
  stems: Set<string>;
  heading: string;
  headingStems: Set<string>;
  evaluative: number;
  polarity: number;
}

type Nlp = (text: string) => {
  sentences(): { json(o: { offset: boolean }): { text: string; offset: { start: number; length: number } }[] };
  match(tag: string): { found: boolean; length: number; out(kind: 'array'): string[] };
  has(tag: string): boolean;
};

async function loadNlp(): Promise<Nlp> {
  const mod = (await import('compromise')) as unknown as { default: Nlp };
  return mod.default;
}

/** The sentences of a text with their offsets, headings and how evaluative each reads. */
export async function sentencesOf(text: string, sections: readonly Section[]): Promise<Sentence[]> {
  const nlp = await loadNlp();
  const out: Sentence[] = [];
  const headingStarts = new Set(sections.map((s) => s.start));
  let offset = 0;
  let paragraph = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim() || headingStarts.has(lineStart + line.indexOf(line.trim()))) {
      paragraph++;
      continue;
    }
    for (const s of nlp(line).sentences().json({ offset: true })) {
      const sentence = line.slice(s.offset.start, s.offset.start + s.offset.length).trim();
      if (sentence.split(/\s+/).length < 4) continue;
      const start = lineStart + line.indexOf(sentence, s.offset.start);
      const tokens = words(sentence);
      const heading = headingsAt(sections, start)[0]?.heading ?? '';
      const doc = nlp(sentence);
      const comparatives = doc.match('(#Comparative|#Superlative)').length;
      const judging = tokens.filter((t) => GOOD.has(t) || BAD.has(t)).length;
      const numbers = /\d/.test(sentence) ? 1 : 0;
      // A comparative judges more plainly than a plain adjective ("slower" outweighs "supports").
      const weight = (t: string) => (/(er|est)$/.test(t) ? 2 : 1);
      let polarity = tokens.reduce((n, t) => n + (GOOD.has(t) ? weight(t) : BAD.has(t) ? -weight(t) : 0), 0);
      if (doc.has('#Negative')) polarity = -polarity;
      out.push({
        text: sentence,
        start,
        paragraph,
        tokens,
        stems: new Set(tokens.filter((t) => !STOP.has(t)).map(stem)),
        heading,
        headingStems: new Set(
          words(heading)
            .filter((t) => !STOP.has(t))
            .map(stem),
        ),
        evaluative: 1 + 0.5 * Math.min(comparatives, 2) + 0.3 * Math.min(judging, 3) + 0.2 * numbers,
        polarity,
      });
    }
    paragraph++;
  }
  return out;
}

function criterionStems(c: PackCriterion): Map<string, number> {
  // The name says most; the description and question add context words at lower weight.
  const weights = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const t of words(text)) {
      if (STOP.has(t) || t.length < 3) continue;
      const s = stem(t);
      weights.set(s, Math.max(weights.get(s) ?? 0, w));
    }
  };
  add(c.question, 0.5);
  add(c.description, 0.7);
  add(c.name, 1);
  return weights;
}

/** The window of at most 12 words that holds the most criterion words and occurs once in the text. */
function anchorFor(
  sentence: Sentence,
  keys: Map<string, number>,
  variants: Set<string>,
  text: PreparedText,
): string | null {
  const parts = sentence.text.split(/\s+/).filter(Boolean);
  if (parts.length <= MAX_ANCHOR_WORDS) {
    const whole = parts.join(' ');
    if (matchAnchor(text, whole, '').count === 1) return whole;
  }
  const value = (w: string) => {
    const t = w.toLowerCase().replace(/[^\p{L}\p{N}+#.]/gu, '');
    return (keys.get(stem(t)) ?? 0) + (variants.has(compact(t)) ? 0.5 : 0) + (GOOD.has(t) || BAD.has(t) ? 0.3 : 0);
  };
  const windows: { from: number; score: number }[] = [];
  const size = Math.min(MAX_ANCHOR_WORDS, parts.length);
  for (let from = 0; from + size <= parts.length; from++) {
    let score = 0;
    for (let k = from; k < from + size; k++) score += value(parts[k]!);
    windows.push({ from, score });
  }
  windows.sort((a, b) => b.score - a.score || a.from - b.from);
  for (const w of windows.slice(0, 6)) {
    const anchor = parts
      .slice(w.from, w.from + size)
      .join(' ')
      .replace(/^[^\p{L}\p{N}“"']+|[,;:]+$/gu, '');
    if (anchor && matchAnchor(text, anchor, '').count === 1) return anchor;
  }
  return null;
}

export interface RankedSuggestion extends Suggestion {
  end: number;
}

/** Every suggestion for one text, best first (no limit, no dismissals): the engine itself. */
export async function rankSuggestions(
  sourceId: string,
  stored: { text: string; sections: Section[] },
  options: readonly PackOption[],
  criteria: readonly PackCriterion[],
): Promise<RankedSuggestion[]> {
  const sentences = await sentencesOf(stored.text, stored.sections);
  if (!sentences.length) return [];
  const prepared = prepareText(stored);
  // Rarer words in this document weigh more (inverse document frequency over its sentences).
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.stems) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + sentences.length / (1 + (df.get(t) ?? 0)));
  const variants = options.map((o) => ({ option: o, variants: optionVariants(o) }));
  const keys = criteria.map((c) => ({ criterion: c, stems: criterionStems(c) }));
  const out: RankedSuggestion[] = [];
  let previous: { paragraph: number; options: PackOption[] } = { paragraph: -1, options: [] };
  for (const s of sentences) {
    let named = variants.filter((v) => namesOption(s.tokens, v.variants)).map((v) => v.option);
    let inherited = false;
    if (!named.length) {
      const fromHeading = variants.filter((v) => namesOption(words(s.heading), v.variants)).map((v) => v.option);
      named = fromHeading.length ? fromHeading : previous.paragraph === s.paragraph ? previous.options : [];
      inherited = true;
    }
    previous = {
      paragraph: s.paragraph,
      options: inherited && previous.paragraph === s.paragraph ? previous.options : named,
    };
    if (!named.length) continue;
    for (const { criterion, stems } of keys) {
      let relevance = 0;
      for (const [t, w] of stems) {
        if (s.stems.has(t)) relevance += w * idf(t);
        else if (s.headingStems.has(t)) relevance += 0.6 * w * idf(t);
      }
      if (relevance <= 0) continue;
      const spread = named.length > 1 ? 0.85 : 1;
      const score = relevance * s.evaluative * spread * (inherited ? 0.8 : 1);
      for (const option of named) {
        const optionVariantsSet = variants.find((v) => v.option === option)!.variants;
        const anchor = anchorFor(s, stems, optionVariantsSet, prepared);
        if (!anchor) continue;
        const effect: Effect = s.polarity > 0 ? 'good' : s.polarity < 0 ? 'bad' : 'neutral';
        out.push({
          source: sourceId,
          option: option.id,
          criterion: criterion.id,
          effect,
          anchor,
          section: s.heading,
          score: Math.round(score * 1000) / 1000,
          sentence: s.text,
          start: s.start,
          end: s.start + s.text.length,
        });
      }
    }
  }
  return out.sort(
    (a, b) =>
      b.score - a.score ||
      a.start - b.start ||
      a.option.localeCompare(b.option) ||
      a.criterion.localeCompare(b.criterion),
  );
}

export function createSuggestions(ctx: CoreContext, packs: PackStore) {
  const { db, platform } = ctx;

  function dismissedOf(pack: string, source: string): Set<string> {
    return new Set(
      db
        .prepare<[string, string], { start: number; option: string; criterion: string }>(
          'SELECT start, option, criterion FROM suggestion_dismissals WHERE pack = ? AND source = ?',
        )
        .all(pack, source)
        .map((r) => `${r.start}|${r.option}|${r.criterion}`),
    );
  }

  async function suggest(
    pack: string,
    source: string,
    o: { limit: number; includeDismissed: boolean },
  ): Promise<Suggestion[]> {
    const view = packs.view(pack);
    if (!view.sources.some((s) => s.id === source))
      throw new CairnError('not_found', `Pack "${pack}" has no source "${source}".`);
    const stored = packs.texts.latest(pack, source);
    if (!stored)
      throw new CairnError(
        'not_found',
        `Cairn has no text of source "${source}" to suggest from; add the document first (\`cairn knowledge add-source ${pack} FILE --source ${source}\`).`,
      );
    const ranked = await rankSuggestions(source, stored, view.options, view.criteria);
    const dismissed = o.includeDismissed ? new Set<string>() : dismissedOf(pack, source);
    // A passage already made into a claim (same option and criterion) is not suggested again.
    const claimed = view.claims.filter((c) => c.source === source && c.verification.start !== null);
    return ranked
      .filter((s) => !dismissed.has(`${s.start}|${s.option}|${s.criterion}`))
      .filter(
        (s) =>
          !claimed.some(
            (c) =>
              c.option === s.option &&
              c.criterion === s.criterion &&
              c.verification.start! >= s.start &&
              c.verification.start! < s.end,
          ),
      )
      .slice(0, o.limit)
      .map(({ end: _end, ...s }) => s);
  }

  function dismiss(input: { pack: string; source: string; start: number; option: string; criterion: string }): {
    dismissed: number;
  } {
    packs.base(input.pack);
    db.prepare(
      'INSERT OR IGNORE INTO suggestion_dismissals (pack, source, start, option, criterion, dismissed_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(input.pack, input.source, input.start, input.option, input.criterion, platform.now().toISOString());
    const n = db
      .prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM suggestion_dismissals WHERE pack = ? AND source = ?',
      )
      .get(input.pack, input.source)!.n;
    return { dismissed: n };
  }

  /**
   * Recall and precision against the pack's own claims: per source with text, suggestions made
   * with only the pack's options and criteria; a claim is found when its anchor's sentence is
   * among the top N suggestions of its criterion × option for that source.
   */
  async function evaluate(pack: string, top: number) {
    const view = packs.view(pack);
    let claims = 0;
    let found = 0;
    let claims3 = 0;
    let found3 = 0;
    let suggested = 0;
    let hits = 0;
    let sources = 0;
    for (const source of view.sources) {
      const stored = packs.texts.latest(pack, source.id);
      if (!stored) continue;
      sources++;
      const ranked = await rankSuggestions(source.id, stored, view.options, view.criteria);
      const groups = new Map<string, RankedSuggestion[]>();
      for (const s of ranked) {
        const key = `${s.criterion}|${s.option}`;
        const g = groups.get(key) ?? [];
        if (g.length < top) groups.set(key, [...g, s]);
      }
      const located = view.claims.filter((c) => c.source === source.id && c.verification.start !== null);
      for (const c of located) {
        const group = groups.get(`${c.criterion}|${c.option}`) ?? [];
        const ok = group.some((s) => c.verification.start! >= s.start && c.verification.start! < s.end);
        claims++;
        if (ok) found++;
        if (c.importance === 3) {
          claims3++;
          if (ok) found3++;
        }
      }
      for (const group of groups.values()) {
        for (const s of group) {
          suggested++;
          if (
            located.some(
              (c) =>
                c.criterion === s.criterion &&
                c.option === s.option &&
                c.verification.start! >= s.start &&
                c.verification.start! < s.end,
            )
          )
            hits++;
        }
      }
    }
    if (!sources)
      throw new CairnError(
        'not_found',
        `No source of pack "${pack}" has stored text; store them first (\`cairn knowledge verify ${pack} --sources DIR\`).`,
      );
    const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 0);
    return {
      top,
      claims,
      found,
      recall: ratio(found, claims),
      claims3,
      found3,
      recall3: ratio(found3, claims3),
      suggested,
      hits,
      precision: ratio(hits, suggested),
      sources,
    };
  }

  return { suggest, dismiss, evaluate };
}
