/**
 * The renderer's data layer: screens ask for API results through these hooks, and TanStack Query
 * owns loading, caching, refetching, cancellation of stale answers and errors. A query is keyed by
 * its method and input, so two screens asking the same thing share one request, and a mutation
 * names the methods whose answers it makes stale instead of screens bumping counters.
 */
import { QueryClient, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../../../shared/api/index.js';
import { api, ApiError } from '../api.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The store is local and only this app (or the CLI beside it) writes it: answers stay good
      // until a mutation says otherwise, and a failed local call will not succeed on a blind retry.
      staleTime: 30_000,
      retry: false,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});

/** One API call through the typed bridge. */
function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  return (api[method] as (i: Input<M>) => Promise<Output<M>>)(input);
}

export function queryKey<M extends MethodName>(method: M, input?: Input<M>, version?: unknown): readonly unknown[] {
  if (input === undefined) return [method];
  return version === undefined ? [method, input] : [method, input, version];
}

type QueryOptions<M extends MethodName> = Omit<
  UseQueryOptions<Output<M>, ApiError, Output<M>, readonly unknown[]>,
  'queryKey' | 'queryFn'
> & {
  /** A value whose change asks again, e.g. the revision of the decision the screen shows. */
  version?: unknown;
};

/** One API read: `{ data, error, isPending, refetch }`, cached under the method and its input. */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  { version, ...options }: QueryOptions<M> = {},
) {
  return useQuery<Output<M>, ApiError, Output<M>, readonly unknown[]>({
    queryKey: queryKey(method, input, version),
    queryFn: () => call(method, input),
    ...options,
  });
}

/**
 * A write made of several steps (save the pending edits, then apply a pack; read the current
 * revision, then record a review): one busy flag and one error for the whole, like a single API
 * write, and the same `invalidates` once it succeeds. A step that fails throws a message to show.
 */
export function useApiTask<T, V = void>(
  run: (input: V) => Promise<T>,
  options: { invalidates?: readonly MethodName[]; onSuccess?: (value: T, input: V) => void } = {},
) {
  const client = useQueryClient();
  return useMutation<T, Error, V>({
    mutationFn: run,
    onSuccess: async (value, input) => {
      await Promise.all((options.invalidates ?? []).map((m) => client.invalidateQueries({ queryKey: [m] })));
      options.onSuccess?.(value, input);
    },
  });
}

/**
 * One API write: a task of one step. `invalidates` lists the methods whose cached answers the
 * write makes stale (all inputs of each); they refetch where a screen still shows them.
 */
export function useApiMutation<M extends MethodName>(
  method: M,
  options: { invalidates?: readonly MethodName[]; onSuccess?: (value: Output<M>) => void } = {},
) {
  return useApiTask<Output<M>, Input<M>>((input) => call(method, input), {
    invalidates: options.invalidates,
    onSuccess: options.onSuccess && ((value) => options.onSuccess!(value)),
  });
}

/** Asks now, whatever is cached (e.g. the decision as stored after another action), and caches the answer. */
export function fetchApi<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  return queryClient.fetchQuery<Output<M>, ApiError, Output<M>, readonly unknown[]>({
    queryKey: queryKey(method, input),
    queryFn: () => call(method, input),
    staleTime: 0,
  });
}

/** Marks every cached answer of these methods stale (after a write made outside a mutation hook). */
export function invalidate(...methods: MethodName[]): Promise<void> {
  return Promise.all(methods.map((m) => queryClient.invalidateQueries({ queryKey: [m] }))).then(() => undefined);
}

/** A message a person can act on, from whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message || 'Something went wrong.';
  return String(error);
}
