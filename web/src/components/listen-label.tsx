/** "First impression" or "After N listens" for a review's place among its author's listens of the album. */
export function listenLabelText(listenNumber: number): string {
  return listenNumber <= 1 ? 'First impression' : `After ${listenNumber} listens`;
}

/** The label beside a review; nothing for a review without a listen count (track reviews). */
export function ListenLabel({ listenNumber }: { listenNumber: number | null | undefined }) {
  if (listenNumber === null || listenNumber === undefined) return null;
  return <span className={`tag${listenNumber > 1 ? ' listen-label-again' : ''}`}>{listenLabelText(listenNumber)}</span>;
}
