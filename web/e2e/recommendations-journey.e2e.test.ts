import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { AlbumSummary, ArtistPage, SearchResults } from '@muse/shared';
import type { Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousA11yViolations, journeyKit, seriousProblems, shootBothWidths } from './journey-kit';
import { startMuse, type MuseServer } from './harness';

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

const { browser, step, register, closeBrowsers } = journeyKit('recommendations', () => server);

/** Up to `count` albums of one artist of the demo catalog (found by a search, then their discography), distinct by title. */
async function albumsBy(page: Page, artist: string, count: number): Promise<AlbumSummary[]> {
  const found = await page.request.get(`${server.url}/api/search?q=${encodeURIComponent(artist)}`);
  expect(found.status()).toBe(200);
  const { artists } = (await found.json()) as SearchResults;
  const match = artists.find((a) => a.name === artist);
  expect(match).toBeDefined();
  const res = await page.request.get(`${server.url}/api/artists/${match!.id}`);
  expect(res.status()).toBe(200);
  const { albums } = (await res.json()) as ArtistPage;
  const titles = new Set<string>();
  return albums.filter((a) => !titles.has(a.title) && titles.add(a.title)).slice(0, count);
}

/** Rates an album on its page with the keyboard (five stars), as a listener would. */
async function rateOnPage(page: Page, album: AlbumSummary, beforeRating?: () => Promise<void>): Promise<void> {
  await page.goto(`${server.url}/albums/${album.id}`);
  await page.getByRole('heading', { level: 1, name: album.title }).waitFor();
  await beforeRating?.();
  const slider = page.getByRole('slider', { name: 'Your rating', exact: true });
  await slider.focus();
  const rated = page.waitForResponse((r) => r.url().endsWith(`/api/albums/${album.id}/rating`) && r.request().method() === 'PUT');
  await page.keyboard.press('End');
  expect((await rated).status()).toBe(200);
}

describe('the recommendations journey in a browser', () => {
  it('when a new listener rates five albums, then Discover fills with explained picks, a dismissed one leaves, and a sixth rating brings new recommendations live', async () => {
    const { page, problems } = await browser();
    const handle = `disc_${randomBytes(4).toString('hex')}`;
    const rated: AlbumSummary[] = [];

    await step(page, '01-register', () => register(page, handle, 'Dana Discover'));

    await step(page, '02-rate-five-albums', async () => {
      // Rock and pop of the demo catalog, a few albums by each artist.
      for (const artist of ['David Bowie', 'Elton John', 'Big Star']) rated.push(...(await albumsBy(page, artist, 5 - rated.length)));
      expect(rated).toHaveLength(5);
      for (const album of rated) await rateOnPage(page, album);
    });

    await step(page, '03-discover-fills-with-explained-picks', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Discover' }).click();
      await page.waitForURL((url) => url.pathname === '/discover');
      await page.getByRole('heading', { level: 1, name: 'Discover' }).waitFor();
      const picks = page
        .getByRole('list', { name: 'Recommended albums' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: /^Not interested in / }) });
      await picks.first().waitFor();
      expect(await picks.count()).toBeGreaterThanOrEqual(3);
      const reasons = page.getByRole('list', { name: /^Why .* is recommended$/ }).first();
      await reasons
        .getByText(/^Because you rated .* 5$/)
        .first()
        .waitFor();
      const shown = await page.getByRole('list', { name: 'Recommended albums' }).getByRole('heading', { level: 3 }).allTextContents();
      for (const album of rated) expect(shown).not.toContain(album.title);
      await expectNoSeriousA11yViolations(page, 'discover');
      await shootBothWidths(page, 'discover');
    });

    await step(page, '04-dismiss-one', async () => {
      const first = page.getByRole('button', { name: /^Not interested in / }).first();
      const title = ((await first.getAttribute('aria-label')) ?? '').replace(/^Not interested in /, '');
      const dismissed = page.waitForResponse((r) => r.url().endsWith('/api/recommendations/dismiss') && r.request().method() === 'POST');
      await first.click();
      expect((await dismissed).status()).toBe(204);
      await page.getByRole('button', { name: `Not interested in ${title}`, exact: true }).waitFor({ state: 'detached' });
      await page.reload();
      await page
        .getByRole('button', { name: /^Not interested in / })
        .first()
        .waitFor();
      expect(await page.getByRole('button', { name: `Not interested in ${title}`, exact: true }).count()).toBe(0);
    });

    await step(page, '05-sixth-rating-brings-new-recommendations-live', async () => {
      // Something else entirely: electronic music.
      const [sixth] = await albumsBy(page, 'John Tejada', 1);
      expect(sixth).toBeDefined();
      let unreadBefore = 0;
      await rateOnPage(page, sixth!, async () => {
        await page.getByTestId('unread-count').waitFor();
        unreadBefore = await page.evaluate(() => Number(document.querySelector('[data-testid="unread-count"]')?.getAttribute('data-count') ?? '0'));
      });
      // No reload from here: the notification must arrive over the live connection.
      await page.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="unread-count"]')?.getAttribute('data-count') ?? '0') > before,
        unreadBefore,
        {
          timeout: 30_000,
        },
      );
      await page.getByRole('button', { name: /^Notifications, \d+ unread/ }).click();
      await page.getByRole('region', { name: 'Recent notifications' }).getByText('New recommendations').first().waitFor();
    });

    expect(seriousProblems(problems)).toEqual([]);
  });
});
