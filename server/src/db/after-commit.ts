import type { Logger } from '../lib/logger';

type Task = () => Promise<unknown>;

/**
 * Side effects (domain events, activities, jobs) collected while a transaction runs and carried
 * out only once it has committed, so that nobody hears of a write that was rolled back and a job
 * never looks for a row that is not visible yet.
 */
export class AfterCommit {
  private readonly tasks: Task[] = [];

  add(task: Task): void {
    this.tasks.push(task);
  }

  /** Forgets every task collected so far (a transaction about to be tried again). */
  clear(): void {
    this.tasks.length = 0;
  }

  /**
   * Runs every task in order. The write is already committed, so a failing task is logged and
   * the rest still run: the caller's answer must not say a stored write failed.
   */
  async run(logger: Logger): Promise<void> {
    for (const task of this.tasks.splice(0)) {
      try {
        await task();
      } catch (err) {
        logger.error({ err }, 'post-commit side effect failed');
      }
    }
  }

  /**
   * Starts every task at once and resolves when all have settled, for tasks that do not depend
   * on each other's order. Failures are logged, as with `run`.
   */
  async runTogether(logger: Logger): Promise<void> {
    await Promise.all(
      this.tasks.splice(0).map(async (task) => {
        try {
          await task();
        } catch (err) {
          logger.error({ err }, 'post-commit side effect failed');
        }
      }),
    );
  }
}
