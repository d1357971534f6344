/**
 * Which claims an ADR cites, in what order, and the footnotes that name their sources.
 * Policy: only claims the user accepted, about an option of this decision, under a driver that
 * matters (weight above 0), and not set aside by a condition answered "no"; every cited claim gets one footnote whose id is Markdown-safe
 * and stays the same from export to export; a footnote says when its claim is outdated or
 * contradicted, and says plainly when its quote is not verified against the source's text.
 */
import type { DecisionContent, Effect, EvidenceClaim } from '../domain.js';
import { inline, safeUrl } from './markdown.js';

export const EFFECT_WORD: Record<Effect, string> = { good: 'Good', neutral: 'Neutral', bad: 'Bad' };
const EFFECT_ORDER: Record<Effect, number> = { good: 0, neutral: 1, bad: 2 };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The claims this decision rests on: accepted, about one of its options, under a driver that matters, not set aside by a condition. */
export function usableClaims(d: DecisionContent): EvidenceClaim[] {
  const options = new Set(d.options.map((o) => o.id));
  const weight = new Map(d.drivers.map((x) => [x.id, x.weight]));
  return d.evaluation.claims.filter(
    (c) =>
      c.verdict === 'accepted' &&
      options.has(c.option) &&
      weight.get(c.driver) !== 0 &&
      !(c.condition !== null && d.evaluation.conditions[c.condition] === false),
  );
}

/** The drivers the decision weighs; weight 0 means "not relevant" and leaves a driver out of the file. */
export function relevantDrivers(d: DecisionContent): DecisionContent['drivers'] {
  return d.drivers.filter((x) => x.weight > 0);
}

function driverIndex(d: DecisionContent): (id: string) => number {
  const index = new Map(d.drivers.map((x, i) => [x.id, i]));
  return (id) => index.get(id) ?? Number.MAX_SAFE_INTEGER;
}

/** Pros before neutral points before cons; then in the order of the drivers; weightier claims first. */
export function orderForOption(d: DecisionContent, claims: EvidenceClaim[]): EvidenceClaim[] {
  const di = driverIndex(d);
  return [...claims].sort(
    (a, b) =>
      EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect] ||
      di(a.driver) - di(b.driver) ||
      b.importance - a.importance ||
      compareText(a.id, b.id),
  );
}

/** The chosen option's strongest good claims: current before outdated, important before minor, weighty drivers first. */
export function strongestFor(d: DecisionContent, optionId: string, limit = 3): EvidenceClaim[] {
  const di = driverIndex(d);
  const weight = new Map(d.drivers.map((x) => [x.id, x.weight]));
  return usableClaims(d)
    .filter((c) => c.option === optionId && c.effect === 'good')
    .sort(
      (a, b) =>
        Number(a.outdated !== null) - Number(b.outdated !== null) ||
        Number(a.contradictions.length > 0) - Number(b.contradictions.length > 0) ||
        b.importance - a.importance ||
        (weight.get(b.driver) ?? 0) - (weight.get(a.driver) ?? 0) ||
        di(a.driver) - di(b.driver) ||
        compareText(a.id, b.id),
    )
    .slice(0, limit);
}

