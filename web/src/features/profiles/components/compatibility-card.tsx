import type { Compatibility } from '@muse/shared';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Stars } from '../../../components/ui/stars';
import { formatCount, formatStars } from '../../../lib/format-music';

/** Fewest shared ratings the server needs for a score. */
export const MIN_SHARED_FOR_SCORE = 3;

/** A word for a compatibility score: how alike two tastes are. */
export function compatibilityVerdict(score: number): string {
  if (score >= 85) return 'Kindred ears';
  if (score >= 70) return 'Very alike';
  if (score >= 50) return 'Some common ground';
  if (score >= 30) return 'Different tastes';
  return 'Opposites';
}

/**
 * Taste compatibility with another listener: the score out of 100 with how many albums it is
 * based on, or what is missing for one, and the albums on which the two disagree most.
 */
export function CompatibilityCard({ compatibility, theirName }: { compatibility: Compatibility; theirName: string }) {
  const { score, sharedCount, disagreements } = compatibility;
  // A first name keeps the rating labels short enough for a phone.
  const shortName = theirName.trim().split(/\s+/)[0] || theirName;
  return (
    <section className="card compatibility" aria-labelledby="compatibility-title">
      <h2 id="compatibility-title" className="card-title">
        Taste compatibility
      </h2>
      {score === null ? (
        <p className="muted" data-testid="compatibility-missing">
          {sharedCount === 0
            ? `You and ${theirName} have not rated any of the same albums yet.`
            : `You have rated ${formatCount(sharedCount, 'album')} in common; ${MIN_SHARED_FOR_SCORE - sharedCount} more and Muse can compare your tastes.`}
        </p>
      ) : (
        <div className="compatibility-score">
          <p className="compatibility-number" data-testid="compatibility-score">
            {Math.round(score)}
            <span className="compatibility-unit">%</span>
          </p>
          <p>
            <strong>{compatibilityVerdict(score)}</strong>
            <br />
            <span className="muted" data-testid="compatibility-shared">
              Based on {formatCount(sharedCount, 'album')} you both rated
            </span>
          </p>
        </div>
      )}
      {disagreements.length > 0 && (
        <>
          <h3 className="card-subheading">Where you disagree most</h3>
          <ul className="disagreements">
            {disagreements.map(({ album, yours, theirs }) => (
              <li key={album.id} className="disagreement">
                <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={44} decorative />
                <span className="disagreement-text">
                  <Link to={`/albums/${album.id}`}>{album.title}</Link>
                  <span className="muted">{album.artistCredit}</span>
                </span>
                <span className="disagreement-ratings">
                  <span>
                    You <Stars value={yours} size="sm" label={`You: ${formatStars(yours)}`} />
                  </span>
                  <span>
                    {shortName} <Stars value={theirs} size="sm" label={`${theirName}: ${formatStars(theirs)}`} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
