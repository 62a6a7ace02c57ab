import { DEFAULT_MAX_ENTRIES } from './playlist-input';
import type { PlaylistDocument } from './playlist-store.port';
import {
  MALFORMED_IDS,
  UNKNOWN_ID,
  entries,
  entry,
  newPlaylist,
  ok,
  refused,
  someone,
  titles,
  type PlaylistContractStores,
} from './playlist-contract-fixtures';

/**
 * The playlist document contract every adapter keeps: create, read, owner edits, deletion and
 * account deletion. Registered inside an adapter's describe block by the document store suite.
 */
export function playlistDocumentsContract(stores: () => PlaylistContractStores): void {
  const repo = () => stores().playlists;

  it('when a playlist is created, then it reads back exactly, unicode, entries, credit and all, with dates as Dates', async () => {
    const owner = someone('owner');
    const first = entry('Jóga', {
      trackId: 'track-1',
      serviceIds: { spotify: '4abc', apple: '123' },
      note: 'ça commence 🎧',
      snapshot: { isrc: 'GBAAA9700001' },
    });
    const second = entry('東京 · تجربة · 🎶', { albumId: 'album-9', snapshot: { artists: [], durationMs: 245_000, explicit: true } });
    const { doc, created } = await repo().create(
      newPlaylist(owner, {
        kind: 'list',
        title: 'Björk — Homogenic 🎧 東京',
        description: 'Line one\nLine two «guillemets»',
        ranked: true,
        visibility: 'people',
        sharedWith: ['friend-1', 'friend-2', 'friend-1'],
        linkToken: 'AAAAAAAAAAAAAAAAAAAAAA',
        clonedFrom: { id: UNKNOWN_ID, ownerId: 'someone-else', title: 'Original' },
        entries: [first, second],
      }),
    );
    expect(created).toBe(true);
    expect(doc).toMatchObject({
      ownerId: owner,
      kind: 'list',
      title: 'Björk — Homogenic 🎧 東京',
      ranked: true,
      visibility: 'people',
      sharedWith: ['friend-1', 'friend-2'],
      collaborators: [],
      version: 1,
      entryCount: 2,
    });
    expect(doc.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(doc.updatedAt).toEqual(doc.createdAt);
    const read = await repo().get(doc.id);
    expect(read).toEqual(doc);
    expect(read!.createdAt).toBeInstanceOf(Date);
    expect(read!.entries[0]!.addedAt).toBeInstanceOf(Date);
    expect(read!.entries).toEqual([first, second]);
  });

  it('when a playlist is created with only what is required, then the defaults are filled', async () => {
    const { doc } = await repo().create(newPlaylist(someone()));
    expect(doc).toMatchObject({ description: '', ranked: false, sharedWith: [], linkToken: null, clonedFrom: null, entryCount: 0, entries: [] });
    expect(await repo().get(doc.id)).toEqual(doc);
  });

  it('when read with a number of entries, then the document carries only its first ones, and its full count', async () => {
    const { doc } = await repo().create(newPlaylist(someone(), { entries: entries(6) }));
    const { entries: all, ...rest } = doc;
    expect(await repo().get(doc.id, { entries: 0 })).toEqual({ ...rest, entries: [] });
    expect(await repo().get(doc.id, { entries: 2 })).toEqual({ ...rest, entries: all.slice(0, 2) });
    expect(await repo().get(doc.id, { entries: 100 })).toEqual(doc);
    expect(await repo().get(doc.id, { entries: -3 })).toEqual({ ...rest, entries: [] });
    expect(await repo().get(doc.id, {})).toEqual(doc);
    expect(await repo().get(UNKNOWN_ID, { entries: 2 })).toBeNull();
  });

  it('when the id is unknown or malformed, then reads answer null and writes not_found, without throwing', async () => {
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      expect(await repo().get(id)).toBeNull();
      expect(await repo().update(id, { title: 'x' })).toEqual({ status: 'not_found' });
      expect(await repo().update(id, { title: 'x' }, 1)).toEqual({ status: 'not_found' });
      expect(await repo().addEntries(id, [entry('x')])).toEqual({ status: 'not_found' });
      expect(await repo().removeEntry(id, 'AAAAAAAAAAAA')).toEqual({ status: 'not_found' });
      expect(await repo().moveEntry(id, 'AAAAAAAAAAAA', 0, 1)).toEqual({ status: 'not_found' });
      expect(await repo().updateEntry(id, 'AAAAAAAAAAAA', { note: 'x' })).toEqual({ status: 'not_found' });
      expect(await repo().inviteCollaborator(id, 'u', 20)).toEqual({ status: 'not_found' });
      expect(await repo().acceptCollaborator(id, 'u')).toEqual({ status: 'not_found' });
      expect(await repo().removeCollaborator(id, 'u')).toEqual({ status: 'not_found' });
      expect(await repo().delete(id)).toBe(false);
    }
  });

  it('when the input is broken, then create refuses it and stores nothing', async () => {
    const owner = someone();
    const twice = entry('twice');
    await expect(repo().create(newPlaylist(owner, { entries: [twice, twice] }))).rejects.toThrow(/twice/);
    await expect(repo().create(newPlaylist(owner, { entries: [entry('x', { id: 'no' })] }))).rejects.toThrow(/malformed/);
    await expect(repo().create(newPlaylist(owner, { kind: 'album' as never }))).rejects.toThrow();
    await expect(repo().create(newPlaylist(owner, { visibility: 'everyone' as never }))).rejects.toThrow();
    await expect(repo().create(newPlaylist(''))).rejects.toThrow();
    expect(await repo().list({ ownerIds: [owner] }, { sort: 'updated', limit: 10 })).toEqual([]);
  });

  it('when created with an idempotency key twice, even at once, then one playlist exists and every call returns it', async () => {
    const owner = someone();
    const first = await repo().create(newPlaylist(owner, { idempotencyKey: 'import-1', entries: entries(2) }));
    const again = await repo().create(newPlaylist(owner, { idempotencyKey: 'import-1', title: 'Other title' }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ doc: first.doc, created: false });

    const racers = await Promise.all(Array.from({ length: 10 }, () => repo().create(newPlaylist(owner, { idempotencyKey: 'import-2' }))));
    expect(racers.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(racers.map((r) => r.doc.id)).size).toBe(1);

    const otherOwner = await repo().create(newPlaylist(someone(), { idempotencyKey: 'import-1' }));
    expect(otherOwner.created).toBe(true);
    const unkeyed = [await repo().create(newPlaylist(owner)), await repo().create(newPlaylist(owner))];
    expect(unkeyed.every((r) => r.created)).toBe(true);
    expect(await repo().list({ ownerIds: [owner] }, { sort: 'updated', limit: 10 })).toHaveLength(4);
  });

  it('when the owner edits without a version, then the fields change, the version moves on and the list finds the new title', async () => {
    const owner = someone();
    const { doc } = await repo().create(newPlaylist(owner, { title: 'Old', createdAt: new Date(Date.now() - 60_000) }));
    const edited = ok(
      await repo().update(doc.id, {
        title: 'Sigur Rós — Ágætis byrjun',
        description: 'new',
        ranked: true,
        visibility: 'link',
        sharedWith: ['a', 'b', 'a'],
        linkToken: 'BBBBBBBBBBBBBBBBBBBBBB',
      }),
    );
    expect(edited).toMatchObject({ title: 'Sigur Rós — Ágætis byrjun', description: 'new', ranked: true, visibility: 'link', sharedWith: ['a', 'b'] });
    expect(edited).toMatchObject({ linkToken: 'BBBBBBBBBBBBBBBBBBBBBB', version: 2, createdAt: doc.createdAt });
    expect(edited.updatedAt.getTime()).toBeGreaterThan(doc.updatedAt.getTime());
    expect(await repo().get(doc.id)).toEqual(edited);
    expect(await repo().list({ ownerIds: [owner], titleQuery: 'agaetis' }, { sort: 'updated', limit: 5 })).toHaveLength(1);
    expect(await repo().list({ ownerIds: [owner], titleQuery: 'old' }, { sort: 'updated', limit: 5 })).toEqual([]);

    const cleared = ok(await repo().update(doc.id, { linkToken: null }));
    expect(cleared).toMatchObject({ linkToken: null, title: 'Sigur Rós — Ágætis byrjun', visibility: 'link', version: 3 });
  });

  it('when the owner edits with the current version, then it applies; with a stale one, then conflict carries the current document', async () => {
    const { doc } = await repo().create(newPlaylist(someone(), { title: 'v1', entries: entries(2) }));
    const v2 = ok(await repo().update(doc.id, { title: 'v2' }, 1));
    expect(v2.version).toBe(2);
    const current = refused(await repo().update(doc.id, { title: 'stale' }, 1), 'conflict');
    expect(current).toEqual(v2);
    expect(current.entries).toHaveLength(2);
    expect(refused(await repo().update(doc.id, { title: 'future' }, 99), 'conflict').title).toBe('v2');
    expect((await repo().get(doc.id))!.title).toBe('v2');
  });

  it('when a playlist is deleted, then it is gone, and deleting again answers false', async () => {
    const { doc } = await repo().create(newPlaylist(someone(), { entries: entries(3) }));
    expect(await repo().delete(doc.id)).toBe(true);
    expect(await repo().get(doc.id)).toBeNull();
    expect(await repo().delete(doc.id)).toBe(false);
    expect(await repo().addEntries(doc.id, [entry('late')])).toEqual({ status: 'not_found' });
  });

  it('when an owner’s playlists are deleted, then exactly those go and their ids come back', async () => {
    const [owner, other] = [someone('owner'), someone('other')];
    const mine = [await repo().create(newPlaylist(owner)), await repo().create(newPlaylist(owner, { kind: 'list', visibility: 'private' }))];
    const theirs = await repo().create(newPlaylist(other));
    const deleted = await repo().deleteByOwner(owner);
    expect(deleted.sort()).toEqual(mine.map((m) => m.doc.id).sort());
    expect(await repo().get(mine[0]!.doc.id)).toBeNull();
    expect(await repo().get(theirs.doc.id)).not.toBeNull();
    expect(await repo().deleteByOwner(owner)).toEqual([]);
  });

  it('when a user is forgotten, then they leave every collaboration, invitation and share, and nothing else changes', async () => {
    const [owner, gone, stays] = [someone('owner'), someone('gone'), someone('stays')];
    const shared = (await repo().create(newPlaylist(owner, { visibility: 'people', sharedWith: [stays, gone] }))).doc;
    const collaborating = (await repo().create(newPlaylist(owner))).doc;
    ok(await repo().inviteCollaborator(collaborating.id, gone, 20));
    ok(await repo().acceptCollaborator(collaborating.id, gone));
    ok(await repo().inviteCollaborator(collaborating.id, stays, 20));
    const invited = (await repo().create(newPlaylist(owner))).doc;
    const beforeInvite = ok(await repo().inviteCollaborator(invited.id, gone, 20));
    const untouched = (await repo().create(newPlaylist(owner, { visibility: 'people', sharedWith: [stays] }))).doc;

    await repo().forgetUser(gone);

    const afterShared = (await repo().get(shared.id))!;
    expect(afterShared.sharedWith).toEqual([stays]);
    expect(afterShared.version).toBe(shared.version + 1);
    expect((await repo().get(collaborating.id))!.collaborators.map((c) => [c.userId, c.status])).toEqual([[stays, 'invited']]);
    const afterInvited = (await repo().get(invited.id))!;
    expect(afterInvited.collaborators).toEqual([]);
    // Not an edit by anyone: the place in "recently updated" lists stays.
    expect(afterInvited.updatedAt).toEqual(beforeInvite.updatedAt);
    expect(await repo().get(untouched.id)).toEqual(untouched);
    for (const filter of [{ collaborator: gone }, { invited: gone }, { sharedWith: gone }])
      expect(await repo().list(filter, { sort: 'updated', limit: 10 })).toEqual([]);
    expect((await repo().list({ invited: stays }, { sort: 'updated', limit: 10 })).map((d) => d.id)).toEqual([collaborating.id]);
  });

  it('when no limit is set, then it is 10,000 entries: a full playlist takes no 10,001st', async () => {
    expect(repo().maxEntries).toBe(10_000);
    expect(DEFAULT_MAX_ENTRIES).toBe(10_000);
    const full = (await repo().create(newPlaylist(someone(), { entries: entries(10_000) }))).doc;
    expect(full.entryCount).toBe(10_000);
    const refusedDoc = refused(await repo().addEntries(full.id, [entry('one too many')]), 'full');
    expect(refusedDoc.entryCount).toBe(10_000);
    expect(refusedDoc.version).toBe(1);
    const last = full.entries[9_999]!;
    const removed = ok(await repo().removeEntry(full.id, last.id, 1));
    expect(removed.entryCount).toBe(9_999);
    const refilled = ok(await repo().addEntries(full.id, [entry('the last one')], 0));
    expect(refilled.entryCount).toBe(10_000);
    expect(titles((await repo().get(full.id))!).slice(0, 2)).toEqual(['the last one', 't0']);
    await expect(repo().create(newPlaylist(someone(), { entries: entries(10_001) }))).rejects.toThrow(RangeError);
  });
}

/** Narrows a list of documents to their titles, for order assertions. */
export function docTitles(docs: PlaylistDocument[]): string[] {
  return docs.map((d) => d.title);
}