const SAFE_LABEL = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** FNV-1a: a short, stable fingerprint of a claim id for labels that cannot use the id itself. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** A footnote label for a claim id: the id itself when it is already safe, else a slug plus a fingerprint. */
export function footnoteLabel(claimId: string): string {
  if (SAFE_LABEL.test(claimId)) return claimId;
  const base = claimId
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${base || 'claim'}-${fingerprint(claimId)}`;
}

/**
 * The decision's claims by footnote label: how a pro or con's `[^label]` (shared/adr/pros-cons.ts)
 * names the claim it cites. Labels are the claim ids themselves when those are safe, so a
 * collision needs a fingerprint clash; the first claim keeps the label then.
 */
export function claimsByLabel(claims: readonly EvidenceClaim[]): Map<string, EvidenceClaim> {
  const map = new Map<string, EvidenceClaim>();
  for (const c of claims) {
    const label = footnoteLabel(c.id);
    if (!map.has(label)) map.set(label, c);
  }
  return map;
}

/** The source line of a footnote: title (linked when it has a web address), author, publisher, date. */
function sourceText(claim: EvidenceClaim): string {
  const s = claim.source;
  if (!s) return claim.own ? 'Own claim of the decision-makers, no source given' : 'No source recorded';
  const title = `*${inline(s.title, false) || 'Untitled source'}*`;
  const url = safeUrl(s.url);
  const parts = [url ? `[${title}](${url})` : title];
  if (s.author) parts.push(inline(s.author, false));
  if (s.publisher) parts.push(inline(s.publisher, false));
  parts.push(s.date ?? 'undated');
  return parts.join(', ');
}

/** What a footnote adds when its quote was not found once, where it says, in the source's stored text. */
export function verificationNote(claim: EvidenceClaim): string {
  if (!claim.anchor.trim() || claim.verification === 'verified') return '';
  switch (claim.verification) {
    case 'missing':
      return ' **Quote not found** in the source.';
    case 'ambiguous':
      return ' **Quote not verified:** found more than once.';
    case 'moved':
      return ' **Quote not verified:** under another section.';
    default:
      return ' **Quote unchecked:** no source text.';
  }
}

function locationText(claim: EvidenceClaim): string {
  const parts: string[] = [];
  if (claim.section) parts.push(`section "${inline(claim.section.replace(/[\s:]+$/, ''), false)}"`);
  if (claim.anchor) parts.push(`"${inline(claim.anchor, false)}"`);
  return parts.join(': ');
}

/** Collects the footnotes of one file in the order they are first cited. */
export class Footnotes {
  private readonly labels = new Map<string, string>();
  private readonly order: EvidenceClaim[] = [];
  private readonly taken = new Set<string>();
  private readonly byId: Map<string, EvidenceClaim>;

  constructor(allClaims: readonly EvidenceClaim[]) {
    this.byId = new Map(allClaims.map((c) => [c.id, c]));
  }

  /** The reference `[^label]` for a claim, registering its footnote on first use. */
  cite(claim: EvidenceClaim): string {
    return `[^${this.label(claim)}]`;
  }

  /** The label of a claim's footnote in this file, registering the footnote on first use. */
  label(claim: EvidenceClaim): string {
    let label = this.labels.get(claim.id);
    if (!label) {
      const base = footnoteLabel(claim.id);
      label = base;
      for (let n = 2; this.taken.has(label); n++) label = `${base}-${n}`;
      this.taken.add(label);
      this.labels.set(claim.id, label);
      this.order.push(claim);
    }
    return label;
  }

  /** References for claim ids that exist and were accepted; unknown ids are left out. */
  citeIds(ids: readonly string[]): string {
    return ids
      .map((id) => this.byId.get(id))
      .filter((c): c is EvidenceClaim => c !== undefined && c.verdict === 'accepted')
      .map((c) => this.cite(c))
      .join('');
  }

  get size(): number {
    return this.order.length;
  }

  /** The footnote definitions, one line each. */
  definitions(): string[] {
    return this.order.map((claim) => {
      let text = `[^${this.labels.get(claim.id)}]: ${sourceText(claim)}`;
      const where = locationText(claim);
      if (where) text += `, ${where}`;
      text += '.';
      text += verificationNote(claim);
      if (claim.outdated) text += ` **Outdated:** ${inline(claim.outdated, false)}`;
      for (const c of claim.contradictions) {
        const other = this.byId.get(c.claim);
        const by = other?.source
          ? ` by *${inline(other.source.title, false)}*${other.section ? `, section "${inline(other.section, false)}"` : ''}`
          : '';
        // The note itself is in the ledger and the app; the file names who disagrees and where.
        text += ` **Contradicted**${by}.`;
      }
      return text;
    });
  }
}

/** "(I/O concurrency; only for CPU-bound work; outdated)": what a bullet adds after the claim. */
export function claimQualifiers(claim: EvidenceClaim, driverName: string | undefined): string {
  const parts: string[] = [];
  if (driverName) parts.push(inline(driverName, false));
  if (claim.condition) parts.push(`condition: ${inline(claim.condition, false)}`);
  if (claim.outdated) parts.push('outdated');
  if (claim.contradictions.length) parts.push('contradicted');
  return parts.length ? ` (${parts.join('; ')})` : '';
}

// Claim summaries are written as reported speech with the source as the implied subject
// ("Says Node.js …", "Warns that …"); after "because" they read as "the source says …".
const REPORTING_VERBS = new Set(
  'admits advises argues asserts attributes calls cites claims classes concedes credits describes explains finds frames highlights likens lists mentions names notes points praises presents ranks rates recommends reports says states suggests treats warns'.split(
    ' ',
  ),
);
// Ordinary words that only carry a capital because they start the sentence; names keep theirs.
const SENTENCE_WORDS = new Set(
  'a an the it its this that these those there they their one both each every many most some several few no not for using despite running building developers teams same we our us in on with without when while if as after before unlike compared'.split(
    ' ',
  ),
);

/**
 * Text that follows "because": reported speech gets its subject ("the source says …") and an
 * ordinary first word loses its sentence capital; proper names and acronyms stay as written.
 */
export function becauseClause(text: string): string {
  const m = /^([A-Z][a-z]+)(\b.*)$/s.exec(text);
  if (!m) return text;
  const word = m[1]!.toLowerCase();
  if (REPORTING_VERBS.has(word)) return `the source ${word}${m[2]}`;
  if (SENTENCE_WORDS.has(word)) return word + m[2];
  return text;
}

/** One pro/con bullet: `* Good, because … (driver)[^id]`. */
export function claimBullet(
  claim: EvidenceClaim,
  driverName: string | undefined,
  notes: Footnotes,
  marker = '*',
): string {
  const summary = becauseClause(inline(claim.summary, false).replace(/\.$/, ''));
  return `${marker} ${EFFECT_WORD[claim.effect]}, because ${summary}${claimQualifiers(claim, driverName)}${notes.cite(claim)}`;
}
