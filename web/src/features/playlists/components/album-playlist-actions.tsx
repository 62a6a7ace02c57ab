import type { AlbumSummary, TrackView } from '@muse/shared';
import { AddToPlaylistMenu } from './add-to-playlist-menu';

/** The album page's header actions: the album to a list, and all its tracks to a playlist. */
export function AlbumPlaylistActions({ album, tracks }: { album: Pick<AlbumSummary, 'id' | 'title'>; tracks: Pick<TrackView, 'id'>[] }) {
  return (
    <>
      <AddToPlaylistMenu target={{ type: 'album', albumId: album.id, title: album.title }} label="Add to list" />
      {tracks.length > 0 && (
        <AddToPlaylistMenu target={{ type: 'tracks', trackIds: tracks.map((track) => track.id), title: album.title }} label="Add tracks to playlist" />
      )}
    </>
  );
}
