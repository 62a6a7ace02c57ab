import type { ProviderTrack } from '../../providers/music-provider.port';
import { artistNames, comparable, parseTitle } from './normalise-text';
import { contextTags, isCompilationAlbum, isLiveAlbum, isSingleRelease, readSegment, type VersionTag } from './version-tags';

/** What is known of a source track (a Muse playlist entry's snapshot or a provider track). */
export interface SourceTrack {
  title: string;
  artists: string[];
  album: string | null;
  durationMs: number | null;
  isrc: string | null;
  explicit: boolean | null;
  /** Known for provider tracks whose album carries it; a source snapshot may leave it out. */
  releaseYear?: number | null;
}

/** A track in the comparable form every rule reads, computed once per track. */
export interface TrackProfile {
  /** Folded title without suffix segments and feat. clauses: "Get Lucky". */
  core: string;
  /** `core` plus unexplained suffix text ("P.Y.T. (Pretty Young Thing)" keeps it). */
  main: string;
  /** The unexplained suffix texts alone: often a subtitle or the title in another script ("Gangnam Style (강남스타일)"). */
  extras: string[];
  /** The whole title folded, suffixes included: breaks ties between copies ("Remastered 2009" over "2021 Mix"). */
  full: string;
  /** Folded artist names, the title's feat. credits included, first-credited first. */
  names: string[];
  /** The title's feat. credits alone, folded. */
  featured: string[];
  /** Version tags with the words that detail them (the remixer, the venue). */
  tags: Map<VersionTag, string[]>;
  /** Album core (edition markers off) and the whole album title, folded. */
  album: string | null;
  albumFull: string | null;
  /** When the album came out, if the service says: the earliest copy of a recording is the original release. */
  releaseYear: number | null;
  compilation: boolean;
  /** 2: the album says it is a single or EP; 1: the album is named after the track (a single, or a title track); 0: neither. */
  single: 0 | 1 | 2;
  durationMs: number | null;
  isrc: string | null;
  explicit: boolean | null;
  /**
   * The same track with its umlauts written out ("Männer" as "Maenner", "Grönemeyer" as
   * "Groenemeyer"), as German spellings without the letters have them; null without umlauts.
   */
  umlautsWrittenOut: TrackProfile | null;
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const writeOutUmlauts = (text: string) => text.replace(/[äöüÄÖÜ]/g, (c) => UMLAUTS[c]!);

/** A provider track in the same shape as a source track. */
export function sourceOf(track: ProviderTrack): SourceTrack {
  return {
    title: track.title,
    artists: track.artists,
    album: track.album?.title ?? null,
    durationMs: track.durationMs,
    isrc: track.isrc,
    explicit: track.explicit,
    releaseYear: track.album?.releaseYear ?? null,
  };
}

/** Reads a track into its comparable form: title cut apart, tags from title, album and credits. */
export function profileOf(track: SourceTrack, normaliseIsrc: (raw: string | null) => string | null): TrackProfile {
  const parts = parseTitle(track.title);
  const tags = new Map<VersionTag, string[]>();
  const extras: string[] = [];
  for (const segment of parts.segments) {
    const reading = readSegment(segment);
    for (const tag of reading.tags) tags.set(tag, [...(tags.get(tag) ?? []), ...reading.detail]);
    if (reading.extra) extras.push(reading.extra);
  }
  for (const tag of contextTags([track.album ?? '', ...track.artists])) if (!tags.has(tag)) tags.set(tag, []);
  // Every track of a live album is a live recording, tagged or not.
  if (isLiveAlbum(track.album) && !tags.has('live')) tags.set('live', []);
  const core = comparable(parts.core);
  const albumCore = track.album ? comparable(parseTitle(track.album).core) : null;
  return {
    core,
    main: extras.length ? `${core} ${extras.join(' ')}` : core,
    extras,
    full: comparable(track.title),
    names: artistNames([...track.artists, ...parts.featured]),
    featured: artistNames(parts.featured),
    tags,
    album: albumCore || null,
    albumFull: track.album ? comparable(track.album) : null,
    releaseYear: track.releaseYear ?? null,
    compilation: isCompilationAlbum(track.album),
    single: isSingleRelease(track.album) ? 2 : albumCore !== null && albumCore === core ? 1 : 0,
    durationMs: typeof track.durationMs === 'number' && track.durationMs > 0 ? track.durationMs : null,
    isrc: normaliseIsrc(track.isrc),
    explicit: track.explicit ?? null,
    umlautsWrittenOut: umlautsWrittenOut(track, normaliseIsrc),
  };
}

/** The track's profile with its umlauts written out, or null when title and credits have none. */
function umlautsWrittenOut(track: SourceTrack, normaliseIsrc: (raw: string | null) => string | null): TrackProfile | null {
  const title = writeOutUmlauts(track.title);
  const artists = track.artists.map(writeOutUmlauts);
  const unchanged = title === track.title && artists.every((a, i) => a === track.artists[i]);
  return unchanged ? null : profileOf({ ...track, title, artists }, normaliseIsrc);
}
