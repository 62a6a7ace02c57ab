import { types } from 'node:util';

/**
 * Whether `err` is an Error from any realm. Node's own errors (a socket reset under a query) come
 * from Node's realm, so `instanceof Error` is false for them where code runs in another context
 * (a vm, as the test runner does); they are recognised as native errors instead.
 */
export function isAnyError(err: unknown): err is Error {
  return err instanceof Error || types.isNativeError(err);
}
