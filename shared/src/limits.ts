/** Limits shared by the API and the web forms. */
export const LIMITS = {
  handle: { min: 3, max: 30 },
  displayName: { min: 1, max: 50 },
  email: { max: 254 },
  password: { min: 8, max: 1024 },
  notificationsPage: { default: 20, max: 100 },
} as const;

/** Name of the request header that carries the CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';

/** Playlists and album lists: limits shared by the API and the web forms. */
export const PLAYLIST_LIMITS = {
  title: { min: 1, max: 200 },
  description: { max: 2_000 },
  note: 500,
  /** Spotify's own limit, so any playlist here can go there. */
  entries: 10_000,
  /** Entries one POST may add (an album's tracks, a pasted selection). */
  entriesPerAdd: 500,
  collaborators: 20,
  sharedWith: 200,
  /** Entries a playlist page answers at once; the rest come a page at a time from /entries. */
  entriesPage: 100,
  /** Snapshot text fields (title, artist names, album title). */
  snapshotText: 500,
} as const;

/** Release-night listening parties: limits both sides share. */
export const PARTY_LIMITS = {
  /** People a host may invite to a private party at creation. */
  invites: 100,
  /** Characters of one chat message. */
  message: 500,
  /** Chat messages one page holds (the latest first). */
  messagesPage: 50,
  /** How far ahead a party may be scheduled (days). */
  scheduleDays: 60,
  /** Position within a preview clip (ms): clips are 30 s, some services send a little more. */
  maxPositionMs: 10 * 60 * 1000,
  /** Parties the parties page lists live now, and coming up. */
  listLive: 30,
  listUpcoming: 50,
} as const;

/** Characters of a review's text and of a comment. */
export const REVIEW_BODY_MAX = 10_000;
export const COMMENT_BODY_MAX = 2_000;

/** The largest CSV an import reads. */
export const IMPORT_CSV_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The largest playlist file Muse reads: 10,000 entries of a verbose format (JSPF with our
 * extension, about 150 bytes an entry) fit, and a mistaken upload of a library dump does not.
 */
export const PLAYLIST_FILE_MAX_BYTES = 2 * 1024 * 1024;

/** At most this many tracks per status request (a 500-track playlist asks in pages). */
export const PREVIEW_STATUS_MAX_IDS = 200;
