/** Example entries on the landing page; invented albums so no real artist is misquoted. */
export const SHOWCASE = [
  { title: 'Night Swimming', artist: 'The Lanterns', rating: 4.5, note: 'Side B is a whole summer.', cover: 'cover-1' },
  { title: 'Paper Satellites', artist: 'Mira Okafor', rating: 5, note: 'Third listen this week. No regrets.', cover: 'cover-2' },
  { title: 'Low Tide Radio', artist: 'Harbour Lights', rating: 3.5, note: 'Grew on me by track six.', cover: 'cover-3' },
] as const;

/** The five things Muse does, in the order a new listener meets them. */
export const FEATURES = [
  {
    icon: '★',
    tone: 'tone-rose',
    title: 'Rate & review',
    body: 'Half-star ratings for albums and songs, and reviews as short as a line or as long as a liner note.',
  },
  {
    icon: '✎',
    tone: 'tone-amber',
    title: 'Listening diary',
    body: 'Log what you played and when. Relistens count, and your history of ratings is kept.',
  },
  {
    icon: '◉',
    tone: 'tone-violet',
    title: 'My Muse',
    body: 'Your page: favourite records, every rating, listening stats and recent activity, ready to share.',
  },
  {
    icon: '⇄',
    tone: 'tone-teal',
    title: 'Playlist conversion',
    body: 'Move playlists between Spotify and Apple Music with a track-by-track report, and hear 30-second previews.',
  },
  {
    icon: '☺',
    tone: 'tone-blue',
    title: 'Friends feed',
    body: 'Follow friends and watch their ratings and reviews arrive live, with notifications and recommendations.',
  },
] as const;
