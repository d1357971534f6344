/**
 * The benchmark's operations. Each builds its own data in a temporary folder, measures Cairn
 * through the same API the hosts use, then measures the bare engine on the same data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core/core.js';
import { toFtsQuery } from '../electron/core/fts.js';
import { decisionContent, queryWords, rng, syntheticPack } from './data.js';
import { peakMb, quantile, time, timeAsync } from './measure.js';

export interface OpResult {
  op: string;
  n: number;
  median_ms: number;
  p95_ms: number;
  per_second: number;
  peak_mb: number;
  engine_per_second: number;
  ratio: number;
  target: string;
  met: boolean;
}

interface Measured {
  n: number;
  samples: number[];
  /** Items per sample: a batch operation handles n items per sample, a query operation one. */
  unitsPerSample: number;
  engineSamples: number[];
  engineUnitsPerSample: number;
  target: string;
  met: (r: Omit<OpResult, 'met' | 'target'>) => boolean;
}

function finish(op: string, m: Measured): OpResult {
  const median = quantile(m.samples, 0.5);
  const perSecond = (m.unitsPerSample * 1000) / median;
  const enginePerSecond = (m.engineUnitsPerSample * 1000) / quantile(m.engineSamples, 0.5);
  const base = {
    op,
    n: m.n,
    median_ms: median,
    p95_ms: quantile(m.samples, 0.95),
    per_second: perSecond,
    peak_mb: peakMb(),
    engine_per_second: enginePerSecond,
    ratio: enginePerSecond / perSecond,
  };
  return { ...base, target: m.target, met: m.met(base) };
}

function workDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-'));
}

/** A store with `n` decisions made through the API's store, for list and search. */
async function seededCore(dir: string, decisions: number, claims: number): Promise<Core> {
  const core = createCore({ dbPath: path.join(dir, 'bench.db'), knowledgeDir: path.join(dir, 'no-packs') });
  const r = rng(42);
  const create = core.handlers.createDecision;
  core.db.transaction(() => {
    for (let i = 0; i < decisions; i++) void create({ content: decisionContent(r, i) as never });
  })();
  for (let p = 0; claims > 0; p++) {
    const count = Math.min(20_000, claims);
    await core.invoke('importPack', { pack: syntheticPack(r, `bench-${p}`, count) });
    claims -= count;
  }
  return core;
}

const queries = (count: number) => {
  const r = rng(7);
  return Array.from({ length: count }, () => queryWords(r));
};

export const OPS = {
  search: {
    async run(): Promise<OpResult> {
      const dir = workDir();
      const core = await seededCore(dir, 10_000, 100_000);
      const qs = queries(200);
      const samples: number[] = [];
      for (const q of qs) samples.push(await timeAsync(() => core.invoke('search', { query: q, limit: 50 })));
      // The same work without Cairn: the top 50 hits, ranked, with the text to show for each.
      const bare = core.db.prepare('SELECT rowid, title, body, bm25(search_fts, 5, 1) AS r FROM search_fts WHERE search_fts MATCH ? ORDER BY r LIMIT 50');
      const engine = qs.map((q) => time(() => bare.all(toFtsQuery(q))));
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
      return finish('search', {
        n: qs.length,
        samples,
        unitsPerSample: 1,
        engineSamples: engine,
        engineUnitsPerSample: 1,
        target: 'p95 ≤ 25 ms, ≤ 1.5× bare FTS5',
        met: (r) => r.p95_ms <= 25 && r.ratio <= 1.5,
      });
    },
  },
  list: {
    async run(): Promise<OpResult> {
      const dir = workDir();
      const core = await seededCore(dir, 10_000, 0);
      const filters = [{}, { status: 'accepted' as const }, { tag: 'cache' }, { from: '2020-01-01', to: '2022-12-31' }, { decisionMaker: 'Ada' }];
      const samples: number[] = [];
      for (let i = 0; i < 40; i++) samples.push(await timeAsync(() => core.invoke('listDecisions', { ...filters[i % filters.length], sort: 'number', limit: 100_000 })));
      // The same five queries in bare SQL, rows returned as they come.
      const cols = 'id, number, title, status, date, tags, decision_makers, pack, chosen_option, revision, updated_at, trashed_at';
      const bare = [
        core.db.prepare(`SELECT ${cols} FROM decisions WHERE trashed_at IS NULL ORDER BY number`),
        core.db.prepare(`SELECT ${cols} FROM decisions WHERE trashed_at IS NULL AND status = 'accepted' ORDER BY number`),
        core.db.prepare(`SELECT ${cols} FROM decisions d WHERE trashed_at IS NULL AND EXISTS (SELECT 1 FROM json_each(d.tags) WHERE value = 'cache') ORDER BY number`),
        core.db.prepare(`SELECT ${cols} FROM decisions WHERE trashed_at IS NULL AND date >= '2020-01-01' AND date <= '2022-12-31' ORDER BY number`),
        core.db.prepare(`SELECT ${cols} FROM decisions d WHERE trashed_at IS NULL AND EXISTS (SELECT 1 FROM json_each(d.decision_makers) WHERE value = 'Ada') ORDER BY number`),
      ];
      const engine = Array.from({ length: 40 }, (_, i) => time(() => bare[i % bare.length]!.all()));
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
      return finish('list', { n: 10_000, samples, unitsPerSample: 1, engineSamples: engine, engineUnitsPerSample: 1, target: '≤ 50 ms', met: (r) => r.median_ms <= 50 && r.p95_ms <= 50 });
    },
  },
} satisfies Record<string, { run(): Promise<OpResult> }>;

export type OpName = keyof typeof OPS;
