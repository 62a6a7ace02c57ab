import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { ConversionReportRow, ConversionView, Page as ApiPage } from '@muse/shared';
import type { Page } from 'playwright-core';
import { journeyKit, seriousProblems, shootBothWidths } from './journey-kit';
import { waitForCount } from './browser';
import type { MuseServer } from './harness';
import { appleLibraryPlaylistSongIds, connectAppleMusic, sandboxKnobs, signUpWithSpotify, startMuseWithSandbox, startSpotifyImport } from './services-kit';

/** The demo listener's Spotify playlist converted to Apple Music: some of its tracks Apple sells only in other versions, so the report has rows to fix. */
const PLAYLIST = 'Demo mix 300';
const PLAYLIST_TRACKS = 300;

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

const { browser, step, closeBrowsers } = journeyKit('conversion', () => server);

/** Reads JSON from Muse's API with the browser's session. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${server.url}${path}`);
  expect({ path, status: res.status() }).toEqual({ path, status: 200 });
  return (await res.json()) as T;
}

/** Every row of a conversion's report with one outcome, through the API the report page reads. */
async function reportRows(page: Page, conversionId: string, outcome: string): Promise<ConversionReportRow[]> {
  const rows: ConversionReportRow[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '100', outcome, ...(cursor ? { cursor } : {}) });
    const answer: ApiPage<ConversionReportRow> = await apiGet(page, `/api/conversions/${conversionId}/report?${query}`);
    rows.push(...answer.items);
    cursor = answer.nextCursor;
  } while (cursor);
  return rows;
}

/** The conversion id of the conversion page the browser is on. */
function conversionIdOf(page: Page): string {
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
}

/** Opens the Convert dialog on the Muse playlist page, picks Apple Music and the mode, and lands on the new conversion's page. */
async function convertToAppleMusic(page: Page, playlistUrl: string, mode: 'new' | 'sync'): Promise<string> {
  await page.goto(playlistUrl);
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Convert playlist' });
  await dialog.getByRole('radio', { name: 'Apple Music' }).check();
  if (mode === 'sync') await dialog.getByRole('radio', { name: 'The playlist the last conversion made (sync)' }).check();
  await dialog.getByRole('button', { name: 'Convert to Apple Music' }).click();
  await page.waitForURL((url) => /^\/conversions\/[^/]+$/.test(url.pathname));
  await page.getByRole('heading', { level: 1, name: `${PLAYLIST} → Apple Music` }).waitFor();
  return conversionIdOf(page);
}

