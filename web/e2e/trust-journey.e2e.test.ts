import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousA11yViolations, journeyKit, seriousProblems } from './journey-kit';
import { startMuse, type MuseServer } from './harness';

const id = randomBytes(4).toString('hex');
const moderator = { handle: `mod_${id}`, name: 'Mona Moderator' };
const brigader = { handle: `fresh_${id}`, name: 'Fred Fresh' };
const ALBUM = { title: 'Space Oddity', artist: 'David Bowie' };
/** The scripted brigade: fresh accounts written to the database beside the one that rates in the browser. */
const BRIGADE = 199;
const ESTABLISHED = 30;

let server: MuseServer;

beforeAll(async () => {
  server = await startMuse({ ADMIN_HANDLES: moderator.handle });
});

afterEach(async () => {
  await closeBrowsers();
});

afterAll(async () => {
  await server?.stop();
});

const { browser, step, register, closeBrowsers } = journeyKit('trust', () => server);

/**
 * Accounts and their ratings of the album, as the rating upsert would store them: `established`
 * ones 30 days old at full weight, fresh ones at the default reduced weight (0.1). The trigger
 * keeps the aggregate as for any rating write.
 */
async function scriptRatings(albumId: string, count: number, value: number, established: boolean, tag: string): Promise<void> {
  await server.query(
    `WITH made AS (
       INSERT INTO users (handle, email, display_name, password_hash, created_at)
       SELECT 'b_' || $1 || '_' || g, 'b_' || $1 || '_' || g || '@example.test', 'Scripted ' || g, 'not-a-hash',
              CASE WHEN $4 THEN now() - interval '30 days' ELSE now() END
         FROM generate_series(1, $2::int) g
       RETURNING id)
     INSERT INTO album_ratings (user_id, album_id, value, established, weight)
     SELECT id, $3::bigint, $5::smallint, $4, CASE WHEN $4 THEN 1 ELSE 0.1 END FROM made`,
    [tag, count, albumId, established, value],
  );
}

describe('the brigade journey in a browser', () => {
  it('when an album is brigaded by fresh accounts, then its page says the score is held since when, and a moderator releases it and the log shows both', async () => {
    const [album] = await server.query('SELECT a.id::text AS id FROM albums a WHERE a.title = $1 AND a.artist_credit = $2 ORDER BY a.id LIMIT 1', [
      ALBUM.title,
      ALBUM.artist,
    ]);
    expect(album).toBeDefined();
    const albumPath = `/albums/${String(album!.id)}`;
    const fresh = await browser();
    const mod = await browser();

    let stableScore = '';
    await step(fresh.page, '01-album-before', async () => {
      await scriptRatings(String(album!.id), ESTABLISHED, 8, true, `est${id}`);
      await register(fresh.page, brigader.handle, brigader.name);
      await fresh.page.goto(`${server.url}${albumPath}`);
      await fresh.page.getByRole('heading', { level: 1, name: ALBUM.title }).waitFor();
      await fresh.page
        .getByTestId('album-count')
        .filter({ hasText: new RegExp(`^${ESTABLISHED}$`) })
        .waitFor();
      stableScore = (await fresh.page.getByTestId('album-weighted').textContent()) ?? '';
      expect(Number(stableScore)).toBeGreaterThan(3.5);
      expect(await fresh.page.getByTestId('score-hold').count()).toBe(0);
      await fresh.page.getByTestId('live-indicator').waitFor();
    });

    await step(fresh.page, '02-brigade-and-hold', async () => {
      await scriptRatings(String(album!.id), BRIGADE, 1, false, `fresh${id}`);
      // The last brigade rating comes from the browser's own fresh account, through the API: the surge rule runs after it.
      const slider = fresh.page.getByRole('slider', { name: 'Your rating', exact: true });
      await slider.focus();
      const saved = fresh.page.waitForResponse((r) => r.url().endsWith(`/api${albumPath}/rating`) && r.request().method() === 'PUT');
      await fresh.page.keyboard.press('Home');
      expect(await slider.getAttribute('aria-valuetext')).toBe('0.5 stars');
      expect((await saved).status()).toBe(200);
      // The hold arrives live: the notice shows with its time, the score stays at its stable value, the count is honest.
      const notice = fresh.page.getByTestId('score-hold');
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.textContent()).toMatch(/Score on hold since .+: a sudden surge of ratings from new accounts/);
      expect(await notice.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(await fresh.page.getByTestId('album-weighted').textContent()).toBe(stableScore);
      await fresh.page
        .getByTestId('album-count')
        .filter({ hasText: new RegExp(`^${ESTABLISHED + BRIGADE + 1}$`) })
        .waitFor();
      await expectNoSeriousA11yViolations(fresh.page);
    });

    await step(mod.page, '03-moderator-releases', async () => {
      await register(mod.page, moderator.handle, moderator.name);
      await mod.page.goto(`${server.url}/admin/reports`);
      await mod.page.getByRole('heading', { name: 'Rating surges' }).waitFor();
      const card = mod.page.getByTestId('aggregate-hold').filter({ hasText: ALBUM.title });
      await card.waitFor();
      expect(await card.textContent()).toMatch(/200 ratings from low-history accounts averaging 0\.50 stars/);
      await expectNoSeriousA11yViolations(mod.page);
      const decided = mod.page.waitForResponse((r) => r.url().includes('/decision') && r.request().method() === 'POST');
      await card.getByRole('button', { name: `Release the hold on ${ALBUM.title}` }).click();
      expect((await decided).status()).toBe(204);
      await mod.page.getByText(`Released the hold on ${ALBUM.title}.`).waitFor();
      await mod.page.getByText('No album’s score is held.').waitFor();
    });

    await step(fresh.page, '04-album-released-live', async () => {
      await fresh.page.getByTestId('score-hold').waitFor({ state: 'detached', timeout: 15_000 });
      // Released: the fresh accounts' ratings count, at their reduced weight.
      expect(Number(await fresh.page.getByTestId('album-weighted').textContent())).toBeLessThan(Number(stableScore));
    });

    await step(mod.page, '05-public-log', async () => {
      await mod.page.getByRole('link', { name: 'Public moderation log' }).click();
      await mod.page.getByRole('heading', { level: 1, name: 'Moderation log' }).waitFor();
      const entries = mod.page.getByTestId('moderation-log-entry').filter({ hasText: ALBUM.title });
      await entries.first().waitFor();
      expect(await entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-action')))).toEqual(['release', 'hold']);
      expect(await entries.first().textContent()).toContain('Hold released by a moderator');
      // Moderators are not named in the public log.
      expect(await mod.page.locator('.moderation-log').textContent()).not.toContain(moderator.name);
      await expectNoSeriousA11yViolations(mod.page);
    });

    expect(seriousProblems(fresh.problems)).toEqual([]);
    expect(seriousProblems(mod.problems)).toEqual([]);
  });
});
