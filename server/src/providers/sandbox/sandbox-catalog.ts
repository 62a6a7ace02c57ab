import type { DiscogsCredit, DiscogsRelease } from '../../seed/discogs-release';
import { loadDemoReleases } from './demo-releases';
import { sandboxNewReleases } from './sandbox-new-releases';
import { base62Id, chance, hash32, numericId } from './sandbox-random';
import {
  APPLE_STOREFRONTS,
  type AppleAlbum,
  type AppleSong,
  type DatePrecision,
  type DivergenceCounts,
  type SandboxArtist,
  type SandboxCatalog,
  type SpotifyAlbum,
  type SpotifyAlbumType,
  type SpotifyTrack,
} from './sandbox-catalog-types';

export type * from './sandbox-catalog-types';

const COUNTRY_CODES: Record<string, string> = {
  US: 'US',
  UK: 'GB',
  Germany: 'DE',
  Sweden: 'SE',
  France: 'FR',
  Netherlands: 'NL',
  Belgium: 'BE',
  Italy: 'IT',
  Canada: 'CA',
  Japan: 'JP',
};
const REGISTRANT_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const COMPILATION_SIZE = 20;

function registrant(key: string): string {
  const h = hash32(key);
  return [0, 6, 12].map((shift) => REGISTRANT_CHARS[(h >>> shift) % 36]).join('');
}

/** A UPC-A with its check digit from 11 digits. */
function upcFrom(digits11: string): string {
  const sum = [...digits11].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits11 + String((10 - (sum % 10)) % 10);
}

function generatedUpc(key: string): string {
  return upcFrom(String(hash32(key) % 100_000_000).padStart(8, '0') + String(hash32(`${key}:b`) % 1000).padStart(3, '0'));
}

function spotifyDate(release: DiscogsRelease): { date: string; precision: DatePrecision } {
  if (release.releaseDate && release.releaseDatePrecision === 'day') return { date: release.releaseDate, precision: 'day' };
  if (release.releaseDate && release.releaseDatePrecision === 'month') return { date: release.releaseDate.slice(0, 7), precision: 'month' };
  return { date: String(release.releaseYear ?? 2000), precision: 'year' };
}

function appleDate(spotify: { date: string; precision: DatePrecision }): string {
  if (spotify.precision === 'day') return spotify.date;
  return spotify.precision === 'month' ? `${spotify.date}-01` : `${spotify.date}-01-01`;
}

function albumTypeFor(release: DiscogsRelease): SpotifyAlbumType {
  if (release.type === 'compilation') return 'compilation';
  return release.type === 'single' || release.type === 'ep' ? 'single' : 'album';
}

/**
 * Builds both services' catalogs from Muse's demo releases, with the differences real services
 * have: songs missing on one side, several Apple songs per ISRC (album, single, compilation),
 * remaster/live/feat. title variants, deluxe bonus tracks, clean/explicit pairs, a few ISRC
 * disagreements and region-unavailable tracks. The same seed always gives the same catalog.
 */
