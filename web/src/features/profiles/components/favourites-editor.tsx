import type { ProfileView } from '@muse/shared';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { AlbumCover } from '../../../components/ui/album-cover';
import { useUpdateFavourites } from '../api/update-favourites';
import { FavouritePicker } from './favourite-picker';
import { moveItem, sameOrder } from './reorder';

type Favourite = ProfileView['favourites'][number];

/** At most this many favourites (the API refuses more). */
export const MAX_FAVOURITES = 4;

/**
 * The owner's top four: drag a cover by its handle to reorder, or use "Move earlier" / "Move
 * later" (and the arrow keys on the handle) from the keyboard; remove one or add one with the
 * picker. Every change is saved at once and announced.
 */
export function FavouritesEditor({ handle, favourites }: { handle: string; favourites: Favourite[] }) {
  const save = useUpdateFavourites(handle);
  const [draft, setDraft] = useState<Favourite[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const dragging = useRef<{ id: string; pointerId: number } | null>(null);
  const focusAfterMove = useRef<{ id: string; control: 'earlier' | 'later' | 'handle' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const shown = draft ?? favourites;

  useEffect(() => {
    const wanted = focusAfterMove.current;
    if (!wanted || !listRef.current) return;
    focusAfterMove.current = null;
    const item = listRef.current.querySelector<HTMLElement>(`[data-favourite-id="${CSS.escape(wanted.id)}"]`);
    const preferred = item?.querySelector<HTMLButtonElement>(`[data-control="${wanted.control}"]:not(:disabled)`);
    const fallback = item?.querySelector<HTMLButtonElement>('[data-control="earlier"]:not(:disabled), [data-control="later"]:not(:disabled)');
    (preferred ?? fallback ?? item?.querySelector<HTMLButtonElement>('[data-control="handle"]'))?.focus();
  });

  // The saved list replaces the draft once it arrives (or comes back after a refusal).
  useEffect(() => setDraft(null), [favourites]);

  const commit = (next: Favourite[], message: string) => {
    if (sameOrder(next, favourites)) {
      setDraft(null);
      return;
    }
    // Shown at once, so a second key press acts on the new order, not on the one still being saved.
    setDraft(next);
    setAnnouncement(message);
    save.mutate(next);
  };

  const move = (index: number, to: number, control: 'earlier' | 'later' | 'handle') => {
    const item = shown[index];
    if (!item || to < 0 || to >= shown.length) return;
    focusAfterMove.current = { id: item.id, control };
    commit(moveItem(shown, index, to), `${item.title} moved to position ${to + 1} of ${shown.length}.`);
  };

  const handleKeyDown = (event: KeyboardEvent, index: number) => {
    if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') move(index, index - 1, 'handle');
    else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') move(index, index + 1, 'handle');
    else return;
    event.preventDefault();
  };

  const handlePointerDown = (event: PointerEvent<HTMLButtonElement>, id: string) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    dragging.current = { id, pointerId: event.pointerId };
    setDraft(shown);
  };

  const handlePointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const drag = dragging.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const over = document.elementFromPoint(event.clientX, event.clientY)?.closest<HTMLElement>('[data-favourite-id]');
    const overId = over?.dataset.favouriteId;
    if (!overId || overId === drag.id) return;
    setDraft((current) => {
      const list = current ?? shown;
      return moveItem(
        list,
        list.findIndex((f) => f.id === drag.id),
        list.findIndex((f) => f.id === overId),
      );
    });
  };

  const handlePointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    const drag = dragging.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    dragging.current = null;
    const next = draft ?? shown;
    const index = next.findIndex((f) => f.id === drag.id);
    commit(next, `${next[index]?.title ?? 'Album'} moved to position ${index + 1} of ${next.length}.`);
  };

  const remove = (index: number) => {
    const item = shown[index];
    if (!item) return;
    commit(
      shown.filter((_, i) => i !== index),
      `${item.title} removed from your favourites.`,
    );
  };

  return (
    <div className="favourites-editor">
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {shown.length === 0 ? (
        <p className="muted">Pick up to four albums that say who you are.</p>
      ) : (
        <ol className="favourites favourites-editable" ref={listRef} aria-label="Your favourite albums, in order">
          {shown.map((album, index) => (
            <li
              key={album.id}
              className={`favourite${dragging.current?.id === album.id ? ' favourite-dragging' : ''}`}
              data-favourite-id={album.id}
              aria-label={`${index + 1}. ${album.title} by ${album.artistCredit}`}
            >
              <Link to={`/albums/${album.id}`} className="favourite-link" draggable={false}>
                <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={150} fluid />
                <span className="favourite-title">{album.title}</span>
                <span className="favourite-artist">{album.artistCredit}</span>
              </Link>
              <div className="favourite-controls">
                <button
                  type="button"
                  className="icon-button favourite-handle"
                  data-control="handle"
                  aria-label={`Reorder ${album.title}: drag, or use the arrow keys`}
                  title="Drag to reorder"
                  onPointerDown={(event) => handlePointerDown(event, album.id)}
                  onPointerMove={handlePointerMove}
                  onPointerUp={handlePointerUp}
                  onPointerCancel={() => {
                    dragging.current = null;
                    setDraft(null);
                  }}
                  onKeyDown={(event) => handleKeyDown(event, index)}
                >
                  <span aria-hidden="true">⠿</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  data-control="earlier"
                  aria-label={`Move ${album.title} earlier`}
                  title="Move earlier"
                  disabled={index === 0}
                  onClick={() => move(index, index - 1, 'earlier')}
                >
                  <span aria-hidden="true">←</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  data-control="later"
                  aria-label={`Move ${album.title} later`}
                  title="Move later"
                  disabled={index === shown.length - 1}
                  onClick={() => move(index, index + 1, 'later')}
                >
                  <span aria-hidden="true">→</span>
                </button>
                <button type="button" className="icon-button" aria-label={`Remove ${album.title} from favourites`} title="Remove" onClick={() => remove(index)}>
                  <span aria-hidden="true">×</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {save.isError && <Alert tone="error">Your favourites were not saved: {save.error.message}</Alert>}
      {shown.length < MAX_FAVOURITES && (
        <FavouritePicker
          excludeIds={shown.map((album) => album.id)}
          onPick={(album) => commit([...shown, album], `${album.title} added to your favourites.`)}
        />
      )}
    </div>
  );
}
