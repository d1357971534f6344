/** Deterministic data for the benchmark: the same seed gives the same decisions, claims and files. */
import type { DecisionContentInput } from '../shared/domain.js';
import type { Pack } from '../shared/pack.js';

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

const DOMAIN_WORDS = (
  'service gateway latency throughput queue event stream cache database replica shard index schema migration ' +
  'runtime thread worker async blocking python node java golang postgres kafka redis search billing orders ' +
  'payments identity auth token session audit logging metrics tracing deploy container kubernetes cloud region ' +
  'budget team hiring skills ecosystem library framework testing typing compiler memory cpu network storage ' +
  'backup recovery failover consistency availability partition contract api versioning frontend mobile report'
).split(' ');
const FILLER = 'the of and to in is for that with on as it be by this are or an at from which can more'.split(' ');
const SYLLABLES = 'ka lo mi ne su ra te vo pi da fe gu ho ji ku ma no pe ri sa ti vu we xo ya zu'.split(' ');

/**
 * Words ranked by frequency, as in real prose: a few filler words, then domain words, then a
 * long tail of rarer words. Sampling follows Zipf's law, so a query matches a realistic share
 * of documents rather than nearly all of them.
 */
export const VOCABULARY: readonly string[] = (() => {
  const tail: string[] = [];
  for (const a of SYLLABLES) for (const b of SYLLABLES) for (const c of SYLLABLES.slice(0, 8)) tail.push(a + b + c);
  return [...FILLER, ...DOMAIN_WORDS, ...tail];
})();

const ZIPF_CUMULATIVE: Float64Array = (() => {
  const c = new Float64Array(VOCABULARY.length);
  let sum = 0;
  for (let i = 0; i < c.length; i++) c[i] = sum += 1 / Math.pow(i + 1, 1.05);
  for (let i = 0; i < c.length; i++) c[i]! /= sum;
  return c;
})();

export function zipfWord(r: ReturnType<typeof rng>): string {
  const x = r.next();
  let lo = 0;
  let hi = ZIPF_CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF_CUMULATIVE[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

/** A search a person might type: one or two content words (past the filler), by frequency. */
export function queryWords(r: ReturnType<typeof rng>): string {
  const word = () => {
    for (;;) {
      const w = zipfWord(r);
      if (!FILLER.includes(w)) return w;
    }
  };
  return r.next() < 0.6 ? word() : `${word()} ${word()}`;
}

export function sentence(r: ReturnType<typeof rng>, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(zipfWord(r));
  const s = out.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

const STATUSES = ['proposed', 'accepted', 'accepted', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

export function decisionContent(r: ReturnType<typeof rng>, i: number): DecisionContentInput {
  const year = 2016 + (i % 10);
  const options = [0, 1, 2].map((k) => ({
    id: `o${k}`,
    name: r.pick(DOMAIN_WORDS) + ' ' + r.pick(DOMAIN_WORDS),
    description: sentence(r, 12),
    option: null,
  }));
  return {
    title: `${sentence(r, 5).slice(0, -1)} (${i})`,
    status: r.pick(STATUSES),
    date: `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    decisionMakers: [r.pick(['Ada', 'Grace', 'Linus', 'Barbara', 'Ken'])],
    tags: [r.pick(DOMAIN_WORDS), r.pick(DOMAIN_WORDS)],
    context: Array.from({ length: 4 }, () => sentence(r, 18)).join(' '),
    drivers: [0, 1, 2, 3].map((k) => ({
      id: `d${k}`,
      name: sentence(r, 3).slice(0, -1),
      weight: r.int(0, 5),
      description: '',
      question: '',
      criterion: null,
    })),
    options,
    chosenOption: 'o0',
    rationale: sentence(r, 25),
    consequences: [
      { effect: 'good', text: sentence(r, 10), claims: [] },
      { effect: 'bad', text: sentence(r, 10), claims: [] },
    ],
  };
}

/** A synthetic knowledge pack of `claims` claims (the schema allows 20,000 per pack). */
export function syntheticPack(r: ReturnType<typeof rng>, id: string, claims: number): Pack {
  const options = [0, 1, 2].map((k) => ({ id: `opt${k}`, name: `Option ${k}`, description: '' }));
  const criteria = Array.from({ length: 15 }, (_, k) => ({
    id: `crit${k}`,
    name: `Criterion ${k} ${r.pick(DOMAIN_WORDS)}`,
    description: sentence(r, 8),
    question: sentence(r, 8),
  }));
  const sources = Array.from({ length: 40 }, (_, k) => ({
    id: `src${k}`,
    title: `${sentence(r, 6)} ${k}`,
    publisher: 'Bench Press',
    author: null,
    date: '2024-01-01',
    kind: 'engineering-blog' as const,
    url: null,
    file: null,
  }));
  return {
    format: 'cairn-pack/1',
    id,
    version: 1,
    title: `Synthetic pack ${id}`,
    question: 'Which option?',
    options,
    criteria,
    sources,
    claims: Array.from({ length: claims }, (_, k) => ({
      id: `c${k}`,
      source: r.pick(sources).id,
      criterion: r.pick(criteria).id,
      option: r.pick(options).id,
      effect: r.pick(['good', 'bad', 'neutral'] as const),
      condition: null,
      summary: sentence(r, 16),
      section: sentence(r, 3),
      anchor: sentence(r, 6),
      importance: r.int(1, 3),
    })),
    contradictions: [],
    outdated: [],
  };
}
