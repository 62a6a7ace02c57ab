import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { saveScreenshot, type TestBrowser } from './browser';
import { startMuse, type MuseServer } from './harness';
import { expectNoSeriousA11yViolations, journeyKit, seriousProblems } from './journey-kit';

let server: MuseServer;

beforeAll(async () => {
  server = await startMuse();
});

afterAll(async () => {
  await server?.stop();
});

const { browser: openBrowser, step, closeBrowsers } = journeyKit('account', () => server);

/**
 * Waits until the bell shows `count`. On timeout the error says what the database holds for
 * the user, so a red run tells a missing notification apart from one that never reached the page.
 */
async function waitForUnread(page: Page, handle: string, count: number): Promise<void> {
  try {
    await page.waitForFunction((expected) => document.querySelector('[data-testid="unread-count"]')?.textContent === expected, String(count), {
      timeout: 30_000,
    });
  } catch (error) {
    const rows = await server
      .query('SELECT n.id, n.title, n.read_at, n.created_at FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.handle = $1', [handle])
      .catch((e: unknown) => [{ error: String(e) }]);
    const users = await server.query('SELECT id, handle FROM users WHERE handle = $1', [handle]).catch(() => []);
    const jobs = await server.redisDump('*notifications*').catch((e: unknown) => ({ error: String(e) }));
    const shown = await page.getByTestId('unread-count').textContent();
    const diagnostics = [
      `Bell shows "${shown}", expected ${count}.`,
      `User: ${JSON.stringify(users)}`,
      `Notifications stored: ${JSON.stringify(rows)}`,
      `Queue keys: ${JSON.stringify(jobs)}`,
      `Server output (tail):\n${server.output().slice(-3000)}`,
    ];
    throw new Error(diagnostics.join('\n'), {
      cause: error,
    });
  }
}

async function logIn(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByLabel('Handle or email').fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByText('You have logged out').waitFor();
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/settings');
}

async function expectLoginRejected(page: Page): Promise<void> {
  const alert = page.locator('form [role="alert"]');
  await alert.waitFor();
  expect((await alert.textContent())?.trim()).not.toBe('');
  expect(new URL(page.url()).pathname).toBe('/login');
}

