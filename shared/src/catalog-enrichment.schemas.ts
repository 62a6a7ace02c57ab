import { z } from 'zod';
import { ProviderNameSchema, type ProviderName } from './connections.schemas';
import { userText } from './text.schemas';

const providerField = z.enum(ProviderNameSchema.options, { error: 'provider must be "spotify" or "apple"' });

/** `GET /api/catalog/external-search`: albums on a music service, for adding what Muse lacks. */
export const ExternalSearchQuerySchema = z.object({
  q: userText('Search text', { error: 'Type at least 2 characters' }).trim().min(2, 'Type at least 2 characters').max(200, 'Search text is too long'),
  provider: providerField,
});
export type ExternalSearchQuery = z.infer<typeof ExternalSearchQuerySchema>;

/** `POST /api/catalog/external-albums`: add one of a service's albums (with its tracks) to the catalog. */
export const ExternalAlbumAddSchema = z
  .object({
    provider: providerField,
    id: z
      .string({ error: 'id is required' })
      .trim()
      .min(1, 'id is required')
      .max(100, 'id is too long')
      .regex(/^[A-Za-z0-9._-]+$/, 'id is not a service id'),
  })
  .strict();
export type ExternalAlbumAddInput = z.infer<typeof ExternalAlbumAddSchema>;

/**
 * An album as a service lists it. `inCatalog` is the Muse album it already is (by service id
 * or artist + title), else null. `coverUrl` is Muse's own stored cover of that album, never the
 * service's image address (pages do not load images from the services).
 */
export interface ExternalAlbumHit {
  provider: ProviderName;
  id: string;
  title: string;
  artists: string[];
  releaseYear: number | null;
  trackCount: number | null;
  url: string | null;
  inCatalog: string | null;
  coverUrl: string | null;
}

export interface ExternalSearchResults {
  provider: ProviderName;
  query: string;
  albums: ExternalAlbumHit[];
}

/** What adding answers: the catalog album (new, or the one it already was). */
export interface ExternalAlbumAdded {
  albumId: string;
  created: boolean;
}
