/** Lets pending I/O callbacks and timers run before a long synchronous loop goes on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
