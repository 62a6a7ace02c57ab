/** Cleanup steps, run once, last registered first, on success, failure or Ctrl-C; a failing step is logged and the rest still run. */
export class Cleanup {
  private readonly steps: Array<[string, () => Promise<unknown>]> = [];
  private done: Promise<void> | null = null;

  constructor(private readonly log: (line: string) => void) {}

  add(label: string, step: () => Promise<unknown>): void {
    this.steps.unshift([label, step]);
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const [label, step] of this.steps) {
        await step().catch((err: unknown) => this.log(`cleanup: ${label} failed: ${err instanceof Error ? err.message : String(err)}`));
      }
    })();
    return this.done;
  }
}

/**
 * Runs a command's body with a Cleanup that also runs on SIGINT/SIGTERM (exit 130), reports a
 * failure as `<name> failed: …` with exit status 1, and exits at the end (idle keep-alive
 * sockets of fetch would otherwise hold the process open for a few more seconds).
 */
export async function runWithCleanup(name: string, log: (line: string) => void, body: (cleanup: Cleanup) => Promise<void>): Promise<never> {
  const cleanup = new Cleanup(log);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`\n${signal}: stopping`);
      void cleanup.run().finally(() => process.exit(130));
    });
  }
  try {
    await body(cleanup);
  } catch (err) {
    process.stderr.write(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  } finally {
    await cleanup.run();
  }
  process.exit();
}
