import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { journeyKit, seriousProblems, shootBothWidths } from './journey-kit';
import { startMuse, type MuseServer } from './harness';

const id = randomBytes(4).toString('hex');
const ana = { handle: `ana_${id}`, name: 'Ana Anthology' };
const bob = { handle: `bob_${id}`, name: 'Bob Borrower' };

const LIST_TITLE = 'Three to start with';
/** The albums of the list, each found by searching for its artist and title, in the order they are added. */
const ALBUMS = [
  { title: 'Space Oddity', artist: 'David Bowie' },
  { title: 'I Feel Love', artist: 'Donna Summer' },
  { title: 'Love Potion No.1', artist: 'The Venus' },
];

const PLAYLIST_TITLE = 'Freecloud and a stranger';
const UNKNOWN_TRACK = 'A Song Nobody Wrote';
const NOTE = 'Found on a cassette in a charity shop — who is this? ♪';
/** Two tracks of the demo catalog's Space Oddity (matched by artist, title and length) and one no catalog holds. */
const M3U = [
  '#EXTM3U',
  '#EXTINF:287,David Bowie - Wild Eyed Boy From Freecloud',
  'Music/David Bowie/Space Oddity/05 Wild Eyed Boy From Freecloud.mp3',
  '#EXTINF:185,David Bowie - Conversation Piece',
  'Music/David Bowie/Space Oddity/11 Conversation Piece.mp3',
  `#EXTINF:200,Nobody Known - ${UNKNOWN_TRACK}`,
  'Music/Unknown/track03.mp3',
  '',
].join('\n');

let server: MuseServer;
let downloads = '';

beforeAll(async () => {
  [server, downloads] = await Promise.all([startMuse(), mkdtemp(path.join(tmpdir(), 'muse-e2e-downloads-'))]);
});

afterEach(async () => {
  await closeBrowsers();
});

afterAll(async () => {
  await server?.stop();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

const { browser, step, register, closeBrowsers } = journeyKit('playlists', () => server);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What each entry of the playlist or list on the page shows, in order: its title, byline and note. */
async function shownEntries(page: Page): Promise<{ title: string; byline: string; note: string | null }[]> {
  const section = page.getByRole('region', { name: /^(Albums|Tracks)$/ });
  await section.locator('li.entry-row').first().waitFor();
  return section.locator('li.entry-row').evaluateAll((rows) =>
    rows.map((row) => ({
      title: row.querySelector('.entry-title')?.textContent?.trim() ?? '',
      byline: row.querySelector('.entry-byline')?.textContent?.trim() ?? '',
      note: row.querySelector('p.entry-note')?.textContent?.trim() ?? null,
    })),
  );
}

async function shownTitles(page: Page): Promise<string[]> {
  return (await shownEntries(page)).map((entry) => entry.title);
}

/** The signed-in user's unread notifications, as the bell's badge says. */
async function unreadCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('unread-count').getAttribute('data-count')) ?? '0');
}

