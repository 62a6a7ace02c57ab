import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { journeyKit, seriousProblems, shootBothWidths } from './journey-kit';
import { startMuse, type MuseServer } from './harness';

const ALBUM_TITLE = 'Space Oddity';
const ARTIST = 'David Bowie';

let server: MuseServer;

beforeAll(async () => {
  server = await startMuse();
});

afterEach(async () => {
  await closeBrowsers();
});

afterAll(async () => {
  await server?.stop();
});

const { browser, step, register, closeBrowsers } = journeyKit('listen-later', () => server);

describe('the Listen later journey in a browser', () => {
  it('when a listener saves an album for later, then My Muse and the queue show it, and rating it takes it off', async () => {
    const { page, problems } = await browser();
    const handle = `later_${randomBytes(4).toString('hex')}`;
    let albumPath = '';

    await step(page, '01-register', () => register(page, handle, 'Lena Later'));

    await step(page, '02-save-from-album-page', async () => {
      await page.goto(`${server.url}/search?q=${encodeURIComponent(`${ARTIST} ${ALBUM_TITLE}`)}`);
      await page.getByRole('link', { name: ALBUM_TITLE, exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: ALBUM_TITLE }).waitFor();
      albumPath = new URL(page.url()).pathname;
      const button = page.getByRole('button', { name: 'Listen later', exact: true });
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      const saved = page.waitForResponse((r) => r.url().includes('/api/me/listen-later/') && r.request().method() === 'PUT');
      await button.click();
      expect((await saved).status()).toBe(201);
      await page.getByRole('button', { name: 'Listen later', exact: true, pressed: true }).waitFor();
      await page.getByRole('checkbox', { name: 'Keep after I rate or log it' }).waitFor();
      await shootBothWidths(page, 'album-listen-later');
    });

    await step(page, '03-my-muse-shows-it', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My Muse' }).click();
      const section = page.getByRole('region', { name: 'Listen later' });
      await section.getByRole('link', { name: `${ALBUM_TITLE} by ${ARTIST}` }).waitFor();
      await section.getByText('1 album waiting to be heard. Only you see this.').waitFor();
    });

    await step(page, '04-queue-page', async () => {
      await page.getByRole('link', { name: 'See all albums to listen to later' }).click();
      await page.waitForURL((url) => url.pathname === '/listen-later');
      await page.getByRole('heading', { level: 1, name: 'Listen later' }).waitFor();
      await page.getByRole('link', { name: ALBUM_TITLE, exact: true }).waitFor();
      await page.getByRole('button', { name: 'Newest release' }).click();
      await page.waitForURL((url) => url.searchParams.get('sort') === 'release');
      await page.getByRole('link', { name: ALBUM_TITLE, exact: true }).waitFor();
      await shootBothWidths(page, 'listen-later');
    });

    await step(page, '05-rating-takes-it-off', async () => {
      await page.goto(`${server.url}${albumPath}`);
      await page.getByRole('button', { name: 'Listen later', exact: true, pressed: true }).waitFor();
      const slider = page.getByRole('slider', { name: 'Your rating', exact: true });
      await slider.focus();
      const rated = page.waitForResponse((r) => r.url().endsWith(`/api${albumPath}/rating`) && r.request().method() === 'PUT');
      await page.keyboard.press('End');
      expect((await rated).status()).toBe(200);
      await page.getByRole('button', { name: 'Listen later', exact: true, pressed: false }).waitFor();
    });

    await step(page, '06-my-muse-empty-again', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My Muse' }).click();
      await page
        .getByRole('region', { name: 'Listen later' })
        .getByText(/Nothing waiting\./)
        .waitFor();
      await page.goto(`${server.url}/listen-later`);
      await page.getByText('Nothing waiting to be heard yet.').waitFor();
      await shootBothWidths(page, 'listen-later-empty');
    });

    expect(seriousProblems(problems)).toEqual([]);
  });
});
