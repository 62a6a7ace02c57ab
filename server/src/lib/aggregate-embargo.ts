/**
 * The optional pre-release embargo (TRUST_EMBARGO_BEFORE_RELEASE): an album's aggregate is
 * hidden until its release date, while each rater still sees their own rating. Albums without a
 * known release date are never embargoed.
 */
export class AggregateEmbargo {
  constructor(
    private readonly enabled: boolean,
    private readonly releaseDate: (albumId: string) => Promise<string | null>,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  /** The release date (YYYY-MM-DD) while it is still ahead and the embargo is on; else null. */
  untilDate(releaseDate: string | null): string | null {
    return this.enabled && releaseDate !== null && releaseDate > this.today() ? releaseDate : null;
  }

  /** Whether the album of this release date has its aggregate hidden now. */
  hides(releaseDate: string | null): boolean {
    return this.untilDate(releaseDate) !== null;
  }

  /** Today (YYYY-MM-DD) while the embargo is on: albums released after it are hidden; null when off. */
  hiddenAfter(): string | null {
    return this.enabled ? this.today() : null;
  }

  /** The same for an album by id; reads nothing when the embargo is off. */
  async until(albumId: string): Promise<string | null> {
    return this.enabled ? this.untilDate(await this.releaseDate(albumId)) : null;
  }
}
