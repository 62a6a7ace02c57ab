import type { ServiceImportProgress, ServiceImportView, ServicePlaylist, ServicePlaylistPage } from '@muse/shared';
import type { Page, ProviderPlaylistSummary } from '../../providers/music-provider.port';
import type { ServiceImportRow } from './service-imports.repo';

/** A run as its owner sees it. */
export function presentServiceImport(row: ServiceImportRow): ServiceImportView {
  return {
    id: row.id,
    provider: row.provider,
    sourcePlaylistId: row.source_playlist_id,
    sourceName: row.source_name,
    status: row.status,
    processed: row.processed,
    total: row.total,
    linked: row.linked,
    localFiles: row.local_files,
    unavailable: row.unavailable,
    playlistId: row.playlist_id,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

/** The `service-import:progress` payload: the playlist only once there is one. */
export function presentServiceImportProgress(row: ServiceImportRow): ServiceImportProgress {
  return {
    importId: row.id,
    status: row.status,
    processed: row.processed,
    total: row.total,
    ...(row.playlist_id ? { playlistId: row.playlist_id } : {}),
  };
}

/** A page of the user's playlists on a service; covers are left out (Muse never hot-links the services' images). */
export function presentServicePlaylists(page: Page<ProviderPlaylistSummary>): ServicePlaylistPage {
  return {
    items: page.items.map((p): ServicePlaylist => ({ id: p.id, name: p.name, ownerName: p.ownerName, trackCount: p.trackCount, ownedByUser: p.ownedByUser })),
    next: page.next,
    total: page.total,
  };
}
