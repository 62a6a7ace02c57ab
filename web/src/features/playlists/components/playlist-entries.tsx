import type { PlaylistEntryView, PlaylistView } from '@muse/shared';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { MenuButton, type MenuAction } from '../../../components/ui/menu-button';
import { PreviewButton } from '../../../components/ui/preview-button';
import { usePreviewPlayer, type PreviewTrack } from '../../../lib/preview-player';
import { applyEntryEdit, useEntryEdits, usePendingEntryEdits, type EntryEdit } from '../api/use-entry-edits';
import { failureNotice, outcomeNotice, type EditNotice } from './edit-messages';
import { AlbumEntryContent, entryLabel, TrackEntryContent } from './entry-content';
import { EntryNoteEditor } from './entry-note-editor';
import { MovePositionDialog } from './move-position-dialog';
import { useDragReorder } from './use-drag-reorder';

interface PlaylistEntriesProps {
  playlist: PlaylistView;
  /** Owner or accepted collaborator: may move, annotate and remove entries. */
  canEdit: boolean;
}

type FocusTarget = { id: string; control: 'handle' | 'actions'; index: number };

/** A track entry as the preview player shows it (entries not in the catalog have no preview). */
function previewTrackOf(entry: PlaylistEntryView): PreviewTrack {
  return {
    trackId: entry.trackId ?? null,
    title: entry.snapshot.title,
    artist: entry.snapshot.artists.join(', '),
    album: entry.album?.title ?? entry.snapshot.album ?? null,
    coverUrl: entry.album?.coverUrl ?? entry.snapshot.coverUrl ?? null,
  };
}

/**
 * The entries of a playlist (track rows) or list (album cards, numbered when ranked). Editors
 * reorder by dragging a row's handle, by the arrow keys on it, or with each row's "Move up",
 * "Move down" and "Move to position…" actions; they edit notes inline and remove entries. Each
 * change shows at once, is announced to screen readers, and is saved in order; a change that
 * could not be saved as asked is said so on the page.
 */
