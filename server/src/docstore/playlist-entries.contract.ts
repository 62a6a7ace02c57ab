import type { PlaylistDocument, PlaylistRepository } from './playlist-store.port';
import { entries, entry, newPlaylist, ok, refused, someone, titles, UNKNOWN_ID, type PlaylistContractStores } from './playlist-contract-fixtures';

/**
 * The entry and collaborator contract every adapter keeps: each a single atomic write, adds
 * without a version that never lose each other, and version checks on edits. Registered inside
 * an adapter's describe block by the document store suite.
 */
export function playlistEntriesContract(stores: () => PlaylistContractStores): void {
  const repo = () => stores().playlists;

  async function playlistOf(count: number, store: PlaylistRepository = repo()): Promise<PlaylistDocument> {
    return (await store.create(newPlaylist(someone(), { entries: entries(count) }))).doc;
  }

  it('when entries are added at the end, at a position, past the end or several at once, then they land there in order', async () => {
    const doc = await playlistOf(2);
    const stored = async () => titles((await repo().get(doc.id))!);
    const appended = ok(await repo().addEntries(doc.id, [entry('end')]));
    expect(await stored()).toEqual(['t0', 't1', 'end']);
    expect(appended).toMatchObject({ version: 2, entryCount: 3 });
    ok(await repo().addEntries(doc.id, [entry('start')], 0));
    expect(await stored()).toEqual(['start', 't0', 't1', 'end']);
    ok(await repo().addEntries(doc.id, [entry('m1'), entry('m2'), entry('m3')], 2));
    expect(await stored()).toEqual(['start', 't0', 'm1', 'm2', 'm3', 't1', 'end']);
    const clamped = ok(await repo().addEntries(doc.id, [entry('far')], 1e12));
    expect(await stored()).toEqual(['start', 't0', 'm1', 'm2', 'm3', 't1', 'end', 'far']);
    expect(clamped).toMatchObject({ version: 5, entryCount: 8 });
    expect({ ...(await repo().get(doc.id))!, entries: [] }).toEqual({ ...clamped, entries: [] });
  });

  it('when entries are added, then the write answers the new total and only the entries it added, as stored', async () => {
    const doc = await playlistOf(30);
    const added = [entry('x'), entry('y')];
    const written = ok(await repo().addEntries(doc.id, added, 10));
    expect(written).toMatchObject({ id: doc.id, version: 2, entryCount: 32, title: doc.title });
    expect(titles(written)).toEqual(['x', 'y']);
    const after = (await repo().get(doc.id))!;
    expect(written.entries).toEqual(after.entries.slice(10, 12));
  });

  it('when an add would pass the limit, then it is refused whole as full with the document unchanged', async () => {
    const small = stores().small;
    expect(small.maxEntries).toBe(5);
    const doc = await playlistOf(3, small);
    const full = refused(await small.addEntries(doc.id, [entry('a'), entry('b'), entry('c')]), 'full');
    expect(full).toEqual(doc);
    ok(await small.addEntries(doc.id, [entry('a'), entry('b')], 1));
    const filled = (await small.get(doc.id))!;
    expect(titles(filled)).toEqual(['t0', 'a', 'b', 't1', 't2']);
    expect(refused(await small.addEntries(doc.id, [entry('one more')], 0), 'full')).toEqual(filled);
    expect(await small.get(doc.id)).toEqual(filled);
    await expect(small.create(newPlaylist(someone(), { entries: entries(6) }))).rejects.toThrow(RangeError);
  });

  it('when twenty people add at once without a version, then every entry lands and each write has its own version', async () => {
    const doc = await playlistOf(0);
    const added = Array.from({ length: 20 }, (_, i) => entry(`racer${i}`));
    const writes = await Promise.all(added.map((e) => repo().addEntries(doc.id, [e])));
    const versions = writes.map((w) => ok(w).version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const after = (await repo().get(doc.id))!;
    expect(after.entryCount).toBe(20);
    expect(after.entries.map((e) => e.id).sort()).toEqual(added.map((e) => e.id).sort());
  });

  it('when more adders race than the limit has room for, then exactly the room is filled and the rest are told full', async () => {
    const small = stores().small;
    const doc = await playlistOf(1, small);
    const writes = await Promise.all(Array.from({ length: 8 }, (_, i) => small.addEntries(doc.id, [entry(`racer${i}`)])));
    expect(writes.filter((w) => w.status === 'ok')).toHaveLength(4);
    expect(writes.filter((w) => w.status === 'full')).toHaveLength(4);
    const after = (await small.get(doc.id))!;
    expect(after.entryCount).toBe(5);
    expect(after.entries).toHaveLength(5);
  });

  it('when every entry is replaced, then the new ones are there in order with the new title, and the id, visibility and collaborators stay', async () => {
    const doc = (await repo().create(newPlaylist(someone(), { entries: entries(3), visibility: 'followers', title: 'Old name' }))).doc;
    ok(await repo().inviteCollaborator(doc.id, 'friend', 10));
    const replaced = ok(await repo().replaceEntries(doc.id, entries(4, 'new'), { title: 'Fresh name', description: 'From the service' }));
    expect(titles(replaced)).toEqual(['new0', 'new1', 'new2', 'new3']);
    expect(replaced).toMatchObject({ id: doc.id, entryCount: 4, version: 3, visibility: 'followers', title: 'Fresh name', description: 'From the service' });
    expect(replaced.collaborators.map((c) => c.userId)).toEqual(['friend']);
    expect(await repo().get(doc.id)).toEqual(replaced);
    expect((await repo().list({ ids: [doc.id], titleQuery: 'fresh' }, { sort: 'updated', limit: 5 })).map((d) => d.id)).toEqual([doc.id]);
    // Without a patch only the entries change; an empty replacement empties the playlist.
    const emptied = ok(await repo().replaceEntries(doc.id, []));
    expect(emptied).toMatchObject({ entryCount: 0, entries: [], title: 'Fresh name', version: 4 });
    expect(await repo().replaceEntries(UNKNOWN_ID, entries(1))).toEqual({ status: 'not_found' });
    expect(await repo().replaceEntries('not-an-id', entries(1))).toEqual({ status: 'not_found' });
  });

  it('when a replacement would pass the limit, then it is refused and the document is unchanged', async () => {
    const small = stores().small;
    const doc = await playlistOf(2, small);
    await expect(small.replaceEntries(doc.id, entries(6))).rejects.toThrow(RangeError);
    expect(titles(ok(await small.replaceEntries(doc.id, entries(5, 'r'))))).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect((await small.get(doc.id))!.entryCount).toBe(5);
  });

  it('when an entry is removed, then it goes once: again is entry_not_found, and a stale version is a conflict', async () => {
    const doc = await playlistOf(3);
    const [first, second] = doc.entries;
    const removed = ok(await repo().removeEntry(doc.id, second!.id, 1));
    expect(titles(removed)).toEqual(['t0', 't2']);
    expect(removed).toMatchObject({ version: 2, entryCount: 2 });
    expect(refused(await repo().removeEntry(doc.id, second!.id), 'entry_not_found')).toEqual(removed);
    expect(refused(await repo().removeEntry(doc.id, second!.id, 2), 'entry_not_found')).toEqual(removed);
    // The stale version wins over the missing entry: the client must reload either way.
    expect(refused(await repo().removeEntry(doc.id, second!.id, 1), 'conflict')).toEqual(removed);
    expect(refused(await repo().removeEntry(doc.id, first!.id, 1), 'conflict')).toEqual(removed);
    expect(titles(ok(await repo().removeEntry(doc.id, first!.id)))).toEqual(['t2']);
  });

  it('when an entry moves, then it lands at the start, the middle, the end, or clamped to the end', async () => {
    const doc = await playlistOf(5);
    const id = (n: number) => doc.entries[n]!.id;
    const toStart = ok(await repo().moveEntry(doc.id, id(3), 0, 1));
    expect(titles(toStart)).toEqual(['t3', 't0', 't1', 't2', 't4']);
    expect(toStart).toMatchObject({ version: 2, entryCount: 5 });
    expect(titles(ok(await repo().moveEntry(doc.id, id(3), 2, 2)))).toEqual(['t0', 't1', 't3', 't2', 't4']);
    expect(titles(ok(await repo().moveEntry(doc.id, id(0), 4, 3)))).toEqual(['t1', 't3', 't2', 't4', 't0']);
    expect(titles(ok(await repo().moveEntry(doc.id, id(1), 1e9, 4)))).toEqual(['t3', 't2', 't4', 't0', 't1']);
    expect(titles(ok(await repo().moveEntry(doc.id, id(2), 1)))).toEqual(['t3', 't2', 't4', 't0', 't1']);
    const final = (await repo().get(doc.id))!;
    expect(final).toMatchObject({ version: 6, entryCount: 5 });
    expect(final.entries.map((e) => e.id).sort()).toEqual(doc.entries.map((e) => e.id).sort());
  });

  it('when a move is based on a stale version or names no entry, then nothing moves and the answer says why', async () => {
    const doc = await playlistOf(3);
    const moved = ok(await repo().moveEntry(doc.id, doc.entries[2]!.id, 0, 1));
    expect(refused(await repo().moveEntry(doc.id, doc.entries[0]!.id, 2, 1), 'conflict')).toEqual(moved);
    expect(refused(await repo().moveEntry(doc.id, 'AAAAAAAAAAAA', 0, 2), 'entry_not_found')).toEqual(moved);
    expect(refused(await repo().moveEntry(doc.id, '$literal', 0), 'entry_not_found')).toEqual(moved);
    expect(await repo().get(doc.id)).toEqual(moved);
  });

  it('when an entry’s note is edited, then only that note changes; null clears it; an empty patch keeps it', async () => {
    const doc = await playlistOf(3);
    const target = doc.entries[1]!;
    const noted = ok(await repo().updateEntry(doc.id, target.id, { note: '$set {"a":1} — «ça» 🎧 日本' }, 1));
    expect(noted.entries.map((e) => e.note)).toEqual([null, '$set {"a":1} — «ça» 🎧 日本', null]);
    expect(noted.entries[1]).toEqual({ ...target, note: '$set {"a":1} — «ça» 🎧 日本' });
    expect(noted.entries[0]).toEqual(doc.entries[0]);
    expect(noted.version).toBe(2);
    expect(ok(await repo().updateEntry(doc.id, target.id, {})).entries[1]!.note).toBe('$set {"a":1} — «ça» 🎧 日本');
    expect(ok(await repo().updateEntry(doc.id, target.id, { note: null }, 3)).entries[1]!.note).toBeNull();
    expect(refused(await repo().updateEntry(doc.id, target.id, { note: 'stale' }, 1), 'conflict').entries[1]!.note).toBeNull();
    expect(refused(await repo().updateEntry(doc.id, 'AAAAAAAAAAAA', { note: 'x' }), 'entry_not_found').version).toBe(4);
  });

  it('when a collaborator is invited, accepts and is removed, then each step shows, and repeats are harmless or refused', async () => {
    const doc = await playlistOf(0);
    const friend = someone('friend');
    const invited = ok(await repo().inviteCollaborator(doc.id, friend, 20));
    expect(invited.collaborators).toEqual([{ userId: friend, status: 'invited', invitedAt: expect.any(Date) }]);
    expect(invited.version).toBe(2);
    expect(ok(await repo().inviteCollaborator(doc.id, friend, 20))).toEqual(invited);
    expect(refused(await repo().acceptCollaborator(doc.id, someone('stranger')), 'entry_not_found')).toEqual(invited);
    const accepted = ok(await repo().acceptCollaborator(doc.id, friend));
    expect(accepted.collaborators).toEqual([{ ...invited.collaborators[0], status: 'accepted' }]);
    expect(accepted.version).toBe(3);
    expect(ok(await repo().acceptCollaborator(doc.id, friend))).toEqual(accepted);
    expect(ok(await repo().inviteCollaborator(doc.id, friend, 20))).toEqual(accepted);
    const removed = ok(await repo().removeCollaborator(doc.id, friend));
    expect(removed.collaborators).toEqual([]);
    expect(refused(await repo().removeCollaborator(doc.id, friend), 'entry_not_found')).toEqual(removed);
    expect(await repo().list({ collaborator: friend }, { sort: 'updated', limit: 5 })).toEqual([]);
    // An invitation can be withdrawn or declined as well.
    ok(await repo().inviteCollaborator(doc.id, friend, 20));
    expect(ok(await repo().removeCollaborator(doc.id, friend)).collaborators).toEqual([]);
    expect(refused(await repo().acceptCollaborator(doc.id, friend), 'entry_not_found').collaborators).toEqual([]);
  });

  it('when the collaborator limit is reached, invited and accepted alike, then one more is too_many_collaborators, even racing', async () => {
    const doc = await playlistOf(0);
    const [a, b] = [someone('a'), someone('b')];
    ok(await repo().inviteCollaborator(doc.id, a, 2));
    ok(await repo().acceptCollaborator(doc.id, a));
    ok(await repo().inviteCollaborator(doc.id, b, 2));
    const full = refused(await repo().inviteCollaborator(doc.id, someone('c'), 2), 'too_many_collaborators');
    expect(full.collaborators.map((c) => c.userId)).toEqual([a, b]);
    expect(ok(await repo().inviteCollaborator(doc.id, b, 2)).collaborators).toHaveLength(2);

    const racing = await playlistOf(0);
    const writes = await Promise.all(Array.from({ length: 6 }, () => repo().inviteCollaborator(racing.id, someone('racer'), 3)));
    expect(writes.filter((w) => w.status === 'ok')).toHaveLength(3);
    expect((await repo().get(racing.id))!.collaborators).toHaveLength(3);
  });
}
