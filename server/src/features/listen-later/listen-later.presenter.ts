import type { ListenLaterIndex, ListenLaterItem } from '@muse/shared';
import { presentAlbumColumns } from '../../http/presenters/catalog.presenter';
import type { ListenLaterRow } from './listen-later.repo';

/** A queued album as its owner sees it: the album's card, when it was added, and whether it stays once heard. */
export function presentListenLaterItem(row: ListenLaterRow): ListenLaterItem {
  return {
    album: presentAlbumColumns(row),
    addedAt: new Date(row.added_at).toISOString(),
    keep: row.keep,
  };
}

/** Every queued album id, and those kept after being heard. */
export function presentListenLaterIndex(rows: { album_id: string; keep: boolean }[]): ListenLaterIndex {
  return { albumIds: rows.map((r) => String(r.album_id)), keptAlbumIds: rows.filter((r) => r.keep).map((r) => String(r.album_id)) };
}
