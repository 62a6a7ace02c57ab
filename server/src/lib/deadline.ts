/**
 * The work's outcome, or `late()`'s when `ms` pass first (a value, or a throw that rejects). The
 * work itself is not stopped: callers that must stop it pass it a signal of their own. The timer
 * is cleared as soon as either side settles and never keeps the process alive.
 */
export async function withDeadline<T, L = never>(work: Promise<T>, ms: number, late: () => L): Promise<T | L> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<L>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (err) {
        reject(err);
      }
    }, ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
