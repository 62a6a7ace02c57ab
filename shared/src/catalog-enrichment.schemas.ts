import { z } from 'zod';
import { ProviderNameSchema } from './connections.schemas';
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
export const ExternalAlbumHitSchema = z.object({
  provider: ProviderNameSchema,
  id: z.string(),
  title: z.string(),
  artists: z.array(z.string()),
  releaseYear: z.number().int().nullable(),
  trackCount: z.number().int().min(0).nullable(),
  url: z.string().nullable(),
  inCatalog: z.string().nullable(),
  coverUrl: z.string().nullable(),
});
export type ExternalAlbumHit = z.infer<typeof ExternalAlbumHitSchema>;

/** `GET /api/catalog/external-search`: what the service found for the query. */
export const ExternalSearchResultsSchema = z.object({
  provider: ProviderNameSchema,
  query: z.string(),
  albums: z.array(ExternalAlbumHitSchema),
});
export type ExternalSearchResults = z.infer<typeof ExternalSearchResultsSchema>;

/** What adding answers: the catalog album (new, or the one it already was). */
export const ExternalAlbumAddedSchema = z.object({
  albumId: z.string(),
  /** True (with 201) when the album is new to the catalog; false (with 200) when it was there already. */
  created: z.boolean(),
});
export type ExternalAlbumAdded = z.infer<typeof ExternalAlbumAddedSchema>;
