/**
 * Moves the clock every `Date.now()` reads forward, as time passing would, without fake timers
 * (real I/O keeps running). For caches that keep answers for a while: advance past their time to
 * live instead of waiting it out. Call `restore()` in a `finally`.
 */
export function clockAhead(): { advance(ms: number): void; restore(): void } {
  const realNow = Date.now.bind(Date);
  let offset = 0;
  const spy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
  return {
    advance: (ms) => {
      offset += ms;
    },
    restore: () => spy.mockRestore(),
  };
}
