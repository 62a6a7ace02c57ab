import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { journeyKit, seriousProblems, shootBothWidths } from './journey-kit';
import type { MuseServer } from './harness';
import { connectAppleMusic, sandboxKnobs, signUpWithSpotify, startMuseWithSandbox, startSpotifyImport } from './services-kit';

/** The sandbox's 300-track Spotify playlist of its demo listener, and an album its services sell that Muse's demo catalog lacks. */
const PLAYLIST = 'Demo mix 300';
const PLAYLIST_TRACKS = 300;
const NEW_ALBUM = { title: 'Harbour Signals', artist: 'Velvet Lighthouse' };

let server: MuseServer;
let sandboxUrl = '';

beforeAll(async () => {
  ({ server, sandboxUrl } = await startMuseWithSandbox());
});

afterEach(async () => {
  await closeBrowsers();
});

afterAll(async () => {
  await server?.stop();
});

const { browser, step, closeBrowsers } = journeyKit('services', () => server);

describe('Spotify and Apple Music in a browser', () => {
  it('when a listener signs in with Spotify, connects Apple Music and imports a playlist, then it becomes a Muse playlist, and an album Muse lacks can be added from Spotify and rated', async () => {
    const { page, problems } = await browser();

    await step(page, '01-sign-in-with-spotify', () => signUpWithSpotify(page, server));

    await step(page, '02-connect-apple-music', async () => {
      await connectAppleMusic(page, server);
      await shootBothWidths(page, 'services-connected');
    });

    await step(page, '03-import-from-spotify-with-live-progress', async () => {
      // Each page of 100 tracks takes a moment, as on a busy day at Spotify, so the bar has steps to show.
      await sandboxKnobs(sandboxUrl, { service: 'spotify', slowMs: 400 });
      await startSpotifyImport(page, server, PLAYLIST);
      const bar = page.getByRole('progressbar', { name: 'Tracks imported' });
      // Every value the bar takes is recorded in the page, so a step between two polls is not missed.
      await bar.evaluate((element) => {
        const seen: string[] = [];
        (window as unknown as { progressSeen: string[] }).progressSeen = seen;
        seen.push(element.getAttribute('aria-valuenow') ?? '');
        new MutationObserver(() => seen.push(element.getAttribute('aria-valuenow') ?? '')).observe(element, { attributeFilter: ['aria-valuenow'] });
      });
      await page.getByRole('link', { name: 'Open playlist' }).waitFor({ timeout: 60_000 });
      const seen = (await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)).map(Number);
      expect(seen.some((value) => value > 0 && value < PLAYLIST_TRACKS)).toBe(true);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      await sandboxKnobs(sandboxUrl, { service: 'spotify', slowMs: 0 });
    });

    await step(page, '04-open-the-new-playlist', async () => {
      await page.getByRole('link', { name: 'Open playlist' }).click();
      await page.getByRole('heading', { level: 1, name: PLAYLIST }).waitFor();
      await page.getByText(`${PLAYLIST_TRACKS} tracks`).first().waitFor();
    });

    await step(page, '05-add-an-album-from-spotify', async () => {
      await page.goto(`${server.url}/search?q=${encodeURIComponent(`${NEW_ALBUM.artist} ${NEW_ALBUM.title}`)}`);
      const section = page.getByRole('region', { name: 'From Spotify' });
      const add = section.getByRole('button', { name: `Add to Muse: ${NEW_ALBUM.title} by ${NEW_ALBUM.artist}` });
      await add.waitFor();
      await shootBothWidths(page, 'services-external-search');
      await add.click();
      await page.getByRole('heading', { level: 1, name: NEW_ALBUM.title }).waitFor();
    });

    await step(page, '06-rate-the-added-album', async () => {
      const slider = page.getByRole('slider', { name: 'Your rating', exact: true });
      await slider.focus();
      const saved = page.waitForResponse((r) => /\/api\/albums\/\d+\/rating$/.test(r.url()) && r.request().method() === 'PUT');
      await page.keyboard.press('End');
      expect((await saved).status()).toBe(200);
      await page.getByText('You rated it 5 stars').waitFor();
    });

    expect(seriousProblems(problems)).toEqual([]);
  });
});