describe('Muse in a browser', () => {
  let browser: TestBrowser;

  // A fresh profile per test: no cookies or session leak from one test into the next.
  beforeEach(async () => {
    browser = await openBrowser();
  });

  afterEach(async () => {
    await closeBrowsers();
  });

  it('when a listener joins, then they get a live welcome, can change their password and delete their account', async () => {
    const { page } = browser;
    const id = randomBytes(4).toString('hex');
    const handle = `listener_${id}`;
    const firstPassword = `first tune ${id}`;
    const secondPassword = `second tune ${id}`;
    let fullLoads = 0;
    page.on('load', () => {
      fullLoads += 1;
    });
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));

    await step(page, '01-register', async () => {
      await page.goto(server.url);
      await page.getByRole('heading', { name: /Every album you love/ }).waitFor();
      await expectNoSeriousA11yViolations(page, 'landing');
      await page.getByRole('link', { name: 'Create your free account' }).click();
      await page.waitForURL((url) => url.pathname === '/register');
      await expectNoSeriousA11yViolations(page, 'sign-up');
      await page.getByLabel('Display name').fill('Nina Listener');
      await page.getByLabel('Handle').fill(handle);
      await page.getByLabel('Email').fill(`${handle}@example.com`);
      await page.getByLabel('Password', { exact: true }).fill(firstPassword);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL((url) => url.pathname === '/home');
      await page.getByRole('heading', { name: 'Welcome to Muse, Nina Listener.' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'home');
    });

    await step(page, '02-welcome-arrives-live', async () => {
      const loadsBefore = fullLoads;
      const badge = page.getByTestId('unread-count');
      await waitForUnread(page, handle, 1);
      expect(await badge.isVisible()).toBe(true);
      expect(fullLoads).toBe(loadsBefore);
      expect(sockets.some((url) => url.includes('/socket.io/'))).toBe(true);
    });

    await step(page, '03-open-bell', async () => {
      await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
      const panel = page.getByRole('region', { name: 'Recent notifications' });
      await panel.getByText('Welcome to Muse').first().waitFor();
      await expectNoSeriousA11yViolations(page, 'bell');
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    });

    await step(page, '04-log-out', () => logOut(page));

    await step(page, '05-log-in-with-handle', async () => {
      await page.getByRole('link', { name: 'Log in' }).first().click();
      await page.waitForURL((url) => url.pathname === '/login');
      await expectNoSeriousA11yViolations(page, 'log in');
      await logIn(page, handle, firstPassword);
      await page.waitForURL((url) => url.pathname === '/home');
      await page.getByRole('heading', { name: /Nina Listener\.$/ }).waitFor();
    });

    await step(page, '06-change-password', async () => {
      await openSettings(page);
      await page.getByLabel('Current password').waitFor();
      await expectNoSeriousA11yViolations(page, 'settings');
      await page.getByLabel('Current password').fill(firstPassword);
      await page.getByLabel('New password').fill(secondPassword);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Your password has been changed.').waitFor();
    });

    await step(page, '07-old-password-fails', async () => {
      await logOut(page);
      await page.goto(`${server.url}/login`);
      await logIn(page, handle, firstPassword);
      await expectLoginRejected(page);
    });

    await step(page, '08-new-password-works', async () => {
      await page.getByLabel('Password', { exact: true }).fill(secondPassword);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => url.pathname === '/home');
    });

    await step(page, '09-delete-account', async () => {
      await openSettings(page);
      await page.getByLabel('Confirm with your password').fill(secondPassword);
      await page.getByRole('button', { name: 'Delete my account' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByText('Your account has been deleted.').waitFor();
      await expectNoSeriousA11yViolations(page, 'landing after deletion');
    });

    await step(page, '10-deleted-account-cannot-log-in', async () => {
      await page.goto(`${server.url}/login`);
      await logIn(page, handle, secondPassword);
      await expectLoginRejected(page);
    });

    expect(seriousProblems(browser.problems)).toEqual([]);
  });

  it('when the password is wrong or the page does not exist, then the visitor is told so', async () => {
    const { page } = browser;

    await step(page, 'wrong-password', async () => {
      await page.goto(`${server.url}/login`);
      await logIn(page, `nobody_${randomBytes(3).toString('hex')}`, 'not the password');
      await expectLoginRejected(page);
    });

    await step(page, 'not-found', async () => {
      await page.goto(`${server.url}/this-does-not-exist`);
      await page.getByRole('heading', { name: 'This track isn’t on the record' }).waitFor();
      expect(await page.getByText('404').isVisible()).toBe(true);
      await expectNoSeriousA11yViolations(page, 'not found');
    });

    await step(page, 'protected-route-redirects', async () => {
      await page.goto(`${server.url}/settings`);
      await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/settings');
    });

    expect(seriousProblems(browser.problems)).toEqual([]);
  });

  it('when shown on a phone or a desktop, then landing, sign-up and the app fit the screen', async () => {
    const id = randomBytes(4).toString('hex');
    for (const width of [360, 1280]) {
      const sized = await openBrowser(width);
      const { page } = sized;
      try {
        const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        await step(page, `layout-${width}-landing`, async () => {
          await page.goto(server.url);
          await page.getByRole('heading', { name: /Every album you love/ }).waitFor();
          await saveScreenshot(page, `landing-${width}`);
          expect(await fitsWidth()).toBe(true);
          await expectNoSeriousA11yViolations(page, `landing at ${width}px`);
        });
        await step(page, `layout-${width}-register`, async () => {
          await page.goto(`${server.url}/register`);
          await page.getByRole('button', { name: 'Create account' }).click();
          await page.getByText('Handle must be at least 3 characters').waitFor();
          await saveScreenshot(page, `register-${width}`);
          expect(await fitsWidth()).toBe(true);
          await expectNoSeriousA11yViolations(page, `sign-up with errors at ${width}px`);
        });
        await step(page, `layout-${width}-shell`, async () => {
          const handle = `wide_${width}_${id}`;
          await page.getByLabel('Display name').fill(`Screen ${width}`);
          await page.getByLabel('Handle').fill(handle);
          await page.getByLabel('Email').fill(`${handle}@example.com`);
          await page.getByLabel('Password', { exact: true }).fill(`layout password ${id}`);
          await page.getByRole('button', { name: 'Create account' }).click();
          await page.waitForURL((url) => url.pathname === '/home');
          await page.getByRole('button', { name: /^Notifications/ }).click();
          const panel = page.getByRole('region', { name: 'Recent notifications' });
          // Layout only: the panel must fit whether or not the welcome has arrived yet.
          await panel.getByRole('link', { name: 'See all notifications' }).waitFor();
          await panel.getByText('Loading…').waitFor({ state: 'detached' });
          await saveScreenshot(page, `shell-${width}`);
          expect(await fitsWidth()).toBe(true);
          const box = await panel.boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
          await expectNoSeriousA11yViolations(page, `bell at ${width}px`);
          await page.keyboard.press('Escape');
          await panel.waitFor({ state: 'detached' });
        });
        await step(page, `layout-${width}-navigation`, async () => {
          const menuButton = page.getByRole('button', { name: 'Menu', exact: true });
          const destinations = ['Home', 'My Muse', 'Diary', 'Charts', 'Notifications'];
          if (width > 640) {
            // Wide screens show the tabs themselves; the Menu button is for phones.
            expect(await menuButton.isVisible()).toBe(false);
            for (const name of destinations)
              expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).isVisible()).toBe(true);
            return;
          }
          expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
          await menuButton.focus();
          await page.keyboard.press('Enter');
          const menu = page.getByRole('navigation', { name: 'Menu' });
          await menu.waitFor();
          expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
          for (const name of destinations) {
            const box = await menu.getByRole('link', { name, exact: true }).boundingBox();
            expect({ name, inWindow: Boolean(box && box.x >= 0 && box.x + box.width <= width) }).toEqual({ name, inWindow: true });
          }
          expect(await menu.getByRole('link', { name: 'Reports' }).count()).toBe(0);
          await saveScreenshot(page, `menu-${width}`);
          await expectNoSeriousA11yViolations(page, `menu at ${width}px`);
          await page.keyboard.press('Escape');
          await menu.waitFor({ state: 'detached' });
          expect(await menuButton.evaluate((button) => button === document.activeElement)).toBe(true);
          expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
        });
        expect(seriousProblems(sized.problems)).toEqual([]);
      } finally {
        await closeBrowsers();
      }
    }
  });
});
