import type * as LazySchemas from './lazy-schemas';
import { loadOnce } from './load-once';

/** The schemas `loadSchemas` gives (lazy-schemas.ts lists them). */
export type SharedSchemas = typeof LazySchemas;

/**
 * The shared schemas, fetched the first time something checks an answer of the API with them.
 * Modules that the album, playlist and profile pages share import schemas only through here, so
 * those pages show their data without first downloading and building every schema of the app
 * (build/bundle-budget.test.ts holds them to it). A failed fetch is forgotten: the next call asks again.
 */
export const loadSchemas: () => Promise<SharedSchemas> = loadOnce(() => import('./lazy-schemas'));
