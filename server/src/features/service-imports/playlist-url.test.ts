import { readPlaylistUrl } from '@muse/shared';

const ID = '37i9dQZF1DXcBWIGoYBM5M';

describe('readPlaylistUrl', () => {
  it.each([
    [`https://open.spotify.com/playlist/${ID}`, 'spotify', ID],
    [`https://open.spotify.com/playlist/${ID}?si=4f1c2b3a9d8e7f60&pt=abc`, 'spotify', ID],
    [`http://open.spotify.com/playlist/${ID}/`, 'spotify', ID],
    [`open.spotify.com/playlist/${ID}`, 'spotify', ID],
    [`https://open.spotify.com/intl-fr/playlist/${ID}#top`, 'spotify', ID],
    [`  spotify:playlist:${ID}  `, 'spotify', ID],
    ['https://music.apple.com/us/playlist/todays-hits/pl.f4d106fed2bd41149aaacabb233eb5eb', 'apple', 'pl.f4d106fed2bd41149aaacabb233eb5eb'],
    ['https://music.apple.com/gb/playlist/pl.u-8aAVZAgCLX3L2e?l=en-GB', 'apple', 'pl.u-8aAVZAgCLX3L2e'],
    ['https://music.apple.com/library/playlist/p.ldvAA5VsLoVJpX', 'apple', 'p.ldvAA5VsLoVJpX'],
    ['p.ldvAA5VsLoVJpX', 'apple', 'p.ldvAA5VsLoVJpX'],
  ])('when given %s, then it names the %s playlist %s', (input, provider, playlistId) => {
    expect(readPlaylistUrl(input)).toEqual({ ok: true, provider, playlistId });
  });

  it.each([
    ['', 'playlist_url_malformed', /empty/],
    ['   ', 'playlist_url_malformed', /empty/],
    ['road trip songs', 'playlist_url_malformed', /not a link/],
    ['localhost/playlist/abc', 'playlist_url_malformed', /not a link/],
    ['javascript:alert(1)', 'playlist_url_malformed', /not a link/],
    ['ftp://open.spotify.com/playlist/abc', 'playlist_url_malformed', /not a web link/],
    ['https://open.spotify.com/', 'playlist_url_malformed', /names no playlist/],
    ['https://open.spotify.com/playlist/abc-def', 'playlist_url_malformed', /no valid playlist id/],
    ['spotify:playlist:', 'playlist_url_malformed', /no valid playlist id/],
    ['https://open.spotify.com/artist/0OdUWJ0sBjDrqHygGUXeCF', 'playlist_url_not_playlist', /an artist, not a playlist/],
    ['spotify:album:4aawyAB9vmqN3uQ7FjRGTy', 'playlist_url_not_playlist', /an album, not a playlist/],
    ['https://music.apple.com/us/song/one-more-time/697195787', 'playlist_url_not_playlist', /a song, not a playlist/],
    ['https://music.apple.com/us/playlist/no-id-here', 'playlist_url_malformed', /no valid playlist id/],
    ['https://music.youtube.com/playlist?list=PL1', 'playlist_url_foreign', /music\.youtube\.com cannot be imported/],
    ['https://evil.example/open.spotify.com/playlist/abc', 'playlist_url_foreign', /evil\.example/],
    ['https://open.spotify.com.evil.example/playlist/abc', 'playlist_url_foreign', /open\.spotify\.com\.evil\.example/],
  ])('when given %j, then it is refused as %s', (input, code, message) => {
    const read = readPlaylistUrl(input);
    expect(read).toMatchObject({ ok: false, code });
    expect(read.ok ? '' : read.message).toMatch(message);
  });
});
