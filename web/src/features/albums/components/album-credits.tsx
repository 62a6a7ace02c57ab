import type { ArtistCredit } from '@muse/shared';
import { Fragment } from 'react';
import { Link } from 'react-router';

/**
 * The album's artists as printed on the sleeve: each name links to its artist page and the
 * join phrases ("feat.", "&", ", ") sit between them exactly as the catalog has them.
 * Falls back to the plain credit text when the catalog has no structured credits.
 */
export function AlbumCredits({ credits, fallback }: { credits: ArtistCredit[]; fallback: string }) {
  if (credits.length === 0) return <span>{fallback}</span>;
  return (
    <span className="album-credits">
      {credits.map((credit, index) => (
        <Fragment key={`${credit.artistId}-${index}`}>
          <Link to={`/artists/${credit.artistId}`}>{credit.name}</Link>
          {credit.joinPhrase && <span className="join-phrase">{spaced(credit.joinPhrase, index === credits.length - 1)}</span>}
        </Fragment>
      ))}
    </span>
  );
}

/** Discogs stores some join phrases bare ("&", "Feat."); give them the spaces they are printed with. */
function spaced(phrase: string, last: boolean): string {
  if (last) return phrase;
  if (phrase === ',' || phrase === ', ') return ', ';
  return /^\s/.test(phrase) || /\s$/.test(phrase) ? phrase : ` ${phrase} `;
}
