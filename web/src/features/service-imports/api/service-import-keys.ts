/** Query keys of imports from Spotify and Apple Music (connections and the services' playlists are in lib/music-services). */
export const serviceImportKeys = {
  all: ['service-imports'] as const,
  list: () => ['service-imports', 'list'] as const,
  detail: (id: string) => ['service-imports', 'detail', id] as const,
};