describe('the playlists journey in a browser', () => {
  it('when a curator builds, reorders and shares a list, imports a playlist another user clones, and round-trips it through JSPF, then every page shows it', async () => {
    const a = await browser();
    const b = await browser();
    const pageA = a.page;
    const pageB = b.page;

    await step(pageA, '01-register-ana', () => register(pageA, ana.handle, ana.name));
    await step(pageB, '02-register-bob', () => register(pageB, bob.handle, bob.name));

    let listPath = '';
    await step(pageA, '03-create-a-ranked-list', async () => {
      await pageA.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playlists', exact: true }).click();
      await pageA.getByRole('heading', { level: 1, name: 'Playlists & lists' }).waitFor();
      await pageA.getByText(/You have no playlists or lists yet\./).waitFor();
      await shootBothWidths(pageA, 'playlists-index-empty');
      await pageA.getByRole('button', { name: 'New list' }).click();
      const dialog = pageA.getByRole('dialog', { name: 'New list' });
      await dialog.getByLabel('Title').fill(LIST_TITLE);
      await dialog.getByLabel('Ranked: number the albums').check();
      await dialog.getByRole('button', { name: 'Create list' }).click();
      await pageA.getByRole('heading', { level: 1, name: LIST_TITLE }).waitFor();
      await pageA.getByText('Ranked list', { exact: true }).waitFor();
      await pageA.getByText('No albums yet.').waitFor();
      listPath = new URL(pageA.url()).pathname;
    });

    await step(pageA, '04-add-three-albums-from-search', async () => {
      for (const album of ALBUMS) {
        await pageA.goto(`${server.url}/search?q=${encodeURIComponent(`${album.artist} ${album.title}`)}`);
        await pageA
          .getByRole('button', { name: `Add to list: ${album.title}`, exact: true })
          .first()
          .click();
        const menu = pageA.getByRole('group', { name: `Add to list: ${album.title}` });
        const added = pageA.waitForResponse((r) => r.url().endsWith(`/api${listPath}/entries`) && r.request().method() === 'POST');
        await menu.getByRole('button', { name: new RegExp(`^${escapeRegExp(LIST_TITLE)}`) }).click();
        expect((await added).status()).toBe(201);
        await pageA.getByRole('status').getByRole('link', { name: LIST_TITLE }).waitFor();
      }
      await pageA.getByRole('status').getByRole('link', { name: LIST_TITLE }).click();
      await pageA.waitForURL((url) => url.pathname === listPath);
      expect(await shownTitles(pageA)).toEqual(ALBUMS.map((album) => album.title));
    });

    const reordered = [ALBUMS[2]!.title, ALBUMS[0]!.title, ALBUMS[1]!.title];
    await step(pageA, '05-reorder-by-keyboard', async () => {
      const last = ALBUMS[2]!.title;
      await pageA.getByRole('button', { name: `Reorder ${last}, position 3 of 3: drag, or use the up and down arrow keys` }).focus();
      for (const position of [2, 1]) {
        const moved = pageA.waitForResponse((r) => r.url().includes(`/api${listPath}/entries/`) && r.url().endsWith('/move'));
        await pageA.keyboard.press('ArrowUp');
        expect((await moved).status()).toBe(200);
        await pageA.getByTestId('entry-announcer').getByText(`Moved ${last} to position ${position} of 3.`).waitFor();
        // Focus stays on the handle it was moved with, so the next press moves the same album again.
        await pageA.getByRole('button', { name: `Reorder ${last}, position ${position} of 3: drag, or use the up and down arrow keys` }).waitFor();
        expect(await pageA.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
          `Reorder ${last}, position ${position} of 3: drag, or use the up and down arrow keys`,
        );
      }
      expect(await shownTitles(pageA)).toEqual(reordered);
      await pageA.reload();
      expect(await shownTitles(pageA)).toEqual(reordered);
    });

    let link = '';
    await step(pageA, '06-make-it-link-only', async () => {
      await pageA.getByRole('button', { name: 'Share', exact: true }).click();
      const dialog = pageA.getByRole('dialog', { name: 'Share' });
      await dialog.getByRole('radio', { name: /^Anyone with the link/ }).check();
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      await dialog.getByText('Saved: anyone with the link.').waitFor();
      const field = dialog.getByLabel('Link', { exact: true });
      await field.waitFor();
      link = await field.inputValue();
      expect(link).toMatch(new RegExp(`^${escapeRegExp(server.url)}${escapeRegExp(listPath)}\\?token=[A-Za-z0-9_-]{20,}$`));
      await pageA.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await pageA.locator('.playlist-header').getByText('Link only', { exact: true }).waitFor();
      await shootBothWidths(pageA, 'list-page');
    });

    await step(pageA, '07-open-the-link-signed-out', async () => {
      const visitor = await browser();
      await visitor.page.goto(link);
      await visitor.page.getByRole('heading', { level: 1, name: LIST_TITLE }).waitFor();
      expect(await shownTitles(visitor.page)).toEqual(reordered);
      await visitor.page.getByRole('link', { name: 'Log in to like or clone' }).waitFor();
      expect(await visitor.page.getByRole('button', { name: /^Reorder / }).count()).toBe(0);
      // Without its token the same address says nothing about the list.
      await visitor.page.goto(`${server.url}${listPath}`);
      await visitor.page.getByRole('heading', { level: 1, name: 'This playlist isn’t on the record' }).waitFor();
      expect(await visitor.page.getByText(LIST_TITLE).count()).toBe(0);
      expect(seriousProblems(visitor.problems)).toEqual([]);
    });

    let playlistPath = '';
    await step(pageA, '08-import-an-m3u-file', async () => {
      await pageA.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playlists', exact: true }).click();
      await pageA.getByRole('link', { name: 'Import a file' }).click();
      await pageA.waitForURL((url) => url.pathname === '/playlists/import');
      await pageA.getByRole('heading', { level: 1, name: 'Import a playlist file' }).waitFor();
      await pageA
        .getByLabel('Playlist file', { exact: true })
        .setInputFiles({ name: 'freecloud.m3u', mimeType: 'audio/x-mpegurl', buffer: Buffer.from(M3U, 'utf8') });
      await pageA.getByRole('button', { name: 'Read and match' }).click();
      await pageA.getByRole('status').getByText('M3U file: 2 matched, 1 kept without a catalog match, 0 skipped.').waitFor();
      const rows = pageA.getByRole('region', { name: 'Rows of the file' }).getByRole('row');
      expect(await rows.count()).toBe(4);
      await rows.filter({ hasText: 'Wild Eyed Boy From Freecloud' }).getByText('Matched').waitFor();
      await rows.filter({ hasText: 'Conversation Piece' }).getByText('Matched').waitFor();
      await rows.filter({ hasText: UNKNOWN_TRACK }).getByText('Kept, not in the catalog').waitFor();
      await shootBothWidths(pageA, 'playlist-import-preview');
      await pageA.getByLabel('Title').fill(PLAYLIST_TITLE);
      await pageA.getByLabel('Who can see it').selectOption({ label: 'Everyone' });
      await pageA.getByRole('button', { name: 'Save 3 tracks' }).click();
      await pageA.getByRole('heading', { level: 1, name: PLAYLIST_TITLE }).waitFor();
      playlistPath = new URL(pageA.url()).pathname;
      expect(await shownEntries(pageA)).toEqual([
        { title: 'Wild Eyed Boy From Freecloud', byline: 'David Bowie · Space Oddity', note: null },
        { title: 'Conversation Piece', byline: 'David Bowie · Space Oddity', note: null },
        { title: UNKNOWN_TRACK, byline: 'Nobody Known', note: null },
      ]);
    });

    await step(pageA, '09-annotate-the-unknown-track', async () => {
      await pageA.getByRole('button', { name: `Actions for ${UNKNOWN_TRACK}` }).focus();
      await pageA.keyboard.press('Enter');
      await pageA.getByRole('menuitem', { name: 'Add note' }).click();
      await pageA.getByRole('textbox', { name: `Note on ${UNKNOWN_TRACK}` }).fill(NOTE);
      const saved = pageA.waitForResponse((r) => r.url().includes(`/api${playlistPath}/entries/`) && r.request().method() === 'PATCH');
      await pageA.getByRole('button', { name: 'Save note' }).click();
      expect((await saved).status()).toBe(200);
      await pageA.getByTestId('entry-announcer').getByText(`Note saved on ${UNKNOWN_TRACK}.`).waitFor();
      await shootBothWidths(pageA, 'playlist-page');
    });

    let anaLoads = 0;
    let unreadBefore = 0;
    await step(pageA, '10-ana-waits-on-her-playlist', async () => {
      await pageA.waitForLoadState('networkidle');
      unreadBefore = await unreadCount(pageA);
      pageA.on('load', () => {
        anaLoads += 1;
      });
    });

    await step(pageB, '11-bob-clones-it-from-discover', async () => {
      await pageB.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playlists', exact: true }).click();
      await pageB.getByRole('navigation', { name: 'Playlists' }).getByRole('link', { name: 'Discover' }).click();
      await pageB.waitForURL((url) => url.searchParams.get('tab') === 'discover');
      const card = pageB.getByRole('article').filter({ hasText: PLAYLIST_TITLE });
      await card.getByText(`by ${ana.name}`).waitFor();
      // The link-only list is not listed anywhere.
      expect(await pageB.getByText(LIST_TITLE).count()).toBe(0);
      await shootBothWidths(pageB, 'playlists-discover');
      await card.getByRole('link', { name: PLAYLIST_TITLE }).click();
      await pageB.getByRole('heading', { level: 1, name: PLAYLIST_TITLE }).waitFor();
      const cloned = pageB.waitForResponse((r) => r.url().endsWith(`/api${playlistPath}/clone`) && r.request().method() === 'POST');
      await pageB.getByRole('button', { name: 'Clone', exact: true }).click();
      expect((await cloned).status()).toBe(201);
      await pageB.getByText(`Cloned “${PLAYLIST_TITLE}”. This copy is yours and private`).waitFor();
      await pageB.getByText(`Cloned from ${PLAYLIST_TITLE} by ${ana.name}`).waitFor();
      expect(new URL(pageB.url()).pathname).not.toBe(playlistPath);
      expect((await shownEntries(pageB)).map((entry) => entry.note)).toEqual([null, null, NOTE]);
    });

    await step(pageA, '12-ana-bell-shows-the-clone-live', async () => {
      await pageA.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="unread-count"]')?.getAttribute('data-count') ?? '0') > before,
        unreadBefore,
        { timeout: 15_000 },
      );
      await pageA.getByRole('button', { name: /^Notifications, \d+ unread/ }).click();
      await pageA
        .getByRole('region', { name: 'Recent notifications' })
        .getByRole('link', { name: `${bob.name} cloned your playlist ${PLAYLIST_TITLE}` })
        .waitFor();
      await pageA.keyboard.press('Escape');
      expect(anaLoads).toBe(0);
    });

    let original: Awaited<ReturnType<typeof shownEntries>> = [];
    let exported = '';
    await step(pageA, '13-export-jspf', async () => {
      original = await shownEntries(pageA);
      expect(original.map((entry) => entry.note)).toEqual([null, null, NOTE]);
      const download = pageA.waitForEvent('download');
      await pageA.getByRole('link', { name: `Download ${PLAYLIST_TITLE} as JSPF` }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.jspf$/);
      exported = path.join(downloads, file.suggestedFilename());
      await file.saveAs(exported);
      const jspf = JSON.parse(await readFile(exported, 'utf8')) as { playlist: { title: string; track: { title: string }[] } };
      expect(jspf.playlist.title).toBe(PLAYLIST_TITLE);
      expect(jspf.playlist.track.map((track) => track.title)).toEqual(original.map((entry) => entry.title));
    });

    await step(pageA, '14-import-the-jspf-back', async () => {
      await pageA.goto(`${server.url}/playlists/import`);
      await pageA.getByLabel('Playlist file', { exact: true }).setInputFiles(exported);
      await pageA.getByRole('button', { name: 'Read and match' }).click();
      await pageA.getByRole('status').getByText('JSPF file: 2 matched, 1 kept without a catalog match, 0 skipped.').waitFor();
      expect(await pageA.getByLabel('Title').inputValue()).toBe(PLAYLIST_TITLE);
      await pageA.getByRole('button', { name: 'Save 3 tracks' }).click();
      await pageA.waitForURL((url) => url.pathname.startsWith('/playlists/') && url.pathname !== playlistPath && url.pathname !== '/playlists/import');
      await pageA.getByRole('heading', { level: 1, name: PLAYLIST_TITLE }).waitFor();
      expect(await shownEntries(pageA)).toEqual(original);
      await pageA.getByText('Private', { exact: true }).waitFor();
    });

    await step(pageA, '15-index-lists-all-three', async () => {
      await pageA.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playlists', exact: true }).click();
      const mine = pageA.getByRole('article');
      await mine.filter({ hasText: LIST_TITLE }).getByText('Link only').waitFor();
      await mine.filter({ hasText: 'Private' }).filter({ hasText: PLAYLIST_TITLE }).waitFor();
      expect(await mine.filter({ hasText: PLAYLIST_TITLE }).count()).toBe(2);
      await shootBothWidths(pageA, 'playlists-index');
    });

    expect(seriousProblems(a.problems)).toEqual([]);
    expect(seriousProblems(b.problems)).toEqual([]);
  });
});
