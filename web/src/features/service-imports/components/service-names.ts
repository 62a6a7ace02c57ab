import type { ProviderName } from '@muse/shared';

/** The services' names as people know them. */
export const SERVICE_NAMES: Record<ProviderName, string> = { spotify: 'Spotify', apple: 'Apple Music' };
