import type { DiscogsCredit, DiscogsRelease } from '../../seed/discogs-release';

/** One invented release: who, what, when, and its track titles in order. */
interface NewReleaseSpec {
  artist: string;
  title: string;
  date: string;
  type: 'album' | 'ep';
  genre: string;
  country: string;
  label: string;
  tracks: string[];
}

// Invented releases with names no Discogs sample uses, so searching for them finds nothing in
// Muse's demo catalog and something on both services.
const SPECS: readonly NewReleaseSpec[] = [
  {
    artist: 'Velvet Lighthouse',
    title: 'Harbour Signals',
    date: '2024-03-15',
    type: 'album',
    genre: 'Rock',
    country: 'UK',
    label: 'Tidewater Records',
    tracks: ['Foghorn Hymn', 'Lamp Room', 'Harbour Signals', 'Salt on the Glass', 'Night Ferry', 'Keeper of the Light', 'Low Tide Waltz'],
  },
  {
    artist: 'Mira Okonkwo',
    title: 'Copper Skies',
    date: '2023-09-01',
    type: 'album',
    genre: 'Jazz',
    country: 'US',
    label: 'Blue Orchard',
    tracks: ['Copper Skies', 'Lagos to Lisbon', 'Slow Burn', 'Brass Garden', 'Afterglow Suite', 'Homecoming'],
  },
  {
    artist: 'The Quiet Cartographers',
    title: 'Maps for Lost Cities',
    date: '2025-01-24',
    type: 'album',
    genre: 'Electronic',
    country: 'Germany',
    label: 'Meridian Audio',
    tracks: ['Contour Lines', 'Atlantis Grid', 'Compass Rose', 'Terra Incognita', 'Old Town Signal', 'Cartouche', 'Meridian', 'Legend'],
  },
  {
    artist: 'Juniper Vale',
    title: 'Wildflower Radio',
    date: '2024-06-07',
    type: 'album',
    genre: 'Pop',
    country: 'US',
    label: 'Sunroom Music',
    tracks: ['Wildflower Radio', 'Static Heart', 'Meadowlark', 'Summer Reruns', 'Polaroid Lake', 'Goodnight Frequency'],
  },
  {
    artist: 'Kestrel & Finch',
    title: 'Paper Lanterns',
    date: '2022-11-11',
    type: 'ep',
    genre: 'Folk, World, & Country',
    country: 'Canada',
    label: 'Hollow Oak',
    tracks: ['Paper Lanterns', 'Chimney Smoke', 'Two Rivers', 'Lantern Reprise'],
  },
  {
    artist: 'Solenne Marchetti',
    title: 'Nocturnes for a Glass City',
    date: '2023-02-17',
    type: 'album',
    genre: 'Classical',
    country: 'Italy',
    label: 'Aurora Classics',
    tracks: ['Nocturne I: Skyline', 'Nocturne II: Tramlines', 'Nocturne III: Rooftops', 'Nocturne IV: Reflections', 'Nocturne V: Dawn'],
  },
  {
    artist: 'Neon Orchard',
    title: 'Midnight Harvest',
    date: '2025-04-04',
    type: 'album',
    genre: 'Electronic',
    country: 'Sweden',
    label: 'Glasshouse',
    tracks: ['Midnight Harvest', 'Apple Circuit', 'Greenhouse Effect', 'Pick Your Poison', 'Orchard Lights', 'Cider Rain'],
  },
  {
    artist: 'Tomasz Wierzba',
    title: 'Amber Road',
    date: '2021-10-08',
    type: 'album',
    genre: 'Jazz',
    country: 'Netherlands',
    label: 'Baltic Blue',
    tracks: ['Amber Road', 'Gdansk Morning', 'Trade Winds', 'Resin', 'The Long Caravan'],
  },
  {
    artist: 'Saltwater Choir',
    title: 'Undertow',
    date: '2024-10-18',
    type: 'album',
    genre: 'Rock',
    country: 'US',
    label: 'Riptide',
    tracks: ['Undertow', 'Sandbar', 'Weathervane', 'Gull Song', 'Breakwater', 'Driftwood Cathedral', 'Ebb'],
  },
  {
    artist: 'Dalia Reyes',
    title: 'Casa de Luz',
    date: '2023-05-26',
    type: 'album',
    genre: 'Latin',
    country: 'US',
    label: 'Luz Records',
    tracks: ['Casa de Luz', 'Patio de Noche', 'Mi Barrio', 'Lluvia de Verano', 'Volver a Casa'],
  },
  {
    artist: 'Hollow Pines',
    title: 'Ember Season',
    date: '2022-09-30',
    type: 'ep',
    genre: 'Folk, World, & Country',
    country: 'UK',
    label: 'Hollow Oak',
    tracks: ['Ember Season', 'Kindling', 'Woodsmoke Letters', 'First Frost'],
  },
  {
    artist: 'Orbit Motel',
    title: 'Vacancy on Saturn',
    date: '2025-02-14',
    type: 'album',
    genre: 'Hip Hop',
    country: 'US',
    label: 'Ringside',
    tracks: ['Check-In', 'Vacancy on Saturn', 'Room Service', 'Pool Closed', 'Ice Machine', 'Late Checkout'],
  },
];

/** Ids of invented artists and releases: negative, so they can never meet a Discogs id. */
const idOf = (n: number) => -(900_000 + n);

function credit(spec: NewReleaseSpec, n: number): DiscogsCredit {
  return { discogsId: idOf(n), name: spec.artist, creditedName: spec.artist, joinPhrase: '' };
}

/**
 * Releases that both services sell and Muse's demo catalog lacks: what a listener searches
 * for and then adds to Muse from a service's results. Deterministic, with tracks, durations and
 * (through the catalog builder) ISRCs and UPCs like every other sandbox album.
 */
export function sandboxNewReleases(): DiscogsRelease[] {
  return SPECS.map((spec, n) => {
    const artist = credit(spec, n);
    return {
      discogsId: idOf(n),
      masterId: null,
      title: spec.title,
      credits: [artist],
      artistCredit: spec.artist,
      releaseDate: spec.date,
      releaseDatePrecision: 'day',
      releaseYear: Number(spec.date.slice(0, 4)),
      type: spec.type,
      genres: [spec.genre],
      styles: [],
      label: spec.label,
      catalogNumber: null,
      country: spec.country,
      upc: null,
      tracks: spec.tracks.map((title, i) => ({
        disc: 1,
        position: i + 1,
        positionLabel: String(i + 1),
        title,
        durationMs: 150_000 + ((n * 7 + i * 13) % 20) * 7_500,
        credits: [],
        artistCredit: spec.artist,
      })),
    };
  });
}
