import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { saveScreenshot } from './browser';
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

const { browser, step, register, closeBrowsers } = journeyKit('track-reviews', () => server);

describe('the track review journey in a browser', () => {
  it('when a listener opens a track from a tracklist, rates and reviews it, then a second listener sees, likes and answers the review', async () => {
    const first = await browser();
    const second = await browser();
    const { page } = first;
    const id = randomBytes(4).toString('hex');
    const [album] = await server.query(
      `SELECT a.id::text AS id, a.title, t.id::text AS track_id, t.title AS track_title
         FROM albums a JOIN tracks t ON t.album_id = a.id
        WHERE t.position = 2 AND length(t.title) BETWEEN 3 AND 40 AND t.title !~ '[^A-Za-z ]'
        ORDER BY a.id LIMIT 1`,
    );
    expect(album).toBeDefined();
    const trackTitle = String(album!.track_title);
    const reviewText = `The second track carries the record, ${id}.\nListen to the bass.`;

    await step(page, '01-register', () => register(page, `trackfan_${id}`, 'Tess Tracks'));

    await step(page, '02-open-track-from-tracklist', async () => {
      await page.goto(`${server.url}/albums/${album!.id}`);
      const tracklist = page.getByRole('region', { name: 'Tracklist' });
      await tracklist.getByRole('link', { name: trackTitle, exact: true }).first().click();
      await page.waitForURL((url) => url.pathname === `/tracks/${album!.track_id}`);
      await page.getByRole('heading', { level: 1, name: trackTitle }).waitFor();
      await page.getByText('No ratings yet').waitFor();
    });

    await step(page, '03-rate-track-with-keyboard', async () => {
      const slider = page.getByRole('slider', { name: `Your rating of the track ${trackTitle}` });
      await slider.focus();
      const saved = page.waitForResponse((r) => r.url().endsWith(`/api/tracks/${album!.track_id}/rating`) && r.request().method() === 'PUT');
      await page.keyboard.press('End');
      expect((await saved).status()).toBe(200);
      await page.getByText('You rated it 5 stars').waitFor();
    });

    await step(page, '04-write-track-review', async () => {
      await page.getByRole('button', { name: 'Review this track' }).click();
      const dialog = page.getByRole('dialog', { name: 'Review this track' });
      await dialog.waitFor();
      await dialog.getByLabel('Review').fill(reviewText);
      const posted = page.waitForResponse((r) => r.url().endsWith(`/api/tracks/${album!.track_id}/reviews`) && r.request().method() === 'POST');
      await dialog.getByRole('button', { name: 'Publish review' }).click();
      expect((await posted).status()).toBe(201);
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('Your review is published.').waitFor();
      await page.getByRole('region', { name: 'Reviews' }).getByText(`The second track carries the record, ${id}.`).waitFor();
      await page.getByRole('link', { name: 'Your review' }).waitFor();
      await shootBothWidths(page, 'track');
      // The brief's phone width, beside the kit's 360 px.
      await page.setViewportSize({ width: 375, height: 900 });
      await saveScreenshot(page, 'track-375');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      await expectNoSeriousA11yViolations(page, 'track page at 375px');
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await step(page, '05-album-keeps-its-own-reviews', async () => {
      await page.goto(`${server.url}/albums/${album!.id}`);
      await page.getByRole('region', { name: 'Reviews' }).getByText('No reviews yet.').waitFor();
    });

    const other = second.page;
    await step(other, '06-second-listener-likes-and-comments', async () => {
      await register(other, `trackpal_${id}`, 'Pat Pal');
      await other.goto(`${server.url}/tracks/${album!.track_id}`);
      const card = other.getByRole('article').filter({ hasText: `The second track carries the record, ${id}.` });
      await card.waitFor();
      const like = card.getByRole('button', { name: /Like/ });
      await like.click();
      await card.getByRole('button', { name: /Like/, pressed: true }).waitFor();
      await card.getByRole('link', { name: /comment/ }).click();
      await other.waitForURL((url) => url.pathname.startsWith('/reviews/'));
      await other
        .getByRole('link', { name: new RegExp(trackTitle) })
        .first()
        .waitFor();
      await other.getByLabel('Add a comment').fill('The bass line, yes.');
      await other.getByRole('button', { name: 'Post comment' }).click();
      await other.getByRole('heading', { name: '1 comment' }).waitFor();
      await other.getByRole('listitem').filter({ hasText: 'The bass line, yes.' }).first().waitFor();
      await shootBothWidths(other, 'track-review');
    });

    expect(seriousProblems(first.problems)).toEqual([]);
    expect(seriousProblems(second.problems)).toEqual([]);
  });
});
