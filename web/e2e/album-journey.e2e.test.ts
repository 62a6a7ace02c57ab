import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousA11yViolations, journeyKit, seriousProblems, shootBothWidths } from './journey-kit';
import { startMuse, type MuseServer } from './harness';

/** A misspelling of "David Bowie" that the demo catalog's fuzzy search still resolves. */
const MISSPELT_QUERY = 'davd bowie';
const ALBUM_TITLE = 'Space Oddity';

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

const { browser, step, register, closeBrowsers } = journeyKit('album', () => server);

function yesterday(): string {
  const date = new Date();
  date.setDate(date.getDate() - 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe('the album journey in a browser', () => {
  it('when a listener finds a misspelt album, rates it, reviews it and logs it, then the page, the diary and a second viewer all show it', async () => {
    const first = await browser();
    const second = await browser();
    const { page } = first;
    const id = randomBytes(4).toString('hex');
    const handle = `rater_${id}`;
    let albumPath = '';

    await step(page, '01-register', () => register(page, handle, 'Rita Rater'));

    await step(page, '02-autocomplete-misspelt', async () => {
      const box = page.getByRole('combobox', { name: /Search albums/ }).first();
      await box.click();
      await box.pressSequentially(MISSPELT_QUERY, { delay: 40 });
      const option = page.getByRole('option', { name: new RegExp(ALBUM_TITLE) }).first();
      await option.waitFor();
      // Walk down with the keyboard until the album is the highlighted option, then open it.
      for (let i = 0; i < 10; i += 1) {
        await page.keyboard.press('ArrowDown');
        const active = page.getByRole('option', { selected: true });
        if ((await active.textContent())?.includes(ALBUM_TITLE)) break;
      }
      expect(await page.getByRole('option', { selected: true }).textContent()).toContain(ALBUM_TITLE);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname.startsWith('/albums/'));
      await page.getByRole('heading', { level: 1, name: ALBUM_TITLE }).waitFor();
      albumPath = new URL(page.url()).pathname;
      await page.getByTestId('live-indicator').waitFor();
    });

    const watcher = second.page;
    let watcherLoads = 0;
    await step(watcher, '03-second-viewer-opens-album', async () => {
      await register(watcher, `watcher_${id}`, 'Walt Watcher');
      await watcher.goto(`${server.url}${albumPath}`);
      await watcher.getByRole('heading', { level: 1, name: ALBUM_TITLE }).waitFor();
      // The watch is acknowledged before the indicator shows, so no later rating can be missed.
      await watcher.getByTestId('live-indicator').waitFor();
      expect(await watcher.getByTestId('album-count').textContent()).toBe('0');
      watcher.on('load', () => {
        watcherLoads += 1;
      });
    });

    await step(page, '04-rate-with-keyboard', async () => {
      const slider = page.getByRole('slider', { name: 'Your rating', exact: true });
      await slider.focus();
      const saved = page.waitForResponse((r) => r.url().endsWith(`/api${albumPath}/rating`) && r.request().method() === 'PUT');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      expect(await slider.getAttribute('aria-valuetext')).toBe('4.5 stars');
      const response = await saved;
      expect(response.status()).toBe(200);
      expect(await response.json()).toMatchObject({ rating: 4.5 });
      await page.getByText('You rated it 4.5 stars').waitFor();
      await page.getByTestId('album-count').filter({ hasText: /^1$/ }).waitFor();
    });

    await step(watcher, '05-second-viewer-sees-it-live', async () => {
      await watcher.getByTestId('album-count').filter({ hasText: /^1$/ }).waitFor({ timeout: 15_000 });
      await watcher.getByTitle('4.5 stars: 1 rating').waitFor();
      expect(await watcher.getByTestId('album-mean').textContent()).toBe('4.50');
      expect(watcherLoads).toBe(0);
    });

    const reviewText = `Ground control to major ${id}.\nThe title track still floats.`;
    const listenedOn = yesterday();
    await step(page, '06-write-review', async () => {
      await page.getByRole('button', { name: 'Log / review' }).click();
      const dialog = page.getByRole('dialog', { name: 'Log a listen' });
      await dialog.waitFor();
      await dialog.getByLabel('Listened on').fill(listenedOn);
      await dialog.getByLabel('Review').fill(reviewText);
      await dialog.getByLabel('Who can see it').selectOption({ label: 'Followers only' });
      await shootBothWidths(page, 'review-editor');
      await expectNoSeriousA11yViolations(page, 'review editor');
      await dialog.getByRole('button', { name: 'Publish review' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('Your review is published.').waitFor();
    });

    await step(page, '07-review-on-album-page', async () => {
      const reviews = page.getByRole('region', { name: 'Reviews' });
      await reviews.getByText(`Ground control to major ${id}.`).waitFor();
      expect(await reviews.getByRole('link', { name: 'Rita Rater' }).count()).toBeGreaterThan(0);
      // Its author is told who can read it.
      await reviews.getByText('Followers only').first().waitFor();
      await page.getByRole('heading', { name: 'Your listens' }).waitFor();
      await shootBothWidths(page, 'album');
    });

    await step(watcher, '07b-stranger-does-not-see-followers-review', async () => {
      // The watcher follows nobody: the album page, and the review's own address, keep it from them.
      const reviewPath = await page.getByRole('link', { name: 'Your review' }).getAttribute('href');
      expect(reviewPath).toMatch(/^\/reviews\//);
      await watcher.reload();
      await watcher.getByRole('heading', { level: 1, name: ALBUM_TITLE }).waitFor();
      // Wait for the list (or its empty state) rather than the spinner before looking.
      await watcher.getByRole('region', { name: 'Reviews' }).locator('.review-list, .empty-state').first().waitFor();
      expect(await watcher.getByText(`Ground control to major ${id}.`).count()).toBe(0);
      await watcher.goto(`${server.url}${reviewPath}`);
      await watcher.getByRole('heading', { level: 1, name: 'This review isn’t on the record' }).waitFor();
      expect(await watcher.getByTestId('review-body').count()).toBe(0);
    });

    await step(page, '08-review-page', async () => {
      await page.getByRole('link', { name: 'Your review' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/reviews/'));
      const body = page.getByTestId('review-body');
      await body.waitFor();
      // Line breaks are kept as written.
      expect(await body.evaluate((el) => (el as HTMLElement).innerText)).toBe(reviewText);
      await page.getByLabel('Add a comment').fill('Agreed, and the 12-string is glorious.');
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.getByText('Agreed, and the 12-string is glorious.').waitFor();
      await shootBothWidths(page, 'review');
    });

    await step(page, '09-diary', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary' }).click();
      await page.waitForURL((url) => url.pathname === `/users/${handle}/diary`);
      const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: ALBUM_TITLE, exact: true }) });
      await entry.first().waitFor();
      expect(await entry.first().locator(`time[datetime="${listenedOn}"]`).count()).toBe(1);
      expect(
        await entry
          .first()
          .getByRole('link', { name: /^Review/ })
          .count(),
      ).toBe(1);
      await shootBothWidths(page, 'diary');
    });

    await step(page, '10-charts', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charts' }).click();
      await page.getByRole('heading', { level: 1, name: 'Top albums of all time' }).waitFor();
      await page.getByText(/Ranked by weighted score/).waitFor();
      await page.getByRole('link', { name: 'Trending this week' }).click();
      await page.getByRole('heading', { level: 1, name: 'Trending this week' }).waitFor();
      await page
        .getByText(/Ranked by weighted score|Could not load/)
        .first()
        .waitFor();
      await shootBothWidths(page, 'charts');
    });

    await step(page, '11-search-page', async () => {
      await page.goto(`${server.url}/search?q=${encodeURIComponent(MISSPELT_QUERY)}`);
      await page.getByRole('heading', { level: 1, name: `Results for “${MISSPELT_QUERY}”` }).waitFor();
      await page.getByRole('link', { name: ALBUM_TITLE, exact: true }).first().waitFor();
      await shootBothWidths(page, 'search');
    });

    await step(page, '12-home', async () => {
      await page.goto(`${server.url}/home`);
      await page.getByRole('heading', { name: 'Your recent listens' }).waitFor();
      await page.getByRole('region', { name: 'Your recent listens' }).getByRole('link', { name: ALBUM_TITLE }).waitFor();
      await shootBothWidths(page, 'home');
    });

    expect(seriousProblems(first.problems)).toEqual([]);
    expect(seriousProblems(second.problems)).toEqual([]);
  });

  it('when a visitor is signed out, then they can search and read an album but are asked to log in to rate', async () => {
    const { page, problems } = await browser(360);

    await step(page, 'signed-out-search', async () => {
      await page.goto(server.url);
      const box = page.getByRole('combobox', { name: /Search albums/ });
      await box.click();
      await box.pressSequentially(MISSPELT_QUERY, { delay: 40 });
      await page
        .getByRole('option', { name: new RegExp(ALBUM_TITLE) })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: ALBUM_TITLE }).waitFor();
    });

    await step(page, 'signed-out-album', async () => {
      await page.getByRole('link', { name: 'Log in to rate' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'signed-out album');
      expect(await page.getByRole('slider', { name: 'Your rating', exact: true }).count()).toBe(0);
      await page.getByRole('link', { name: 'Log in to rate' }).click();
      await page.waitForURL((url) => url.pathname === '/login' && (url.searchParams.get('next') ?? '').startsWith('/albums/'));
    });

    expect(seriousProblems(problems)).toEqual([]);
  });
});
