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