export function buildSandboxCatalog(releases: DiscogsRelease[], seed = 'muse', newReleases: readonly DiscogsRelease[] = []): SandboxCatalog {
  const artists = new Map<number, SandboxArtist>();
  const artistOf = (credit: DiscogsCredit): SandboxArtist => {
    let artist = artists.get(credit.discogsId);
    if (!artist) {
      artist = { name: credit.name, spotifyId: base62Id(`${seed}:artist:${credit.discogsId}`), appleId: numericId(`${seed}:artist:${credit.discogsId}`) };
      artists.set(credit.discogsId, artist);
    }
    return artist;
  };
  const spotifyTracks: SpotifyTrack[] = [];
  const spotifyAlbums: SpotifyAlbum[] = [];
  const appleSongs: AppleSong[] = [];
  const appleAlbums: AppleAlbum[] = [];
  const usedAppleIds = new Set<string>();
  const appleId = (key: string): string => {
    let id = numericId(`${seed}:${key}`);
    while (usedAppleIds.has(id)) id = String(Number(id) + 1);
    usedAppleIds.add(id);
    return id;
  };
  const counts: DivergenceCounts = {
    missingOnApple: 0,
    missingOnSpotify: 0,
    titleVariants: 0,
    isrcDisagreements: 0,
    unplayableOnSpotify: 0,
    outsideUsStorefront: 0,
    appleSingles: 0,
    appleCompilationSongs: 0,
    cleanVersions: 0,
    deluxeBonusTracks: 0,
  };
  let recordingNumber = 0;
  const nextIsrc = (cc: string, reg: string, year: number | null) => {
    recordingNumber += 1;
    return `${cc}${reg}${String((year ?? 0) % 100).padStart(2, '0')}${String(recordingNumber).padStart(5, '0')}`;
  };
  const compilationSongs: AppleSong[] = [];
  const pickGuest = (key: string): SandboxArtist | null => {
    const pool = [...artists.values()];
    return pool.length ? pool[hash32(key) % pool.length]! : null;
  };

  // Service-only releases are added after everything else, so the demo-derived ids, ISRCs and
  // playlists stay what they were; they join no compilation.
  const addRelease = (release: DiscogsRelease, serviceOnly: boolean) => {
    const rKey = `${seed}:release:${release.discogsId}`;
    const albumArtists = release.credits.length
      ? release.credits.map(artistOf)
      : [artistOf({ discogsId: 0, name: release.artistCredit, creditedName: release.artistCredit, joinPhrase: '' })];
    const cc = COUNTRY_CODES[release.country ?? ''] ?? 'QZ';
    const reg = registrant(`${seed}:label:${release.label ?? release.discogsId}`);
    const date = spotifyDate(release);
    const upc = release.upc && /^\d{12,13}$/.test(release.upc) ? release.upc : generatedUpc(rKey);
    const deluxe = chance(`${rKey}:deluxe`) < 0.05;
    const spotifyAlbum: SpotifyAlbum = {
      id: base62Id(`${rKey}:sp`),
      name: release.title,
      albumType: albumTypeFor(release),
      artists: albumArtists,
      releaseDate: date.date,
      releaseDatePrecision: date.precision,
      upc,
      label: release.label ?? '',
      genres: [],
      trackIds: [],
    };
    const appleAlbum: AppleAlbum = {
      id: appleId(`${rKey}:am`),
      name: deluxe ? `${release.title} (Deluxe Edition)` : release.title,
      artistName: release.artistCredit,
      artists: albumArtists,
      releaseDate: appleDate(date),
      upc,
      recordLabel: release.label ?? '',
      genreNames: [...release.genres, 'Music'],
      isSingle: release.type === 'single',
      isCompilation: release.type === 'compilation',
      contentRating: null,
      songIds: [],
    };
    const cleanSongs: AppleSong[] = [];
    const albumSongs: AppleSong[] = [];

    release.tracks.forEach((track, index) => {
      const tKey = `${rKey}:track:${index}`;
      const trackArtists = track.credits.length ? track.credits.map(artistOf) : albumArtists;
      const isrc = nextIsrc(cc, reg, release.releaseYear);
      const durationMs = track.durationMs ?? 150_000 + (hash32(`${tKey}:duration`) % 180_000);
      const explicit = chance(`${tKey}:explicit`) < 0.08;
      const presence = chance(`${tKey}:presence`);
      const onApple = presence >= 0.04;
      const onSpotify = presence < 0.04 || presence >= 0.07;
      if (!onApple) counts.missingOnApple += 1;
      if (!onSpotify) counts.missingOnSpotify += 1;

      const variant = chance(`${tKey}:variant`);
      let spotifyName = track.title;
      let appleName = track.title;
      let spotifyArtists = trackArtists;
      if (variant < 0.03) {
        const year = 2009 + (hash32(`${tKey}:remaster`) % 15);
        spotifyName = `${track.title} - Remastered ${year}`;
        appleName = `${track.title} (Remastered ${year})`;
      } else if (variant < 0.05) {
        spotifyName = `${track.title} - Live`;
        appleName = `${track.title} (Live)`;
      } else if (variant < 0.07) {
        const guest = pickGuest(`${tKey}:guest`);
        if (guest && !trackArtists.includes(guest)) {
          spotifyArtists = [...trackArtists, guest];
          appleName = `${track.title} (feat. ${guest.name})`;
        }
      }
      if (spotifyName !== track.title || appleName !== track.title) counts.titleVariants += 1;

      if (onSpotify) {
        const playable = chance(`${tKey}:market`) >= 0.02;
        if (!playable) counts.unplayableOnSpotify += 1;
        const spotifyTrack: SpotifyTrack = {
          id: base62Id(`${tKey}:sp`),
          name: spotifyName,
          artists: spotifyArtists,
          albumId: spotifyAlbum.id,
          discNumber: track.disc,
          trackNumber: track.position,
          durationMs,
          explicit,
          isrc,
          playable,
        };
        spotifyTracks.push(spotifyTrack);
        spotifyAlbum.trackIds.push(spotifyTrack.id);
      }
      if (!onApple) return;

      const disagree = chance(`${tKey}:isrc`) < 0.01;
      if (disagree) counts.isrcDisagreements += 1;
      const appleIsrc = disagree ? `${cc}${registrant(`${tKey}:other-registrant`)}${isrc.slice(5)}` : isrc;
      const outsideUs = chance(`${tKey}:storefront`) < 0.02;
      if (outsideUs) counts.outsideUsStorefront += 1;
      const song: AppleSong = {
        id: appleId(`${tKey}:am`),
        name: appleName,
        artistName: track.artistCredit,
        artists: trackArtists,
        albumId: appleAlbum.id,
        albumName: appleAlbum.name,
        discNumber: track.disc,
        trackNumber: track.position,
        durationMs: Math.max(1000, durationMs + (hash32(`${tKey}:apple-duration`) % 3001) - 1500),
        isrc: appleIsrc,
        contentRating: explicit ? 'explicit' : null,
        genreNames: appleAlbum.genreNames,
        releaseDate: appleAlbum.releaseDate,
        storefronts: outsideUs ? ['gb'] : APPLE_STOREFRONTS,
      };
      appleSongs.push(song);
      albumSongs.push(song);
      appleAlbum.songIds.push(song.id);

      if (explicit && chance(`${tKey}:clean`) < 0.6) {
        counts.cleanVersions += 1;
        cleanSongs.push({ ...song, id: appleId(`${tKey}:am-clean`), isrc: nextIsrc(cc, reg, release.releaseYear), contentRating: 'clean' });
      }
      if (chance(`${tKey}:single`) < 0.12 && release.type !== 'single') {
        counts.appleSingles += 1;
        const single: AppleAlbum = {
          ...appleAlbum,
          id: appleId(`${tKey}:am-single-album`),
          name: `${track.title} - Single`,
          artistName: track.artistCredit,
          upc: generatedUpc(`${tKey}:single`),
          isSingle: true,
          isCompilation: false,
          contentRating: song.contentRating,
          songIds: [],
        };
        const singleSong: AppleSong = { ...song, id: appleId(`${tKey}:am-single`), albumId: single.id, albumName: single.name, discNumber: 1, trackNumber: 1 };
        single.songIds.push(singleSong.id);
        appleAlbums.push(single);
        appleSongs.push(singleSong);
      }
      if (!serviceOnly && chance(`${tKey}:compilation`) < 0.06) {
        counts.appleCompilationSongs += 1;
        compilationSongs.push(song);
      }
    });

    if (deluxe) {
      for (let b = 0; b < 2; b += 1) {
        const source = release.tracks[b % release.tracks.length]!;
        counts.deluxeBonusTracks += 1;
        const bonus: AppleSong = {
          id: appleId(`${rKey}:bonus:${b}`),
          name: `${source.title} (Demo)`,
          artistName: release.artistCredit,
          artists: albumArtists,
          albumId: appleAlbum.id,
          albumName: appleAlbum.name,
          discNumber: 1,
          trackNumber: release.tracks.length + b + 1,
          durationMs: 120_000 + (hash32(`${rKey}:bonus-duration:${b}`) % 120_000),
          isrc: nextIsrc(cc, reg, release.releaseYear),
          contentRating: null,
          genreNames: appleAlbum.genreNames,
          releaseDate: appleAlbum.releaseDate,
          storefronts: APPLE_STOREFRONTS,
        };
        appleSongs.push(bonus);
        appleAlbum.songIds.push(bonus.id);
      }
    }
    if (spotifyAlbum.trackIds.length) spotifyAlbums.push(spotifyAlbum);
    if (appleAlbum.songIds.length) appleAlbums.push(appleAlbum);
    if (cleanSongs.length) {
      const clean: AppleAlbum = {
        ...appleAlbum,
        id: appleId(`${rKey}:am-clean-album`),
        contentRating: 'clean',
        upc: generatedUpc(`${rKey}:clean`),
        songIds: [],
      };
      const cleanById = new Map(cleanSongs.map((s) => [s.trackNumber * 1000 + s.discNumber, s]));
      for (const original of albumSongs) {
        const cleanSong = cleanById.get(original.trackNumber * 1000 + original.discNumber);
        const copy: AppleSong = cleanSong
          ? { ...cleanSong, albumId: clean.id }
          : { ...original, id: appleId(`${rKey}:clean-copy:${original.id}`), albumId: clean.id };
        appleSongs.push(copy);
        clean.songIds.push(copy.id);
      }
      appleAlbums.push(clean);
    }
  };
  for (const release of releases) addRelease(release, false);

  for (let start = 0; start < compilationSongs.length; start += COMPILATION_SIZE) {
    const volume = start / COMPILATION_SIZE + 1;
    const album: AppleAlbum = {
      id: appleId(`compilation:${volume}`),
      name: `Sandbox Essentials, Vol. ${volume}`,
      artistName: 'Various Artists',
      artists: [],
      releaseDate: '2015-06-30',
      upc: generatedUpc(`${seed}:compilation:${volume}`),
      recordLabel: 'Sandbox Compilations',
      genreNames: ['Music'],
      isSingle: false,
      isCompilation: true,
      contentRating: null,
      songIds: [],
    };
    compilationSongs.slice(start, start + COMPILATION_SIZE).forEach((original, i) => {
      const song: AppleSong = {
        ...original,
        id: appleId(`compilation:${volume}:${i}`),
        albumId: album.id,
        albumName: album.name,
        discNumber: 1,
        trackNumber: i + 1,
      };
      appleSongs.push(song);
      album.songIds.push(song.id);
    });
    appleAlbums.push(album);
  }
  const playlistPool = { spotifyTracks: spotifyTracks.length, appleSongs: appleSongs.length };
  for (const release of newReleases) addRelease(release, true);

  const songsByIsrc = new Map<string, AppleSong[]>();
  for (const song of appleSongs) songsByIsrc.set(song.isrc, [...(songsByIsrc.get(song.isrc) ?? []), song]);
  return {
    seed,
    spotify: {
      tracks: spotifyTracks,
      albums: spotifyAlbums,
      trackById: new Map(spotifyTracks.map((t) => [t.id, t])),
      albumById: new Map(spotifyAlbums.map((a) => [a.id, a])),
    },
    apple: {
      songs: appleSongs,
      albums: appleAlbums,
      songById: new Map(appleSongs.map((s) => [s.id, s])),
      albumById: new Map(appleAlbums.map((a) => [a.id, a])),
      songsByIsrc,
    },
    divergence: counts,
    playlistPool,
  };
}

/** The sandbox catalog over Muse's shipped demo releases, plus the new releases only the services have. */
export async function loadSandboxCatalog(seed = 'muse'): Promise<SandboxCatalog> {
  return buildSandboxCatalog(await loadDemoReleases(), seed, sandboxNewReleases());
}
