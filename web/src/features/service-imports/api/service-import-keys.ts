/** Query keys of imports from Spotify and Apple Music: the user's connections, each service's playlists, the imports. */
export const serviceImportKeys = {
  all: ['service-imports'] as const,
  connections: () => ['service-imports', 'connections'] as const,
  playlists: (provider: string) => ['service-imports', 'playlists', provider] as const,
  list: () => ['service-imports', 'list'] as const,
  detail: (id: string) => ['service-imports', 'detail', id] as const,
};
