import { z } from 'zod';
import { ARTWORK_KEY_PATTERN, COVER_WIDTHS, type CoverWidth } from './covers';

/** `GET /api/artwork/:key?w=`: one of the stored widths (no other size is ever made); without it, the largest. */
export const ArtworkQuerySchema = z.object({
  w: z.enum(COVER_WIDTHS.map(String) as [`${CoverWidth}`, ...`${CoverWidth}`[]], { error: `w must be one of ${COVER_WIDTHS.join(', ')}` }).optional(),
});

/** `GET /api/artwork/:key`: the SHA-256 of the image in hex and its type's extension. */
export const ArtworkParamsSchema = z.object({ key: z.string().regex(new RegExp(`^${ARTWORK_KEY_PATTERN}$`), 'Not an artwork key') });
