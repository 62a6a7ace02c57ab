import type { PlaylistView, ServiceImportView, ServicePlaylist } from '@muse/shared';
import type { ProviderTrack } from '../../providers/music-provider.port';
import { connectSpotifyAs } from '../../testing/spotify-connection';
import { makeAlbum, makeUsers, rateAlbum, registerPerson, type TestPerson } from '../../testing/factories';
import { useTestApp } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';

const app = useTestApp({ sandbox: true, worker: true });

let owner: TestPerson;

beforeAll(async () => {
  owner = await registerPerson(app);
  await connectSpotifyAs(app, owner.id);
});

async function importAndWait(playlistId: string): Promise<ServiceImportView> {
  const started = await owner.client.post('/api/service-imports', { provider: 'spotify', playlistId });
  expect(started.status).toBe(202);
  return waitFor(`import ${started.body.id} to end`, async () => {
    const res = await owner.client.get(`/api/service-imports/${started.body.id}`);
    return ['done', 'partial', 'failed'].includes(res.body.status) ? (res.body as ServiceImportView) : undefined;
  });
}

describe('service imports: album links of tracks the catalog lacks', () => {
  it('when a track is not in the catalog but its album is (by the service’s album id, or by artist and title), then its entry links the album; a namesake by another artist, a live edition or an id naming another album does not', async () => {
    const listed = (await owner.client.get('/api/connections/spotify/playlists')).body.items as ServicePlaylist[];
    const source = listed.find((p) => p.name === 'Demo mix 50')!;
    const spotify = await app.container.services.connections.providerFor(owner.id, 'spotify');
    const items = (await spotify.readPlaylist(source.id)).tracks.items;
    // Tracks of five different albums, each with an album id, a title and an artist to match on.
    const picked: ProviderTrack[] = [];
    for (const t of items) {
      const albumTitle = t.album?.title ?? '';
      if (!t.available || t.isLocal || !t.album?.id || !/[a-z]{3}/i.test(albumTitle) || !t.artists[0]) continue;
      if (picked.some((p) => p.album!.id === t.album!.id || p.album!.title === albumTitle)) continue;
      picked.push(t);
      if (picked.length === 5) break;
    }
    expect(picked).toHaveLength(5);
    const [byId, byText, namesake, live, wrongId] = picked as [ProviderTrack, ProviderTrack, ProviderTrack, ProviderTrack, ProviderTrack];
    // Catalog albums without the tracks themselves, so no track matches and only the album can.
    const idAlbum = await makeAlbum(app, { title: byId.album!.title, artist: byId.artists[0]!, spotifyId: byId.album!.id!, tracks: [] });
    const textAlbum = await makeAlbum(app, { title: byText.album!.title, artist: byText.artists[0]!, year: byText.album!.releaseYear ?? null, tracks: [] });
    await makeAlbum(app, { title: namesake.album!.title, artist: 'Nobody You Know', year: namesake.album!.releaseYear ?? null, tracks: [] });
    await makeAlbum(app, { title: `${live.album!.title} (Live)`, artist: live.artists[0]!, year: live.album!.releaseYear ?? null, tracks: [] });
    await makeAlbum(app, { title: 'Something Else Entirely', artist: 'Another Band', spotifyId: wrongId.album!.id!, tracks: [] });
    // The owner rated the album: its stars are the album's, not the track's.
    await rateAlbum(app, idAlbum.id, 4.5, [owner.id, ...(await makeUsers(app, 2))]);

    const done = await importAndWait(source.id);
    expect(done).toMatchObject({ status: 'done', processed: 50, linked: 0 });
    const playlist = (await owner.client.get(`/api/playlists/${done.playlistId}`)).body as PlaylistView;
    const entryOf = (t: ProviderTrack) => playlist.entries.find((e) => e.serviceIds.spotify === t.id)!;

    expect(entryOf(byId)).toMatchObject({ trackId: null, albumId: idAlbum.id, serviceIds: { spotify: byId.id }, album: { title: byId.album!.title } });
    expect(entryOf(byId).snapshot).toMatchObject({ title: byId.title, album: byId.album!.title });
    // A track row shows no album stars nor the owner's album rating as if they were the track's.
    expect({ stats: entryOf(byId).stats, viewerRating: entryOf(byId).viewerRating }).toEqual({ stats: null, viewerRating: null });
    expect(entryOf(byText)).toMatchObject({ trackId: null, albumId: textAlbum.id });
    for (const t of [namesake, live, wrongId]) expect({ track: t.title, albumId: entryOf(t).albumId }).toEqual({ track: t.title, albumId: null });
    // Every other entry links no album: the catalog has no other.
    const linkedAlbums = playlist.entries.filter((e) => e.albumId !== null).map((e) => e.albumId);
    expect(new Set(linkedAlbums)).toEqual(new Set([idAlbum.id, textAlbum.id]));
  });
});
