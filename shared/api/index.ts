/**
 * The one API contract. Each concept declares its methods in its own file (the same name as its
 * folder in electron/core and renderer/src); this list joins them.
 * Method names, input and output schemas live here only: the preload, IPC handlers, the HTTP
 * host, the CLI and the renderer client are all derived from `api`.
 */
import type { z } from 'zod';
import { decisionMethods } from './decisions.js';
import { knowledgeMethods } from './knowledge.js';
import { evaluationMethods } from './evaluation.js';
import { exportMethods } from './export.js';
import { compareMethods } from './compare.js';
import { nativeMethods } from './native.js';
import { settingsMethods } from './settings.js';
import { revisionMethods } from './revisions.js';
import { relationMethods } from './relations.js';
import { insightsMethods } from './insights.js';
import { searchMethods } from './search.js';
import type { MethodSpec } from './define.js';
import { storeMethods } from './store.js';
import { importMethods } from './import.js';
import { lifecycleMethods } from './lifecycle.js';
import { reviewMethods } from './review.js';
import { sourceMethods } from './sources.js';
import { repositoryMethods } from './repositories.js';
import { METHOD_NAMES, type MethodNameListed } from './names.js';

export const api = {
  ...decisionMethods,
  ...knowledgeMethods,
  ...evaluationMethods,
  ...exportMethods,
  ...compareMethods,
  ...storeMethods,
  ...importMethods,
  ...lifecycleMethods,
  ...revisionMethods,
  ...relationMethods,
  ...insightsMethods,
  ...searchMethods,
  ...settingsMethods,
  ...nativeMethods,
  ...reviewMethods,
  ...sourceMethods,
  ...repositoryMethods,
} as const satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
export { METHOD_NAMES };

// The names list (names.ts) and the contract must name the same methods: adding a method to one
// and not the other fails to compile here.
type Unlisted = Exclude<MethodName, MethodNameListed>;
type NotInContract = Exclude<MethodNameListed, MethodName>;
const namesMatchContract: [Unlisted, NotInContract] extends [never, never]
  ? true
  : { unlisted: Unlisted; notInContract: NotInContract } = true;
void namesMatchContract;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** What a caller passes (defaults may be left out). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What the implementation receives, after parsing. */
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = z.output<Api[M]['output']>;

/** The implementation of every method; the core provides one. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };
/** A typed client: one async function per method. */
export type Client = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

export * from './define.js';
export type { ListQuery } from './decisions.js';