export function PlaylistEntries({ playlist, canEdit }: PlaylistEntriesProps) {
  const edits = useEntryEdits(playlist.id);
  const player = usePreviewPlayer();
  const pending = usePendingEntryEdits(playlist.id);
  const shown = pending.reduce(applyEntryEdit, playlist);
  const [announcement, setAnnouncement] = useState('');
  const [notice, setNotice] = useState<EditNotice | null>(null);
  const [editingNote, setEditingNote] = useState<string | null>(null);
  const [moving, setMoving] = useState<{ id: string; title: string; index: number } | null>(null);
  const focusAfter = useRef<FocusTarget | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const byId = new Map(shown.entries.map((entry) => [entry.id, entry]));
  const ids = shown.entries.map((entry) => entry.id);
  const total = ids.length;

  const run = (edit: EntryEdit) => {
    setNotice(null);
    // One promise per edit: each outcome is reported, not only the latest one's.
    edits.mutateAsync(edit).then(
      (outcome) => {
        const message = outcomeNotice(outcome);
        if (message) setNotice(message);
        if (outcome.status === 'saved' && edit.type === 'note')
          setAnnouncement(edit.note ? `Note saved on ${edit.label}.` : `Note removed from ${edit.label}.`);
      },
      (error: unknown) => {
        focusAfter.current = null;
        setNotice(failureNotice(edit, error));
      },
    );
  };

  const move = (entry: PlaylistEntryView, to: number, control: FocusTarget['control']) => {
    const from = ids.indexOf(entry.id);
    if (from === -1 || to < 0 || to >= total || to === from) return;
    focusAfter.current = { id: entry.id, control, index: to };
    setAnnouncement(`Moved ${entryLabel(entry)} to position ${to + 1} of ${total}.`);
    run({ type: 'move', entryId: entry.id, position: to, label: entryLabel(entry) });
  };

  const drag = useDragReorder(ids, (id, index) => {
    const entry = byId.get(id);
    if (entry) move(entry, index, 'handle');
  });
  const entries = drag.order ? drag.order.flatMap((id) => byId.get(id) ?? []) : shown.entries;

  // Keyed rows keep their DOM node when they move, but the browser drops focus from a moved
  // node: once the row is where it was sent, the control that moved it gets focus back.
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || !listRef.current) return;
    if (entries.findIndex((entry) => entry.id === wanted.id) !== wanted.index) return;
    focusAfter.current = null;
    const row = listRef.current.querySelector(`[data-entry-id="${CSS.escape(wanted.id)}"]`);
    const selector = wanted.control === 'handle' ? '[data-control="handle"]' : '[aria-haspopup="menu"]';
    row?.querySelector<HTMLElement>(selector)?.focus();
  });

  const handleKey = (event: KeyboardEvent, entry: PlaylistEntryView, index: number) => {
    const steps: Record<string, number> = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: total - 1 };
    const to = steps[event.key];
    if (to === undefined) return;
    event.preventDefault();
    move(entry, to, 'handle');
  };

  const actionsFor = (entry: PlaylistEntryView, index: number): MenuAction[] => {
    const label = entryLabel(entry);
    const actions: MenuAction[] = [];
    if (index > 0) actions.push({ id: 'up', label: 'Move up', onSelect: () => move(entry, index - 1, 'actions') });
    if (index < total - 1) actions.push({ id: 'down', label: 'Move down', onSelect: () => move(entry, index + 1, 'actions') });
    if (total > 1) actions.push({ id: 'to', label: 'Move to position…', onSelect: () => setMoving({ id: entry.id, title: label, index }) });
    actions.push({ id: 'note', label: entry.note ? 'Edit note' : 'Add note', onSelect: () => setEditingNote(entry.id) });
    actions.push({
      id: 'remove',
      label: 'Remove',
      onSelect: () => {
        setAnnouncement(`Removed ${label}.`);
        run({ type: 'remove', entryId: entry.id, label });
      },
    });
    return actions;
  };

  const isList = playlist.kind === 'list';
  const numbered = !isList || playlist.ranked;
  // Signed in, a playlist's tracks play their previews in order (next and previous follow the list).
  const playable = !isList && player !== null;
  const previewQueue = playable ? entries.map(previewTrackOf) : [];

  return (
    <div className="playlist-entries">
      <p className="sr-only" role="status" aria-live="polite" data-testid="entry-announcer">
        {announcement}
      </p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {total === 0 ? (
        <EmptyEntries isList={isList} canEdit={canEdit} />
      ) : (
        <ol
          ref={listRef}
          className={`entry-list ${isList ? 'entry-list-albums' : 'entry-list-tracks'}${canEdit ? ' entry-list-editable' : ''}${numbered ? ' entry-list-numbered' : ''}${playable ? ' entry-list-playable' : ''}`}
        >
          {entries.map((entry, index) => {
            const label = entryLabel(entry);
            return (
              <li key={entry.id} data-entry-id={entry.id} className={`entry-row${drag.draggingId === entry.id ? ' entry-row-dragging' : ''}`}>
                {canEdit && (
                  <button
                    type="button"
                    className="entry-handle"
                    data-control="handle"
                    aria-label={`Reorder ${label}, position ${index + 1} of ${total}: drag, or use the up and down arrow keys`}
                    title="Drag to reorder"
                    {...drag.handleProps(entry.id)}
                    onKeyDown={(event) => handleKey(event, entry, index)}
                  >
                    <span aria-hidden="true">⠿</span>
                  </button>
                )}
                {numbered && (
                  <span className="entry-number" aria-label={isList ? `Number ${index + 1}` : undefined}>
                    {index + 1}
                  </span>
                )}
                {playable && (
                  <span className="entry-play">
                    <PreviewButton track={previewQueue[index]!} queue={previewQueue} />
                  </span>
                )}
                {isList ? <AlbumEntryContent entry={entry} owner={playlist.owner} /> : <TrackEntryContent entry={entry} owner={playlist.owner} />}
                {canEdit && (
                  <span className="entry-actions">
                    <MenuButton label={`Actions for ${label}`} actions={actionsFor(entry, index)}>
                      <span aria-hidden="true">⋯</span>
                    </MenuButton>
                  </span>
                )}
                {editingNote === entry.id ? (
                  <div className="entry-note">
                    <EntryNoteEditor
                      title={label}
                      note={entry.note}
                      onCancel={() => setEditingNote(null)}
                      onSave={(note) => {
                        setEditingNote(null);
                        if (note !== entry.note) run({ type: 'note', entryId: entry.id, note, label });
                      }}
                    />
                  </div>
                ) : (
                  entry.note && <p className="entry-note">{entry.note}</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <MovePositionDialog
        target={moving}
        total={total}
        onClose={() => setMoving(null)}
        onMove={(index) => {
          const entry = moving ? byId.get(moving.id) : undefined;
          setMoving(null);
          if (entry) move(entry, index, 'actions');
        }}
      />
    </div>
  );
}

function EmptyEntries({ isList, canEdit }: { isList: boolean; canEdit: boolean }) {
  if (!canEdit) return <p className="empty-state">{isList ? 'This list has no albums yet.' : 'This playlist has no tracks yet.'}</p>;
  return (
    <div className="empty-state">
      <p>{isList ? 'No albums yet.' : 'No tracks yet.'}</p>
      <p>
        {isList
          ? 'Open any album and choose “Add to list” under its title.'
          : 'Open any album and choose “Add to playlist” on a track, or add the whole album from under its title.'}{' '}
        <Link to="/search">Search for an album</Link> or <Link to="/charts">browse the charts</Link>.
      </p>
    </div>
  );
}
