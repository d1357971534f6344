/**
 * Generated hostile input for the API, repeatable from a seed. Payloads start from a sample that
 * fits the method's input schema (read from its JSON Schema, so new methods are covered without
 * changes here) and are then broken: wrong types, missing fields, huge strings, deep nesting,
 * `__proto__` / `constructor` keys, odd numbers and strings, and values only IPC's structured
 * clone can carry (BigInt, Date, Map, typed arrays, cycles).
 * Strings never contain a path separator or start with a dot, except in fields that name a path,
 * where they point into the sandbox folder the test gives: fuzzing must not write outside it.
 */
import { z } from 'zod';

export type Rng = () => number;

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

type Json = Record<string, unknown>;

export interface FuzzContext {
  /** Ids that exist in the store, so some payloads get past "not found" into the handlers. */
  knownIds: string[];
  /** Folder that path-like fields point into. */
  sandbox: string;
  /** Whether values only structured clone can carry may appear (IPC and in-process calls). */
  cloneable: boolean;
}

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202eevil',
  '🧭🪨',
  'Ω≈ç√∫',
  "' OR 1=1 --",
  '"; DROP TABLE decisions; --',
  'NEAR(',
  '"unbalanced',
  '*',
  'title:x AND',
  '%s%n%x',
  '${process.exit()}',
  '{{constructor.constructor("alert(1)")()}}',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  '0',
  '-1',
  '9999-99-99',
  '2026-02-30',
  'id-0001',
];
const ODD_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e308,
  -1e308,
  NaN,
  Infinity,
  -Infinity,
];
const PATH_KEY = /dir|path|file|folder|source|target|dest/i;

function plainString(r: Rng, min = 0, max = 40): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_:é漢';
  const n = int(r, min, Math.max(min, Math.min(max, 60)));
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[int(r, 0, alphabet.length - 1)];
  return s.startsWith('.') ? 'x' + s.slice(1) : s;
}

function sandboxPath(r: Rng, ctx: FuzzContext): string {
  return pick(r, [
    ctx.sandbox,
    `${ctx.sandbox}/${plainString(r, 1, 12)}`,
    `${ctx.sandbox}/missing/${plainString(r, 1, 8)}`,
    plainString(r, 1, 12),
    '',
  ]);
}

function deref(schema: Json, root: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.split('/').pop()!;
  const defs = (root.$defs ?? root.definitions ?? {}) as Record<string, Json>;
  return defs[name] ?? {};
}

/** A value that fits the JSON Schema as far as is simple to tell; validation decides the rest. */
function sample(r: Rng, schema: Json, root: Json, ctx: FuzzContext, key: string, depth: number): unknown {
  const s = deref(schema, root);
  if (Array.isArray(s.enum)) return pick(r, s.enum);
  if ('const' in s) return s.const;
  const variants = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (variants?.length) return sample(r, pick(r, variants), root, ctx, key, depth);
  if (Array.isArray(s.allOf) && s.allOf.length) return sample(r, s.allOf[0] as Json, root, ctx, key, depth);
  const type = Array.isArray(s.type) ? pick(r, s.type as string[]) : (s.type as string | undefined);
  switch (type) {
    case 'object': {
      const out: Json = {};
      const props = (s.properties ?? {}) as Record<string, Json>;
      const required = new Set((s.required ?? []) as string[]);
      for (const [k, v] of Object.entries(props)) {
        if (required.has(k) || (depth < 4 && r() < 0.5)) out[k] = sample(r, v, root, ctx, k, depth + 1);
      }
      const extra = s.additionalProperties;
      if (!Object.keys(props).length && extra && typeof extra === 'object' && r() < 0.7) {
        for (let i = int(r, 0, 3); i > 0; i--)
          out[plainString(r, 1, 10)] = sample(r, extra as Json, root, ctx, key, depth + 1);
      }
      return out;
    }
    case 'array': {
      const min = (s.minItems as number | undefined) ?? 0;
      const n = depth > 4 ? min : int(r, min, Math.max(min, Math.min(3, (s.maxItems as number | undefined) ?? 3)));
      const items = (s.items ?? {}) as Json;
      return Array.from({ length: n }, () => sample(r, items, root, ctx, key, depth + 1));
    }
    case 'string': {
      if (PATH_KEY.test(key)) return sandboxPath(r, ctx);
      if (/^(id|target|driver|option|claim|pack)$/i.test(key) && ctx.knownIds.length && r() < 0.6)
        return pick(r, ctx.knownIds);
      if (typeof s.pattern === 'string' && s.pattern.includes('\\d{4}-\\d{2}-\\d{2}'))
        return `20${int(r, 10, 39)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}`;
      return plainString(
        r,
        (s.minLength as number | undefined) ?? 0,
        Math.min((s.maxLength as number | undefined) ?? 40, 40),
      );
    }
    case 'integer':
    case 'number': {
      const lo = Math.max(
        (s.minimum as number | undefined) ?? ((s.exclusiveMinimum as number | undefined) ?? -1) + 1,
        -1000,
      );
      const hi = Math.min((s.maximum as number | undefined) ?? 1000, 1000);
      return int(r, lo, Math.max(lo, hi));
    }
    case 'boolean':
      return r() < 0.5;
    case 'null':
      return null;
    default:
      return randomJson(r, 2);
  }
}

function randomJson(r: Rng, depth: number): unknown {
  switch (int(r, 0, depth > 0 ? 6 : 3)) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return pick(r, ODD_NUMBERS.filter(Number.isFinite));
    case 3:
      return r() < 0.5 ? pick(r, ODD_STRINGS) : plainString(r);
    case 4:
      return Array.from({ length: int(r, 0, 3) }, () => randomJson(r, depth - 1));
    default: {
      const o: Json = {};
      for (let i = int(r, 0, 3); i > 0; i--)
        o[r() < 0.2 ? pick(r, ODD_STRINGS) : plainString(r, 1, 8)] = randomJson(r, depth - 1);
      return o;
    }
  }
}

