/**
 * The composition root: the one place the core is assembled from its platform.
 * Hosts (Electron, HTTP, CLI, tests) call `createCore` and talk to it only through `call`.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Handlers, MethodName, Input, Output } from '../../shared/api/index.js';
import { CairnError, type Result } from '../../shared/api/define.js';
import type { CoreContext, Platform } from './context.js';
import { createDecisionStore } from './decisions/store.js';
import { dispatch } from './dispatch.js';
import { decisionHandlers } from './decisions/handlers.js';
import { exportHandlers } from './export/handlers.js';
import { knowledgeHandlers } from './knowledge/handlers.js';
import { evaluationHandlers } from './evaluation/handlers.js';
import { compareHandlers } from './compare/handlers.js';
import { createCompareQueries } from './compare/queries.js';
import { insightHandlers } from './insights/handlers.js';
import { createInsightQueries } from './insights/queries.js';
import { nativeHandlers } from './native/handlers.js';
import { relationHandlers } from './relations/handlers.js';
import { createRelationQueries } from './relations/links.js';
import { revisionHandlers } from './revisions/handlers.js';
import { createRevisionQueries } from './revisions/queries.js';
import { searchHandlers } from './search/handlers.js';
import { settingsHandlers } from './settings/handlers.js';
import type { HostAdapter } from './native/adapter.js';
import { createSettingsStore, type SettingsStore } from './settings/settings.js';
import { createPackStore } from './knowledge/packs.js';
import { storeHandlers, type StoreState } from './store/handlers.js';
import { dailyBackup, DEFAULT_KEEP_DAILY } from './store/backup.js';
import { importHandlers } from './import/handlers.js';
import { lifecycleHandlers } from './lifecycle/handlers.js';
import { reviewHandlers } from './review/handlers.js';
import { sourceHandlers } from './sources/handlers.js';
import { evidenceChanges } from './sources/freshness.js';
import { repositoryHandlers } from './repositories/handlers.js';
import { createReviews } from './review/review.js';
import { createImporter } from './import/importer.js';
import { createLifecycle } from './lifecycle/lifecycle.js';
import { openDatabase, type Db } from './store/database.js';

export interface CoreOptions {
  dbPath: string;
  platform?: Partial<Platform>;
  knowledgeDir?: string;
  nativeBinding?: string;
  checkOutput?: boolean;
  /** The daily backup taken on the first open of a day (false: none, for throwaway stores). */
  backups?: { keepDaily?: number } | false;
  /** The native abilities the host lends (folder dialog, file manager, browser); none by default. */
  host?: HostAdapter;
}

export interface Core {
  readonly ctx: CoreContext;
  readonly db: Db;
  readonly handlers: Handlers;
  /** Problems found while starting (a shipped pack that did not load…), for the host to show. */
  readonly warnings: string[];
  /** App settings, for hosts that keep their own state there (the desktop window's place). */
  readonly settings: SettingsStore;
  /** Validates and runs one API call; never throws. */
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** Typed convenience for in-process callers (CLI, tests): throws a CairnError on failure. */
  invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  close(): void;
}

/** The knowledge folder shipped beside the code, found by walking up from this file (source or build). */
export function defaultKnowledgeDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'knowledge');
    if (isDirectory(candidate) && isDirectory(path.join(dir, 'shared'))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve('knowledge');
}

function hasData(p: string): boolean {
  try {
    return statSync(p).size > 0;
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function createCore(options: CoreOptions): Core {
  const platform: Platform = {
    now: options.platform?.now ?? (() => new Date()),
    newId: options.platform?.newId ?? (() => randomUUID()),
  };
  // A store created just now has nothing to back up; any other gets its daily copy.
  const existed = options.dbPath !== ':memory:' && hasData(options.dbPath);
  const db = openDatabase(options.dbPath, { now: platform.now, nativeBinding: options.nativeBinding });
  const storeState: StoreState = { backupProblem: null };
  if (existed && options.backups !== false) {
    try {
      dailyBackup(db, options.dbPath, platform.now(), options.backups?.keepDaily ?? DEFAULT_KEEP_DAILY);
    } catch (e) {
      // A full disk must not keep the user from their decisions; the status reports it instead.
      storeState.backupProblem = (e as Error).message;
    }
  }
  const ctx: CoreContext = {
    db,
    platform,
    dataDir: path.dirname(path.resolve(options.dbPath)),
    dbPath: path.resolve(options.dbPath),
    knowledgeDir: options.knowledgeDir ?? defaultKnowledgeDir(),
  };
  const decisions = createDecisionStore(ctx);
  const packs = createPackStore(ctx);
  const shipped = packs.installShipped(ctx.knowledgeDir);
  const settings = createSettingsStore(ctx);
  const relations = createRelationQueries(ctx, decisions);
  const adapter = options.host ?? {};
  const lifecycle = createLifecycle(ctx, decisions);
  const handlers: Handlers = {
    ...decisionHandlers(ctx, decisions, packs, { relationsOf: (id) => lifecycle.relations(id) }),
    ...revisionHandlers(decisions, createRevisionQueries(decisions)),
    ...lifecycleHandlers(lifecycle),
    // `cairn due` also lists decisions whose accepted evidence changed (a quote now missing or moved).
    ...reviewHandlers(
      createReviews(ctx, decisions, lifecycle.link, () =>
        evidenceChanges(ctx, packs, decisions).map((c) => ({
          id: c.decision,
          reason: `${c.claims.length} accepted claim${c.claims.length === 1 ? '' : 's'} changed: ${c.claims[0]!.reason}`,
        })),
      ),
    ),
    ...relationHandlers(relations),
    ...insightHandlers(createInsightQueries(ctx, decisions, relations)),
    ...compareHandlers(createCompareQueries(ctx, decisions)),
    ...evaluationHandlers(ctx, decisions, packs),
    ...knowledgeHandlers(ctx, packs),
    ...sourceHandlers(ctx, packs, decisions),
    ...searchHandlers(ctx),
    ...importHandlers(createImporter(ctx)),
    ...repositoryHandlers(ctx),
    ...exportHandlers(ctx, decisions),
    ...settingsHandlers(ctx, settings, adapter),
    ...nativeHandlers(adapter),
    ...storeHandlers(ctx, storeState),
  };
  const call = (method: unknown, input: unknown) =>
    dispatch(handlers, method, input, { checkOutput: options.checkOutput });
  return {
    ctx,
    db,
    handlers,
    warnings: shipped.problems,
    settings,
    call,
    async invoke(method, input) {
      const result = await call(method, input);
      if (!result.ok) throw new CairnError(result.error.code, result.error.message, result.error.details);
      return result.value as never;
    },
    close: () => db.close(),
  };
}
