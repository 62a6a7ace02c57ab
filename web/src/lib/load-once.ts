/**
 * A loader that runs `load` on its first call and hands every caller the same promise (a chunk
 * fetched with `import()` once, however many places ask). A failure is forgotten, so the next
 * call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