/** A nested structure `depth` levels deep, built without recursion. */
export function deepNest(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Own `__proto__` / `constructor` keys, as JSON.parse makes them (an object literal would set the prototype instead). */
const protoKeys = () =>
  JSON.parse(
    '{"__proto__": {"polluted": "yes", "isAdmin": true}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}}',
  ) as Json;

function cloneOnly(r: Rng): unknown {
  const cyclic: Json = { name: 'loop' };
  cyclic.self = cyclic;
  const list: unknown[] = [1];
  list.push(list);
  const sparse: unknown[] = [];
  sparse[5] = 1;
  return pick(r, [
    10n ** 30n,
    new Date(NaN),
    new Date(0),
    new Map([['a', 1]]),
    new Set([1]),
    /x+/g,
    new Uint8Array(16),
    new ArrayBuffer(8),
    new Error('boom'),
    cyclic,
    list,
    sparse,
  ]);
}

/**
 * The heavy values, built once and shared by every payload (building them each time would cost
 * more than the calls): strings past each length limit of the domain, nesting deeper than any
 * parser's stack, very wide objects and long arrays. Mutations never reach inside them.
 */
let heavy: unknown[] | null = null;
const heavyRoots = new WeakSet<object>();
function heavyValues(): unknown[] {
  if (!heavy) {
    const wide: Json = {};
    for (let i = 0; i < 10_000; i++) wide[`k${i}`] = i;
    heavy = [
      'A'.repeat(2_001),
      'B'.repeat(200_001),
      'C'.repeat(6_000_001),
      deepNest(2_000, 'array'),
      deepNest(2_000, 'object'),
      deepNest(100_000, 'array'),
      deepNest(100_000, 'object'),
      wide,
      Array.from({ length: 20_000 }, (_, i) => i),
    ];
    for (const h of heavy) if (typeof h === 'object' && h) heavyRoots.add(h);
  }
  return heavy;
}

function hostileValue(r: Rng, ctx: FuzzContext): unknown {
  switch (int(r, 0, ctx.cloneable ? 9 : 8)) {
    case 0:
    case 1:
    case 5:
      return pick(r, heavyValues());
    case 2:
      return protoKeys();
    case 3:
      return pick(r, ODD_NUMBERS);
    case 4:
      return pick(r, ODD_STRINGS);
    case 6:
      return 'x'.repeat(int(r, 2_000, 300_000));
    case 7:
      return randomJson(r, 3);
    case 8:
      return pick(r, [null, true, false, [], {}, 0, '']);
    default:
      return cloneOnly(r);
  }
}

/** Every object and array inside a value, with a way to replace or delete a child. */
function containers(value: unknown): (Json | unknown[])[] {
  const out: (Json | unknown[])[] = [];
  const stack = [value];
  while (stack.length && out.length < 500) {
    const v = stack.pop();
    if (
      v &&
      typeof v === 'object' &&
      !heavyRoots.has(v) &&
      (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)
    ) {
      out.push(v as Json | unknown[]);
      stack.push(...Object.values(v));
    }
  }
  return out;
}

function mutate(r: Rng, value: unknown, ctx: FuzzContext): unknown {
  const nodes = containers(value);
  if (!nodes.length) return hostileValue(r, ctx);
  const node = pick(r, nodes);
  const keys = Object.keys(node);
  const key = keys.length ? pick(r, keys) : null;
  switch (int(r, 0, 7)) {
    case 0: // wrong type
      if (key !== null) (node as Json)[key] = pick(r, [null, 42, 'text', true, [], {}, -1.5]);
      break;
    case 1: // missing field
      if (key !== null && !Array.isArray(node)) delete (node as Json)[key];
      break;
    case 2: // prototype keys beside the real ones
      if (!Array.isArray(node)) Object.assign(node, protoKeys());
      else node.push(protoKeys());
      break;
    case 3: // an unknown field
      if (!Array.isArray(node)) (node as Json)[pick(r, ODD_STRINGS) || 'extra'] = hostileValue(r, ctx);
      break;
    default: // a hostile value in place of a real one
      if (key !== null) (node as Json)[key] = hostileValue(r, ctx);
      else if (Array.isArray(node)) node.push(hostileValue(r, ctx));
      else (node as Json).extra = hostileValue(r, ctx);
  }
  return value;
}

/** The JSON Schema of a method's input, or an empty schema where zod cannot express it. */
export function inputJsonSchema(schema: z.ZodType): Json {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as Json;
  } catch {
    return {};
  }
}

/** One payload for a method: a valid-looking sample, usually broken in one to three places. */
export function payload(r: Rng, schema: Json, ctx: FuzzContext): unknown {
  const roll = r();
  if (roll < 0.08) return hostileValue(r, ctx);
  let value = sample(r, schema, schema, ctx, '', 0);
  if (roll < 0.2) return value;
  for (let i = int(r, 1, 3); i > 0; i--) value = mutate(r, value, ctx);
  return value;
}

/** A snapshot of the built-in prototypes, to prove no payload changed them. */
export function prototypeFingerprint(): string {
  const describe = (o: object) =>
    Reflect.ownKeys(o)
      .map((k) => {
        const d = Object.getOwnPropertyDescriptor(o, k)!;
        return `${String(k)}:${typeof d.value}:${d.writable}:${d.enumerable}:${typeof d.get}`;
      })
      .sort()
      .join(',');
  return (
    [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(describe).join('|') +
    `|${Object.getPrototypeOf({}) === Object.prototype}`
  );
}
