/**
 * What the Electron preload exposes on `window.cairn`, typed from the contract: one function per
 * method, taking that method's input and answering its result envelope. The preload builds it,
 * the renderer's client calls it; neither names a method or a type by hand.
 * Type-only imports of the contract, so the sandboxed preload bundles no schema code.
 */
import type { Result } from './define.js';
import type { Input, MethodName, Output } from './index.js';
import { METHOD_NAMES } from './names.js';

export type Bridge = { readonly [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> };

/** One value per API method, made by `make` from the method's name. */
export function perMethod<T>(make: (name: MethodName) => T): Record<MethodName, T> {
  // index.ts proves at compile time that METHOD_NAMES lists exactly the contract's methods, so
  // the object built from it has every key of Record<MethodName, T>.
  return Object.fromEntries(METHOD_NAMES.map((name) => [name, make(name)])) as Record<MethodName, T>;
}

/** Calls one method through the bridge, keeping the method's own input and output types. */
export function callBridge<M extends MethodName>(
  bridge: Bridge,
  method: M,
  input: Input<M>,
): Promise<Result<Output<M>>> {
  return bridge[method](input);
}
