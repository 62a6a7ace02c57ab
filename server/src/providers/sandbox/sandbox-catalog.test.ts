import fc from 'fast-check';
import { loadDemoReleases } from './demo-releases';
import { buildSandboxCatalog } from './sandbox-catalog';
import { sandboxNewReleases } from './sandbox-new-releases';
import type { SandboxCatalog } from './sandbox-catalog-types';
import { demoSpotifyPlaylists, spotifyEntryAt } from './sandbox-library';

let catalog: SandboxCatalog;
let releaseTitles: string[];

beforeAll(async () => {
  const releases = await loadDemoReleases();
  releaseTitles = releases.map((r) => r.title);
  catalog = buildSandboxCatalog(releases, 'muse');
});

describe('sandbox catalog', () => {
  it('when built twice from the same seed, then ids and divergence are the same; another seed moves them', async () => {
    const releases = await loadDemoReleases();
    const again = buildSandboxCatalog(releases, 'muse');
    expect(again.spotify.tracks.map((t) => t.id)).toEqual(catalog.spotify.tracks.map((t) => t.id));
    expect(again.apple.songs.map((s) => [s.id, s.isrc, s.name])).toEqual(catalog.apple.songs.map((s) => [s.id, s.isrc, s.name]));
    const other = buildSandboxCatalog(releases, 'another seed');
    expect(other.spotify.tracks[0]!.id).not.toBe(catalog.spotify.tracks[0]!.id);
  });

  it('when ids are made, then Spotify ids are 22 base62 characters, Apple ids are numeric, all unique, and ISRCs and UPCs are well formed', () => {
    const spotifyIds = [...catalog.spotify.tracks.map((t) => t.id), ...catalog.spotify.albums.map((a) => a.id)];
    expect(spotifyIds.every((id) => /^[0-9A-Za-z]{22}$/.test(id))).toBe(true);
    expect(new Set(spotifyIds).size).toBe(spotifyIds.length);
    const appleIds = [...catalog.apple.songs.map((s) => s.id), ...catalog.apple.albums.map((a) => a.id)];
    expect(appleIds.every((id) => /^\d{9,10}$/.test(id))).toBe(true);
    expect(new Set(appleIds).size).toBe(appleIds.length);
    expect([...catalog.spotify.tracks, ...catalog.apple.songs].every((t) => /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(t.isrc))).toBe(true);
    expect([...catalog.spotify.albums, ...catalog.apple.albums].every((a) => /^\d{12,13}$/.test(a.upc))).toBe(true);
  });

  it('when the demo releases are mapped, then every release is on at least one service under its own title', () => {
    const titles = new Set([...catalog.spotify.albums.map((a) => a.name), ...catalog.apple.albums.map((a) => a.name.replace(/ \(Deluxe Edition\)$/, ''))]);
    expect(releaseTitles.filter((t) => !titles.has(t))).toEqual([]);
  });

  it('when the services are compared, then each kind of real-world divergence is present', () => {
    const d = catalog.divergence;
    for (const count of Object.values(d)) expect(count).toBeGreaterThan(0);
    const appleIsrcs = new Set(catalog.apple.songs.map((s) => s.isrc));
    const spotifyIsrcs = new Set(catalog.spotify.tracks.map((t) => t.isrc));
    expect(catalog.spotify.tracks.filter((t) => !appleIsrcs.has(t.isrc)).length).toBeGreaterThanOrEqual(d.missingOnApple);
    expect(catalog.apple.songs.some((s) => !spotifyIsrcs.has(s.isrc))).toBe(true);
    expect(catalog.spotify.tracks.some((t) => / - Remastered \d{4}$/.test(t.name))).toBe(true);
    expect(catalog.apple.songs.some((s) => / \(Remastered \d{4}\)$/.test(s.name))).toBe(true);
    expect(catalog.apple.songs.some((s) => / \(feat\. .+\)$/.test(s.name))).toBe(true);
    expect(catalog.spotify.tracks.some((t) => t.name.endsWith(' - Live'))).toBe(true);
    expect(catalog.apple.albums.some((a) => a.name.endsWith('(Deluxe Edition)'))).toBe(true);
    expect(catalog.apple.albums.some((a) => a.contentRating === 'clean')).toBe(true);
    expect(catalog.apple.songs.some((s) => s.contentRating === 'explicit')).toBe(true);
    expect(catalog.spotify.tracks.some((t) => !t.playable)).toBe(true);
    expect(catalog.apple.songs.some((s) => !s.storefronts.includes('us'))).toBe(true);
    expect([...catalog.apple.songsByIsrc.values()].some((songs) => songs.length >= 3)).toBe(true);
  });

  it('when playlist entries are computed, then they are pure: the same playlist and index give the same entry, inside the catalog', () => {
    const playlists = demoSpotifyPlaylists('muse');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: playlists.length - 1 }), fc.integer({ min: 0, max: 9999 }), (p, index) => {
        const playlist = playlists[p]!;
        if (index >= playlist.generated) return;
        const entry = spotifyEntryAt(catalog, playlist, index);
        expect(spotifyEntryAt(catalog, playlist, index)).toEqual(entry);
        if (!('local' in entry.item)) expect(catalog.spotify.trackById.get(entry.item.id)).toBe(entry.item);
      }),
      { numRuns: 300 },
    );
  });

  it("when new releases are added, then both services sell each with tracks, ISRCs and one UPC, Muse's demo lacks them, and no demo playlist changes", async () => {
    const releases = await loadDemoReleases();
    const fresh = sandboxNewReleases();
    expect(fresh.length).toBeGreaterThanOrEqual(12);
    const withNew = buildSandboxCatalog(releases, 'muse', fresh);
    const demoTitles = new Set(releaseTitles.map((t) => t.toLowerCase()));
    for (const release of fresh) {
      expect(demoTitles.has(release.title.toLowerCase())).toBe(false);
      const spotify = withNew.spotify.albums.find((a) => a.name === release.title)!;
      const apple = withNew.apple.albums.find((a) => a.name.replace(/ \(Deluxe Edition\)$/, '') === release.title && a.contentRating !== 'clean')!;
      expect(spotify.trackIds.length).toBeGreaterThan(0);
      expect(apple.songIds.length).toBeGreaterThan(0);
      expect(apple.upc).toBe(spotify.upc);
      const isrcs = spotify.trackIds.map((id) => withNew.spotify.trackById.get(id)!.isrc);
      expect(new Set(isrcs).size).toBe(isrcs.length);
    }
    const allIsrcs = withNew.spotify.tracks.map((t) => t.isrc);
    expect(new Set(allIsrcs).size).toBe(allIsrcs.length);
    expect(withNew.spotify.tracks.slice(0, catalog.spotify.tracks.length).map((t) => t.isrc)).toEqual(catalog.spotify.tracks.map((t) => t.isrc));
    for (const playlist of demoSpotifyPlaylists('muse'))
      for (const index of [0, 1, 2, 3, 7, 42])
        if (index < playlist.generated) expect(spotifyEntryAt(withNew, playlist, index)).toEqual(spotifyEntryAt(catalog, playlist, index));
  });
});