describe('Playlist conversion in a browser', () => {
  it('when a listener converts an imported playlist to Apple Music through a throttled phase, fixes a row and converts again, then the fix is remembered, nothing is added twice, and the report downloads as CSV', async () => {
    const { page, problems } = await browser();
    let playlistUrl = '';
    let firstId = '';
    let firstView: ConversionView | null = null;
    let fixedRow: ConversionReportRow | null = null;
    let pickedId = '';

    await step(page, '01-sign-in-and-connect', async () => {
      await signUpWithSpotify(page, server);
      await connectAppleMusic(page, server);
    });

    await step(page, '02-import-from-spotify', async () => {
      await startSpotifyImport(page, server, PLAYLIST);
      await page.getByRole('link', { name: 'Open playlist' }).click({ timeout: 60_000 });
      await page.getByRole('heading', { level: 1, name: PLAYLIST }).waitFor();
      await page.getByText(`${PLAYLIST_TRACKS} tracks`).first().waitFor();
      playlistUrl = page.url();
    });

    await step(page, '03-convert-with-a-throttled-phase', async () => {
      // Apple Music answers every second call with 429 and Retry-After, as it does on a busy day.
      await sandboxKnobs(sandboxUrl, { service: 'apple', throttle: { everyN: 2, retryAfterSeconds: 3 } });
      firstId = await convertToAppleMusic(page, playlistUrl, 'new');
      const bar = page.getByRole('progressbar', { name: 'Tracks converted' });
      await bar.waitFor();
      await bar.evaluate((element) => {
        const seen: string[] = [];
        (window as unknown as { progressSeen: string[] }).progressSeen = seen;
        seen.push(element.getAttribute('aria-valuenow') ?? '');
        new MutationObserver(() => seen.push(element.getAttribute('aria-valuenow') ?? '')).observe(element, { attributeFilter: ['aria-valuenow'] });
      });
      const wait = page.getByRole('status').filter({ hasText: 'Apple Music asked us to slow down' });
      await wait.waitFor({ timeout: 30_000 });
      await expect(wait.textContent()).resolves.toMatch(/resuming (in \d+ s|now)/);
      await sandboxKnobs(sandboxUrl, { service: 'apple', throttle: null });

      await page.getByRole('status').filter({ hasText: 'Conversion finished' }).waitFor({ timeout: 90_000 });
      await waitForCount(wait, 0);
      const seen = (await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)).map(Number);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.at(-1)).toBe(PLAYLIST_TRACKS);
      expect(seen.some((value) => value > 0 && value < PLAYLIST_TRACKS)).toBe(true);
      firstView = await apiGet<ConversionView>(page, `/api/conversions/${firstId}`);
      expect(firstView).toMatchObject({ status: 'done', total: PLAYLIST_TRACKS, processed: PLAYLIST_TRACKS });
      await shootBothWidths(page, 'conversion-finished');

      // The bell heard of it live, with a link back to this conversion.
      await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
      const bell = page.getByRole('region', { name: 'Recent notifications' });
      await bell.getByRole('link', { name: `"${PLAYLIST}" is on Apple Music` }).waitFor();
      await expect(bell.getByRole('link', { name: `"${PLAYLIST}" is on Apple Music` }).getAttribute('href')).resolves.toBe(`/conversions/${firstId}`);
      await page.keyboard.press('Escape');
    });

    await step(page, '04-fix-a-row-by-picking-an-alternative', async () => {
      const open = [...(await reportRows(page, firstId, 'needs_review')), ...(await reportRows(page, firstId, 'not_found'))];
      fixedRow = open.find((row) => row.alternatives.length > 1) ?? open.find((row) => row.alternatives.length > 0) ?? null;
      expect(fixedRow).not.toBeNull();
      const row = fixedRow!;
      // The second alternative when there is one, so the pick is the listener's and not the preselected first.
      const alternative = row.alternatives[1] ?? row.alternatives[0]!;
      pickedId = alternative.id;

      const filterName = row.outcome === 'needs_review' ? 'Needs review' : 'Not found';
      await page
        .getByRole('group', { name: 'Show tracks' })
        .getByRole('button', { name: new RegExp(`^${filterName}`) })
        .click();
      const tableRow = page.getByTestId('conversion-row').filter({ has: page.locator(`[id="conversion-row-${firstId}-${row.index}"]`) });
      await tableRow.getByRole('button', { name: /^Fix / }).click();
      const panel = page.getByRole('group', { name: /^Fix “/ });
      await panel.waitFor();
      await shootBothWidths(page, 'conversion-fixing');
      await panel.locator(`input[type="radio"][value="${alternative.id}"]`).check();
      await panel.getByRole('button', { name: 'Use this track' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Track ${row.index + 1} fixed` })
        .waitFor();

      const fixed = (await reportRows(page, firstId, 'matched')).find((r) => r.index === row.index);
      expect(fixed).toMatchObject({ method: 'manual', written: true, chosen: { id: pickedId } });
    });

    await step(page, '05-convert-again-and-the-fix-is-remembered', async () => {
      const first = firstView!;
      const before = await appleLibraryPlaylistSongIds(sandboxUrl, first.targetPlaylist!.id);
      expect(before).toHaveLength(first.written + 1);
      expect(before.at(-1)).toBe(pickedId);

      const syncId = await convertToAppleMusic(page, playlistUrl, 'sync');
      await page.getByRole('status').filter({ hasText: 'Conversion finished' }).waitFor({ timeout: 90_000 });
      const sync = await apiGet<ConversionView>(page, `/api/conversions/${syncId}`);
      expect(sync).toMatchObject({ status: 'done', mode: 'sync', written: 0, targetPlaylist: { id: first.targetPlaylist!.id } });
      await page.getByText(`Added 0 new tracks to “${first.name}” on Apple Music`).waitFor();

      const reused = (await reportRows(page, syncId, 'matched')).find((r) => r.index === fixedRow!.index);
      expect(reused).toMatchObject({ method: 'rule', chosen: { id: pickedId }, written: true });
      const tableRow = page.getByTestId('conversion-row').filter({ has: page.locator(`[id="conversion-row-${syncId}-${fixedRow!.index}"]`) });
      if ((await tableRow.count()) === 0) await page.getByRole('button', { name: 'Show more' }).click();
      await expect(tableRow.getByText('Your earlier choice').count()).resolves.toBe(1);
      // The other matches are what the first conversion found, reused without asking Apple Music
      // again; only tracks without a Spotify id (local files, matched by search) are searched again.
      const firstMethods = new Map((await reportRows(page, firstId, 'matched')).map((r) => [r.index, r.method]));
      const others = (await reportRows(page, syncId, 'matched')).filter((r) => r.index !== fixedRow!.index);
      expect(others.filter((r) => r.method === 'known').length).toBeGreaterThan(others.length / 2);
      expect(others.filter((r) => r.method !== 'known' && firstMethods.get(r.index) !== 'search')).toEqual([]);
      await page.getByTestId('conversion-row').getByText('Matched before').first().waitFor();

      const after = await appleLibraryPlaylistSongIds(sandboxUrl, first.targetPlaylist!.id);
      expect(after).toEqual(before);
      expect(after.filter((id, i) => after.indexOf(id) !== i)).toEqual([]);
    });

    await step(page, '06-download-the-csv-report', async () => {
      const downloading = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Download CSV' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'index,outcome,reason,method,confidence,source_title,source_artists,source_album,source_isrc,chosen_id,chosen_title,chosen_artists,chosen_url,written',
      );
      expect(lines).toHaveLength(PLAYLIST_TRACKS + 1);
      const fixedLine = lines.find((line) => line.startsWith(`${fixedRow!.index},`));
      expect(fixedLine).toMatch(new RegExp(`^${fixedRow!.index},matched,`));
      expect(fixedLine).toContain(',rule,');
      expect(fixedLine).toContain(`,${pickedId},`);
    });

    await step(page, '07-history', async () => {
      await page.goto(`${server.url}/conversions`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const items = page.getByTestId('conversion-history-item');
      await waitForCount(items, 2);
      await items
        .first()
        .getByRole('link', { name: `${PLAYLIST} → Apple Music` })
        .waitFor();
      await shootBothWidths(page, 'conversion-history');
    });

    expect(seriousProblems(problems)).toEqual([]);
  }, 300_000);
});
