import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { journeyKit, seriousProblems, shootBothWidths } from './journey-kit';
import { startMuse, type MuseServer } from './harness';

/** The sandbox's 300-track Spotify playlist of its demo listener, and an album its services sell that Muse's demo catalog lacks. */
const PLAYLIST = 'Demo mix 300';
const PLAYLIST_TRACKS = 300;
const NEW_ALBUM = { title: 'Harbour Signals', artist: 'Velvet Lighthouse' };

let server: MuseServer;
let sandboxUrl = '';

/** Spotify sends the browser back to a fixed loopback address, so Muse needs its port before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  server = await startMuse({ PORT: String(await freePort()) });
  // The sandbox's address is printed on the line after Muse's own.
  const deadline = Date.now() + 10_000;
  const sandboxLine = () => /Provider sandbox \(offline Spotify and Apple Music\) at (\S+)/.exec(server.output());
  while (!sandboxLine() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const printed = sandboxLine();
  if (!printed) throw new Error(`Muse did not print its provider sandbox's address.\n${server.output()}`);
  sandboxUrl = printed[1]!;
});

afterEach(async () => {
  await closeBrowsers();
});

afterAll(async () => {
  await server?.stop();
});

const { browser, step, closeBrowsers } = journeyKit('services', () => server);

/** Turns a sandbox knob (per service) on or off, as a test of the real services' slowness would need. */
async function sandboxKnobs(knobs: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/knobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(knobs) });
  expect(res.status).toBe(200);
}

describe('Spotify and Apple Music in a browser', () => {
  it('when a listener signs in with Spotify, connects Apple Music and imports a playlist, then it becomes a Muse playlist, and an album Muse lacks can be added from Spotify and rated', async () => {
    const { page, problems } = await browser();

    await step(page, '01-sign-in-with-spotify', async () => {
      await page.goto(`${server.url}/login`);
      await page.getByRole('link', { name: 'Sign in with Spotify' }).click();
      await page.getByRole('heading', { name: 'Sign in to Spotify (sandbox)' }).waitFor();
      await page.getByRole('button', { name: 'Continue as Demo Listener' }).click();
      await page.waitForURL((url) => url.pathname === '/signup/spotify');
      const handle = page.getByLabel('Handle');
      await expect(handle.inputValue()).resolves.toMatch(/^demo_listener/);
      await handle.fill('demo_listener');
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page.waitForURL((url) => url.pathname === '/home');
    });

    await step(page, '02-connect-apple-music', async () => {
      await page.goto(`${server.url}/settings#connections`);
      const connections = page.getByRole('region', { name: 'Connected services' });
      await connections.getByText('Connected as Demo Listener').waitFor();
      await connections.locator('li', { hasText: 'Apple Music' }).getByRole('link', { name: 'Connect' }).click();
      await page.getByRole('heading', { name: 'Connect to Apple Music (sandbox)' }).waitFor();
      await page.getByRole('button', { name: 'Allow as Demo Listener' }).click();
      await page.waitForURL((url) => url.pathname === '/settings' && url.searchParams.get('connected') === 'apple');
      await connections.locator('li', { hasText: 'Apple Music' }).getByRole('button', { name: 'Disconnect' }).waitFor();
      await shootBothWidths(page, 'services-connected');
    });

    await step(page, '03-import-from-spotify-with-live-progress', async () => {
      // Each page of 100 tracks takes a moment, as on a busy day at Spotify, so the bar has steps to show.
      await sandboxKnobs({ service: 'spotify', slowMs: 400 });
      await page.goto(`${server.url}/playlists/import`);
      await page.getByRole('button', { name: 'Spotify', exact: true }).click();
      await page.getByRole('button', { name: `Import ${PLAYLIST}` }).click();
      const bar = page.getByRole('progressbar', { name: 'Tracks imported' });
      await bar.waitFor();
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
      await sandboxKnobs({ service: 'spotify', slowMs: 0 });
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
