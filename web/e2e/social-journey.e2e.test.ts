import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { saveScreenshot } from './browser';
import { expectNoSeriousA11yViolations, journeyKit, seriousProblems, shootBothWidths } from './journey-kit';
import { startMuse, type MuseServer } from './harness';

const id = randomBytes(4).toString('hex');
const ana = { handle: `ana_${id}`, name: 'Ana Ardent' };
const bob = { handle: `bob_${id}`, name: 'Bob Bassline' };

let server: MuseServer;

beforeAll(async () => {
  // Ana moderates too, so the same journey can check the moderation queue.
  server = await startMuse({ ADMIN_HANDLES: ana.handle });
});

afterEach(async () => {
  await closeBrowsers();
});

afterAll(async () => {
  await server?.stop();
});

const { browser, step, register, closeBrowsers } = journeyKit('social', () => server);

/** Calls the API from inside the page, with its session cookie and CSRF token, as the SPA would. */
async function apiFrom<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/me')).json();
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${await response.text()}`);
      return response.status === 204 ? null : response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/**
 * Checks one notification with avatars is laid out for reading: its text gets at least half the
 * item's width (not one letter per line) and its "Mark as read" button sits inside the item,
 * which sits inside the window.
 */
async function expectNotificationFits(item: Locator, where: string): Promise<void> {
  const geometry = await item.evaluate((li) => {
    const box = (el: Element | null | undefined) => {
      const r = el?.getBoundingClientRect();
      return r
        ? { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom), width: Math.round(r.width) }
        : null;
    };
    const button = [...li.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Mark as read');
    return { item: box(li), text: box(li.querySelector('p')), button: box(button), viewport: window.innerWidth };
  });
  const { item: itemBox, text, button, viewport } = geometry;
  if (!itemBox || !text || !button) throw new Error(`${where}: notification parts missing ${JSON.stringify(geometry)}`);
  const fits = {
    textHasRoom: text.width >= itemBox.width / 2,
    buttonInsideItem: button.left >= itemBox.left && button.right <= itemBox.right && button.top >= itemBox.top && button.bottom <= itemBox.bottom,
    itemInsideWindow: itemBox.left >= 0 && itemBox.right <= viewport,
  };
  expect({ where, ...fits, geometry }).toEqual({ where, textHasRoom: true, buttonInsideItem: true, itemInsideWindow: true, geometry });
}

async function unreadCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('unread-count').getAttribute('data-count')) ?? '0');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface AlbumHit {
  id: string;
  title: string;
  artistCredit: string;
}

describe('the social journey in two browsers', () => {
  it('when Ana follows Bob and Bob rates an album and likes her review, then Ana sees both live and their compatibility on his page', async () => {
    const a = await browser();
    const b = await browser();
    const pageA = a.page;
    const pageB = b.page;

    await step(pageA, '01-register-ana', () => register(pageA, ana.handle, ana.name));
    await step(pageB, '02-register-bob', () => register(pageB, bob.handle, bob.name));

    let albums: AlbumHit[] = [];
    await step(pageA, '03-shared-ratings', async () => {
      const found = await apiFrom<{ albums: AlbumHit[] }>(pageA, 'GET', '/api/search?q=love&type=album&limit=8');
      albums = found.albums;
      expect(albums.length).toBeGreaterThanOrEqual(5);
      // Three albums both rate, far apart on one of them, so there is a score and a disagreement.
      const anas = [5, 4, 1];
      const bobs = [4.5, 4, 4.5];
      for (let i = 0; i < 3; i += 1) {
        await apiFrom(pageA, 'PUT', `/api/albums/${albums[i]!.id}/rating`, { rating: anas[i] });
        await apiFrom(pageB, 'PUT', `/api/albums/${albums[i]!.id}/rating`, { rating: bobs[i] });
      }
    });

    const reviewed = albums[3]!;
    const live = albums[4]!;
    let reviewPath = '';
    await step(pageA, '04-ana-reviews', async () => {
      await pageA.goto(`${server.url}/albums/${reviewed.id}`);
      await pageA.getByRole('heading', { level: 1, name: reviewed.title }).waitFor();
      await pageA.getByRole('button', { name: 'Log / review' }).click();
      const dialog = pageA.getByRole('dialog', { name: 'Log a listen' });
      await dialog.getByLabel('Review').fill(`Bob should hear this one ${id}.`);
      await dialog.getByRole('button', { name: 'Publish review' }).click();
      await pageA.getByText('Your review is published.').waitFor();
      await pageA.getByRole('link', { name: 'Open it' }).click();
      await pageA.waitForURL((url) => url.pathname.startsWith('/reviews/'));
      reviewPath = new URL(pageA.url()).pathname;
      await pageA.getByTestId('review-body').waitFor();
      await expectNoSeriousA11yViolations(pageA, 'own review');
    });

    await step(pageA, '05-ana-follows-bob', async () => {
      await pageA.goto(`${server.url}/users/${bob.handle}`);
      await pageA.getByRole('heading', { level: 1, name: bob.name }).waitFor();
      await pageA.getByRole('button', { name: `Follow ${bob.name}` }).click();
      await pageA.getByRole('button', { name: `Following ${bob.name}: unfollow` }).waitFor();
      expect(await pageA.getByTestId('follow-button').textContent()).toBe('Following');
    });

    let anaLoads = 0;
    let unreadBefore = 0;
    await step(pageA, '06-ana-opens-feed', async () => {
      await pageA.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await pageA.getByRole('heading', { name: 'From people you follow' }).waitFor();
      await pageA.waitForLoadState('networkidle');
      unreadBefore = await unreadCount(pageA);
      pageA.on('load', () => {
        anaLoads += 1;
      });
    });

    await step(pageB, '07-bob-rates-live', async () => {
      await pageB.goto(`${server.url}/albums/${live.id}`);
      await pageB.getByRole('heading', { level: 1, name: live.title }).waitFor();
      const slider = pageB.getByRole('slider', { name: 'Your rating', exact: true });
      await slider.focus();
      const saved = pageB.waitForResponse((r) => r.url().endsWith(`/api/albums/${live.id}/rating`) && r.request().method() === 'PUT');
      await pageB.keyboard.press('End');
      expect((await saved).status()).toBe(200);
    });

    await step(pageA, '08-ana-sees-rating-live', async () => {
      const first = pageA.getByTestId('feed-item').first();
      await first.getByRole('heading', { name: `${bob.name} rated ${live.title}` }).waitFor({ timeout: 15_000 });
      await pageA.getByTestId('feed-new-pill').waitFor();
      expect(anaLoads).toBe(0);
    });

    await step(pageB, '09-bob-likes-review', async () => {
      await pageB.goto(`${server.url}${reviewPath}`);
      const like = pageB.getByRole('button', { name: /^Like/, pressed: false });
      await like.click();
      await pageB.getByRole('button', { name: /^Like/, pressed: true }).waitFor();
    });

    await step(pageA, '10-ana-sees-like-live', async () => {
      await pageA.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="unread-count"]')?.getAttribute('data-count') ?? '0') > before,
        unreadBefore,
        {
          timeout: 15_000,
        },
      );
      await pageA
        .getByTestId('feed-item')
        .first()
        .getByRole('heading', { name: `${bob.name} liked your review of ${reviewed.title}` })
        .waitFor({ timeout: 15_000 });
      await pageA.getByRole('button', { name: /^Notifications, \d+ unread/ }).click();
      await pageA
        .getByRole('region', { name: 'Recent notifications' })
        .getByText(new RegExp(`${bob.name}.*liked`))
        .first()
        .waitFor();
      await pageA.keyboard.press('Escape');
      expect(anaLoads).toBe(0);
      await shootBothWidths(pageA, 'feed');
    });

    await step(pageA, '10b-ana-mutes-bob-from-the-feed-and-undoes', async () => {
      const bobsItems = pageA.getByTestId('feed-item').filter({ has: pageA.getByRole('heading', { name: new RegExp(`^${escapeRegExp(bob.name)} `) }) });
      await bobsItems.first().waitFor();
      // By keyboard: open the first item's menu, walk to "Mute Bob" and choose it.
      await pageA.getByTestId('feed-item').first().getByRole('button', { name: 'More actions' }).focus();
      await pageA.keyboard.press('Enter');
      const menu = pageA.getByRole('menu');
      await menu.waitFor();
      await expect(pageA.evaluate(() => document.activeElement?.textContent)).resolves.toBe(`Mute ${bob.name}`);
      const muted = pageA.waitForResponse((r) => r.url().endsWith('/api/me/mutes') && r.request().method() === 'POST');
      await pageA.keyboard.press('Enter');
      expect((await muted).status()).toBe(201);
      await pageA.getByTestId('mute-notice').getByText(`Muted ${bob.name}.`).waitFor();
      await bobsItems.first().waitFor({ state: 'detached' });
      const undone = pageA.waitForResponse((r) => r.url().includes('/api/me/mutes/') && r.request().method() === 'DELETE');
      await pageA.getByTestId('mute-notice').getByRole('button', { name: 'Undo' }).click();
      expect((await undone).status()).toBe(204);
      await bobsItems.first().waitFor({ timeout: 15_000 });
      expect(anaLoads).toBe(0);
    });

    await step(pageA, '11-ana-sees-compatibility', async () => {
      await pageA.getByTestId('feed-item').first().getByRole('link', { name: bob.name }).click();
      await pageA.waitForURL((url) => url.pathname === `/users/${bob.handle}`);
      const score = pageA.getByTestId('compatibility-score');
      await score.waitFor();
      expect(await score.textContent()).toMatch(/^\d{1,3}%$/);
      expect(await pageA.getByTestId('compatibility-shared').textContent()).toMatch(/Based on [3-9] albums you both rated/);
      await pageA.getByRole('heading', { name: 'Where you disagree most' }).waitFor();
      await shootBothWidths(pageA, 'profile');
    });

    await step(pageA, '11b-popular-with-friends', async () => {
      await pageA.goto(`${server.url}/albums/${albums[0]!.id}`);
      const friends = pageA.getByRole('region', { name: 'Popular with friends' });
      await friends.getByRole('link', { name: bob.name }).waitFor();
      await friends.getByRole('img', { name: `${bob.name}: 4.5 stars` }).waitFor();
    });

    await step(pageA, '11c-notifications-fit-phone-and-desktop', async () => {
      const liked = (scope: Locator) =>
        scope
          .getByRole('listitem')
          .filter({ hasText: `${bob.name} liked your review` })
          .first();
      for (const width of [375, 1280]) {
        await pageA.setViewportSize({ width, height: 900 });
        await pageA.getByRole('button', { name: /^Notifications/ }).click();
        const panel = pageA.getByRole('region', { name: 'Recent notifications' });
        await liked(panel).waitFor();
        await expectNotificationFits(liked(panel), `bell at ${width}px`);
        await expectNoSeriousA11yViolations(pageA, `bell at ${width}px`);
        await saveScreenshot(pageA, `bell-${width}`);
        await pageA.keyboard.press('Escape');
        await panel.waitFor({ state: 'detached' });
        if (width === 375) {
          // Phones reach every page, the admin ones included, through the Menu button.
          const menuButton = pageA.getByRole('button', { name: 'Menu', exact: true });
          await menuButton.click();
          const menu = pageA.getByRole('navigation', { name: 'Menu' });
          for (const name of ['Home', 'My Muse', 'Diary', 'Charts', 'Notifications', 'Reports', 'Jobs']) {
            const box = await menu.getByRole('link', { name, exact: true }).boundingBox();
            expect({ name, inWindow: Boolean(box && box.x >= 0 && box.x + box.width <= width) }).toEqual({ name, inWindow: true });
          }
          await expectNoSeriousA11yViolations(pageA, 'menu at 375px');
          await saveScreenshot(pageA, 'menu-375');
          await menu.getByRole('link', { name: 'Notifications', exact: true }).click();
          await menu.waitFor({ state: 'detached' });
        } else {
          // An administrator's header keeps room for search: the admin pages are in the account menu.
          const search = await pageA.locator('.app-header-search').boundingBox();
          expect({ searchWidth: Math.round(search?.width ?? 0) >= 150 }).toEqual({ searchWidth: true });
          await pageA.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
        }
        await pageA.waitForURL((url) => url.pathname === '/notifications');
        const list = pageA.getByRole('region', { name: /unread|All caught up/ });
        await liked(list).waitFor();
        await expectNotificationFits(liked(list), `notifications page at ${width}px`);
        await expectNoSeriousA11yViolations(pageA, `notifications page at ${width}px`);
        await saveScreenshot(pageA, `notifications-${width}`);
      }
    });

    await step(pageA, '12-own-profile-and-settings', async () => {
      await pageA.goto(`${server.url}/users/${ana.handle}`);
      await pageA.getByRole('heading', { level: 1, name: ana.name }).waitFor();
      await pageA.getByRole('heading', { name: 'Favourite albums' }).waitFor();
      // Two favourites from the picker, then the second dragged in front of the first with the pointer.
      for (const album of [albums[0]!, albums[1]!]) {
        const box = pageA.getByLabel('Add a favourite album');
        await box.fill(album.title);
        const saved = pageA.waitForResponse((r) => r.url().endsWith('/api/me/favourites') && r.request().method() === 'PUT');
        await pageA
          .getByRole('list', { name: 'Albums to add' })
          .getByRole('button', { name: new RegExp(`^${escapeRegExp(album.title)}`) })
          .first()
          .click();
        expect((await saved).status()).toBe(200);
      }
      const favourites = pageA.getByRole('list', { name: 'Your favourite albums, in order' });
      await favourites.getByRole('listitem').nth(1).waitFor();
      const handle = favourites.getByRole('button', { name: new RegExp(`^Reorder ${escapeRegExp(albums[1]!.title)}`) });
      const from = await handle.boundingBox();
      const to = await favourites.getByRole('listitem').first().boundingBox();
      if (!from || !to) throw new Error('favourites are not laid out');
      const reordered = pageA.waitForResponse((r) => r.url().endsWith('/api/me/favourites') && r.request().method() === 'PUT');
      await pageA.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await pageA.mouse.down();
      await pageA.mouse.move(to.x + to.width / 3, to.y + to.height / 3, { steps: 8 });
      await pageA.mouse.up();
      expect((await reordered).request().postDataJSON()).toEqual({ albumIds: [albums[1]!.id, albums[0]!.id] });
      expect(await favourites.getByRole('listitem').first().getAttribute('aria-label')).toBe(`1. ${albums[1]!.title} by ${albums[1]!.artistCredit}`);
      await shootBothWidths(pageA, 'my-muse');
      await pageA.goto(`${server.url}/settings`);
      await pageA.getByRole('heading', { name: 'Privacy' }).waitFor();
      await pageA.getByRole('heading', { name: 'Notify me when' }).waitFor();
      await pageA.getByLabel('Someone likes your review').waitFor();
      await shootBothWidths(pageA, 'settings');
    });

    await step(pageA, '12b-follow-lists-and-profile-settings', async () => {
      await pageA.goto(`${server.url}/users/${bob.handle}/followers`);
      await pageA.getByRole('heading', { level: 1, name: 'Followers' }).waitFor();
      await pageA.getByRole('region', { name: 'Followers' }).getByRole('link', { name: ana.name }).waitFor();
      await shootBothWidths(pageA, 'followers');
      await pageA.goto(`${server.url}/users/${ana.handle}/following`);
      await pageA.getByRole('heading', { level: 1, name: 'Following' }).waitFor();
      const bobRow = pageA.getByRole('region', { name: 'Following' }).getByRole('listitem').filter({ hasText: bob.name });
      await bobRow.getByText('You follow').waitFor();
      await shootBothWidths(pageA, 'following');
      await pageA.goto(`${server.url}/settings/profile`);
      const form = pageA.getByRole('form', { name: 'Edit profile' });
      await form.waitFor();
      expect(await form.getByLabel('Display name').inputValue()).toBe(ana.name);
      await shootBothWidths(pageA, 'profile-settings');
    });

    await step(pageB, '13-bob-reports-review', async () => {
      await pageB.getByRole('button', { name: `Report review by ${ana.name}` }).click();
      const dialog = pageB.getByRole('dialog', { name: 'Report this review' });
      await dialog.getByLabel('What is wrong?').fill('Testing the moderation queue.');
      await dialog.getByRole('button', { name: 'Send report' }).click();
      await dialog.getByText('Your report is with the moderators.').waitFor();
    });

    await step(pageA, '14-moderation-queue', async () => {
      await pageA.goto(`${server.url}/admin/reports`);
      const report = pageA.getByTestId('report').filter({ hasText: 'Testing the moderation queue.' });
      await report.waitFor();
      await shootBothWidths(pageA, 'moderation');
      // The report is about Ana's own review: another administrator has to resolve it.
      await report.getByText('This report is about your own content; another administrator has to resolve it.').waitFor();
      expect(await report.getByRole('button', { name: 'Dismiss' }).count()).toBe(0);
    });

    await step(pageA, '15-import-and-jobs-pages', async () => {
      await pageA.goto(`${server.url}/import`);
      await pageA.getByRole('heading', { level: 1, name: 'Import ratings and diary' }).waitFor();
      await shootBothWidths(pageA, 'import');
      await pageA.goto(`${server.url}/admin/jobs`);
      await pageA.getByRole('heading', { level: 1, name: 'Failed jobs' }).waitFor();
      await pageA.waitForLoadState('networkidle');
      await shootBothWidths(pageA, 'admin-jobs');
    });

    expect(seriousProblems(a.problems)).toEqual([]);
    expect(seriousProblems(b.problems)).toEqual([]);
  });
});
