/**
 * Starting work early and looking at its outcome later: `settled` gives a promise that never
 * rejects (so a failure before anyone awaits it is not an unhandled rejection), `unsettle` turns
 * its outcome back into the value or the failure, thrown where the caller is ready for it.
 */
export function settled<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return Promise.allSettled([promise]).then(([outcome]) => outcome!);
}

export function unsettle<T>(outcome: PromiseSettledResult<T>): T {
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}
