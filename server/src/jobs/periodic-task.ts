import type { Logger } from '../lib/logger';

/** A task that startPeriodicTask runs on a timer. */
export interface PeriodicTask {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now and then every `everyMs`, never two runs at once. A failed run is logged and
 * the next tick tries again, so a task that needs Redis resumes by itself when Redis returns.
 * Unlike a BullMQ repeatable job, the timer lives in the process, so Redis losing its data
 * cannot lose it.
 */
export function startPeriodicTask(name: string, everyMs: number, task: () => Promise<unknown>, logger: Logger): PeriodicTask {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= task()
      .then(
        () => undefined,
        (err: unknown) => logger.warn({ err, task: name }, 'periodic task failed; retrying at the next tick'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs).unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
