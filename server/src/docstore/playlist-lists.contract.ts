import type { PlaylistFilter, PlaylistListOptions } from './playlist-store.port';
import { MALFORMED_IDS, UNKNOWN_ID, entries, newPlaylist, ok, someone, titles, type PlaylistContractStores } from './playlist-contract-fixtures';

/**
 * The playlist list contract every adapter keeps: each filter, both sorts, paging with `after`,
 * and leading entries only. Registered inside an adapter's describe block by the document store suite.
 */
export function playlistListsContract(stores: () => PlaylistContractStores): void {
  const repo = () => stores().playlists;
  const list = async (filter: PlaylistFilter, options: Partial<PlaylistListOptions> = {}) =>
    (await repo().list(filter, { sort: 'updated', limit: 50, ...options })).map((d) => d.title);

  /** Playlists of one owner, one second apart, oldest first: titles p0, p1, ... */
  async function series(ownerId: string, count: number, at = Date.now() - 3_600_000) {
    const docs = [];
    for (let i = 0; i < count; i++) docs.push((await repo().create(newPlaylist(ownerId, { title: `p${i}`, createdAt: new Date(at + i * 1000) }))).doc);
    return docs;
  }

  it('when listing by owner, then most recently changed comes first with `updated` and newest first with `created`', async () => {
    const owner = someone();
    const [p0, , p2] = await series(owner, 4);
    ok(await repo().update(p0!.id, { description: 'touched' }));
    expect(await list({ ownerIds: [owner] })).toEqual(['p0', 'p3', 'p2', 'p1']);
    expect(await list({ ownerIds: [owner] }, { sort: 'created' })).toEqual(['p3', 'p2', 'p1', 'p0']);
    ok(await repo().addEntries(p2!.id, entries(1)));
    expect(await list({ ownerIds: [owner] })).toEqual(['p2', 'p0', 'p3', 'p1']);
  });

  it('when paging with `after` in either sort, then every playlist comes once, in order, ties broken by id', async () => {
    const owner = someone();
    const at = Date.now() - 7_200_000;
    await series(owner, 5, at);
    // Three more at the very same instant: only their ids order them.
    for (const title of ['same-a', 'same-b', 'same-c']) await repo().create(newPlaylist(owner, { title, createdAt: new Date(at + 2500) }));
    for (const sort of ['updated', 'created'] as const) {
      const all = await repo().list({ ownerIds: [owner] }, { sort, limit: 50 });
      expect(all).toHaveLength(8);
      const seen: string[] = [];
      let after: PlaylistListOptions['after'];
      for (;;) {
        const page = await repo().list({ ownerIds: [owner] }, { sort, limit: 3, after });
        if (!page.length) break;
        seen.push(...page.map((d) => d.id));
        const last = page[page.length - 1]!;
        after = { at: sort === 'created' ? last.createdAt : last.updatedAt, id: last.id };
      }
      expect(seen).toEqual(all.map((d) => d.id));
    }
  });

  it('when the cursor is garbage or the limit silly, then the answer is still the first page, bounded', async () => {
    const owner = someone();
    await series(owner, 3);
    const first = await list({ ownerIds: [owner] });
    for (const after of [
      { at: new Date(NaN), id: UNKNOWN_ID },
      { at: new Date(), id: "'; DROP TABLE x; --" },
    ])
      expect(await list({ ownerIds: [owner] }, { after })).toEqual(first);
    expect(await list({ ownerIds: [owner] }, { limit: 0 })).toHaveLength(1);
    expect(await list({ ownerIds: [owner] }, { limit: -5 })).toHaveLength(1);
    expect(await list({ ownerIds: [owner] }, { limit: 1e9 })).toHaveLength(3);
  });

  it('when a list asks for n entries, then each playlist carries its first n in order and its full count, and none by default', async () => {
    const owner = someone();
    const { doc } = await repo().create(newPlaylist(owner, { entries: entries(30) }));
    ok(await repo().addEntries(doc.id, entries(2, 'front'), 0));
    const [four] = await repo().list({ ownerIds: [owner] }, { sort: 'updated', limit: 5, entries: 4 });
    expect(titles(four!)).toEqual(['front0', 'front1', 't0', 't1']);
    expect(four!.entryCount).toBe(32);
    expect(four!.entries[0]!.addedAt).toBeInstanceOf(Date);
    const [none] = await repo().list({ ownerIds: [owner] }, { sort: 'updated', limit: 5 });
    expect(none!.entries).toEqual([]);
    expect(none!.entryCount).toBe(32);
    const [all] = await repo().list({ ownerIds: [owner] }, { sort: 'updated', limit: 5, entries: 1000 });
    expect(all!.entries).toEqual((await repo().get(doc.id))!.entries);
  });

  it('when filtering by ids, kind and visibility, then only matches come back, and an empty "any of" matches nothing', async () => {
    const owner = someone();
    const a = (await repo().create(newPlaylist(owner, { title: 'a', kind: 'playlist', visibility: 'public' }))).doc;
    const b = (await repo().create(newPlaylist(owner, { title: 'b', kind: 'list', visibility: 'followers' }))).doc;
    await repo().create(newPlaylist(owner, { title: 'c', kind: 'list', visibility: 'private' }));
    expect((await list({ ids: [a.id, b.id, UNKNOWN_ID, ...MALFORMED_IDS] })).sort()).toEqual(['a', 'b']);
    expect(await list({ ids: MALFORMED_IDS })).toEqual([]);
    expect(await list({ ids: [] })).toEqual([]);
    expect(await list({ ownerIds: [] })).toEqual([]);
    expect(await list({ ownerIds: [owner], visibilities: [] })).toEqual([]);
    expect((await list({ ownerIds: [owner], kind: 'list' })).sort()).toEqual(['b', 'c']);
    expect((await list({ ownerIds: [owner], visibilities: ['public', 'followers'] })).sort()).toEqual(['a', 'b']);
    expect(await list({ ownerIds: [owner], kind: 'list', visibilities: ['public', 'followers'] })).toEqual(['b']);
    expect(await list({ ownerIds: [owner, someone()], ids: [a.id] })).toEqual(['a']);
    expect(await list({ ownerIds: [someone()] })).toEqual([]);
  });

  it('when filtering by collaborator, invitation and share, then each finds its own documents', async () => {
    const [owner, friend] = [someone('owner'), someone('friend')];
    const invitedTo = (await repo().create(newPlaylist(owner, { title: 'invited' }))).doc;
    const collaborating = (await repo().create(newPlaylist(owner, { title: 'collaborating' }))).doc;
    await repo().create(newPlaylist(owner, { title: 'shared', visibility: 'people', sharedWith: [friend, someone()] }));
    // Shared with the friend once, but no longer `people`: not "shared with me".
    await repo().create(newPlaylist(owner, { title: 'was shared', visibility: 'private', sharedWith: [friend] }));
    ok(await repo().inviteCollaborator(invitedTo.id, friend, 20));
    ok(await repo().inviteCollaborator(collaborating.id, friend, 20));
    ok(await repo().acceptCollaborator(collaborating.id, friend));
    expect(await list({ invited: friend })).toEqual(['invited']);
    expect(await list({ collaborator: friend })).toEqual(['collaborating']);
    expect(await list({ sharedWith: friend })).toEqual(['shared']);
    expect(await list({ sharedWith: friend, visibilities: ['public'] })).toEqual([]);
    expect(await list({ collaborator: owner })).toEqual([]);
    expect(await list({ collaborator: friend, kind: 'list' })).toEqual([]);
  });

  it('when searching titles, then every word must occur, whatever the case, accents, punctuation or script', async () => {
    const owner = someone();
    for (const title of ['Björk — Homogenic', 'Sigur Rós: Ágætis byrjun', 'HOMOGENIC deluxe', 'Nuits de Tōkyō 東京', 'R.E.M. & friends', 'Emoji 🎧 mix'])
      await repo().create(newPlaylist(owner, { title }));
    const search = async (titleQuery: string) => (await list({ ownerIds: [owner], titleQuery })).sort();
    expect(await search('bjork')).toEqual(['Björk — Homogenic']);
    expect(await search('homogenic')).toEqual(['Björk — Homogenic', 'HOMOGENIC deluxe']);
    expect(await search('HOMOGENIC  björk')).toEqual(['Björk — Homogenic']);
    expect(await search('sigur ros agaetis')).toEqual(['Sigur Rós: Ágætis byrjun']);
    expect(await search('AGÆTIS')).toEqual(['Sigur Rós: Ágætis byrjun']);
    expect(await search('tokyo 東京')).toEqual(['Nuits de Tōkyō 東京']);
    expect(await search('homo')).toEqual(['Björk — Homogenic', 'HOMOGENIC deluxe']);
    expect(await search('rem and')).toEqual(['R.E.M. & friends']);
    expect(await search('homogenic radiohead')).toEqual([]);
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    expect(await search('🎧')).toEqual([]);
    expect(await search('mix')).toEqual(['Emoji 🎧 mix']);
    // Words under three characters are left out; a query of only such words finds nothing.
    expect(await search('de')).toEqual([]);
    expect(await search('de tokyo')).toEqual(['Nuits de Tōkyō 東京']);
  });
}
