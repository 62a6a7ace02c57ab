/** A check that rejects when what it watches cannot do its work. */
export type ReadinessCheck = () => Promise<unknown>;

/**
 * Checks that parts of a process add while they run (the api's domain-event consumer), beside the
 * dependencies /readyz always checks. Several parts may add checks under one name.
 */
export class ReadinessChecks {
  private readonly checks = new Set<{ name: string; check: ReadinessCheck }>();

  /** Adds a check; the returned function removes it again (when its part stops). */
  add(name: string, check: ReadinessCheck): () => void {
    const entry = { name, check };
    this.checks.add(entry);
    return () => this.checks.delete(entry);
  }

  /** The current checks, each under its name. */
  list(): { name: string; check: ReadinessCheck }[] {
    return [...this.checks];
  }
}
