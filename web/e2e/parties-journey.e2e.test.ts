import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousA11yViolations, journeyKit, seriousProblems, shootBothWidths } from './journey-kit';
import { startMuse, type MuseServer } from './harness';
import { howlerAudio, playingPast } from './howler-audio';

/** A demo album the provider sandbox also sells, so its tracks have preview clips. */
const ALBUM = { title: 'Space Oddity', artist: 'David Bowie' };

/** An administrator, who resolves the chat report from the reports page. */
const MODERATOR = { handle: `mod_${randomBytes(4).toString('hex')}`, name: 'Mo Derator' };

let server: MuseServer;

beforeAll(async () => {
  server = await startMuse({ ADMIN_HANDLES: MODERATOR.handle });
});

afterEach(async () => {
  await closeBrowsers();
});

afterAll(async () => {
  await server?.stop();
});

const { browser, step, register, closeBrowsers } = journeyKit('parties', () => server);

describe('the listening party journey in two browsers', () => {
  it('when a host starts a party and a follower joins from the notification, then both hear the same moment, ratings arrive live and both get the summary', async () => {
    const id = randomBytes(4).toString('hex');
    const host = { handle: `host_${id}`, name: 'Hana Host' };
    const guest = { handle: `guest_${id}`, name: 'Gus Guest' };
    const h = await browser();
    const g = await browser();
    const [album] = await server.query('SELECT a.id::text AS id FROM albums a WHERE a.title = $1 AND a.artist_credit = $2 ORDER BY a.id LIMIT 1', [
      ALBUM.title,
      ALBUM.artist,
    ]);
    expect(album).toBeDefined();

    await step(h.page, '01-register-host', () => register(h.page, host.handle, host.name));
    await step(g.page, '02-register-guest-and-follow', async () => {
      await register(g.page, guest.handle, guest.name);
      await g.page.goto(`${server.url}/users/${host.handle}`);
      await g.page.getByRole('button', { name: `Follow ${host.name}` }).click();
      await g.page.getByRole('button', { name: `Following ${host.name}: unfollow` }).waitFor();
    });

    let partyPath = '';
    await step(h.page, '03-host-starts-a-party', async () => {
      await h.page.goto(`${server.url}/albums/${String(album!.id)}`);
      await h.page.getByRole('link', { name: 'Host a listening party' }).click();
      await h.page.getByRole('button', { name: 'Start the party now' }).click();
      await h.page.waitForURL((url) => /^\/parties\/\d+$/.test(url.pathname));
      partyPath = new URL(h.page.url()).pathname;
      await h.page.getByRole('heading', { level: 1, name: ALBUM.title }).waitFor();
      await h.page.getByRole('heading', { name: 'You have control' }).waitFor();
      await h.page.getByRole('region', { name: 'Invitations' }).waitFor();
      await shootBothWidths(h.page, '03-host-party-page');
    });

    await step(g.page, '03b-guest-finds-it-live-on-the-parties-page', async () => {
      await g.page.goto(`${server.url}/parties`);
      const live = g.page.getByRole('region', { name: 'Live now' });
      const row = live.getByTestId('party-list-item').filter({ hasText: ALBUM.title });
      await row.filter({ hasText: `You follow ${host.name}` }).waitFor();
      expect(await row.getByRole('link', { name: ALBUM.title }).getAttribute('href')).toBe(partyPath);
      await shootBothWidths(g.page, '03b-parties-page');
    });

    await step(g.page, '04-guest-joins-from-the-notification', async () => {
      await g.page.goto(`${server.url}/home`);
      await g.page.getByRole('button', { name: /^Notifications, \d+ unread/ }).click({ timeout: 20_000 });
      await g.page
        .getByRole('region', { name: 'Recent notifications' })
        .getByRole('link', { name: new RegExp(`${host.name} is hosting a listening party`) })
        .click();
      await g.page.waitForURL((url) => url.pathname === partyPath);
      await g.page.getByRole('button', { name: 'Join the party' }).click();
      await g.page.getByRole('button', { name: 'Leave' }).waitFor();
      await h.page.getByTestId('party-count').filter({ hasText: '2 listeners' }).waitFor();
    });

    let trackId = '';
    await step(h.page, '05-host-plays-and-seeks-both-hear-the-same-moment', async () => {
      trackId = (await h.page.locator('[data-party-track]').first().getAttribute('data-party-track')) ?? '';
      await h.page
        .getByRole('button', { name: /^Play for everyone: / })
        .first()
        .click();
      await Promise.all([playingPast(h.page, trackId, 1), playingPast(g.page, trackId, 1)]);
      await h.page.getByRole('button', { name: 'Forward 10 s' }).click();
      // Both past the seek: without it neither would be there for another ten seconds.
      await Promise.all([playingPast(h.page, trackId, 11), playingPast(g.page, trackId, 11)]);
      const [a, b] = await Promise.all([howlerAudio(h.page), howlerAudio(g.page)]);
      expect(a!.src).toBe(b!.src);
      // Read a moment apart: compare the guest's position with the host's carried on to the same instant.
      const drift = Math.abs(b!.currentTime - (a!.currentTime + (b!.at - a!.at) / 1000));
      expect(drift).toBeLessThan(1);
      await g.page
        .getByRole('status')
        .filter({ hasText: /^Now playing: / })
        .waitFor();
    });

    await step(g.page, '06-guest-rates-and-the-host-sees-it-live', async () => {
      const slider = g.page.getByRole('slider', { name: /^Your party rating of / }).first();
      await slider.focus();
      const saved = g.page.waitForResponse((r) => r.url().includes(`/ratings/${trackId}`) && r.request().method() === 'PUT');
      await g.page.keyboard.press('End');
      expect((await saved).status()).toBe(200);
      await h.page.getByTestId(`party-rating-${trackId}`).filter({ hasText: 'Party: 5 stars (1)' }).waitFor({ timeout: 15_000 });
      await expectNoSeriousA11yViolations(h.page, 'party page (host)');
    });

    const spam = `Buy my mixtape at spam.example ${id}`;
    await step(g.page, '06b-guest-reports-a-chat-message', async () => {
      await h.page.getByLabel('Message').fill(spam);
      await h.page.getByRole('button', { name: 'Send' }).click();
      const log = g.page.getByRole('log', { name: 'Party chat' });
      await log.getByText(spam).waitFor({ timeout: 15_000 });
      await log.getByRole('button', { name: `Report message by ${host.name}` }).click();
      await g.page.getByLabel('What is wrong?').fill('Spam in the chat');
      await g.page.getByRole('button', { name: 'Send report' }).click();
      await g.page.getByText('Thanks. Your report is with the moderators.').waitFor();
      await g.page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();
    });

    const mod = await browser();
    await step(mod.page, '06c-moderator-removes-it-from-the-reports-page', async () => {
      await register(mod.page, MODERATOR.handle, MODERATOR.name);
      await mod.page.goto(`${server.url}/admin/reports`);
      const card = mod.page.getByTestId('report').filter({ hasText: spam });
      await card.getByRole('heading', { name: new RegExp(`^Party chat message by ${host.name}`) }).waitFor();
      expect(await card.getByRole('link', { name: 'open' }).getAttribute('href')).toBe(partyPath);
      await shootBothWidths(mod.page, '06c-reports-page');
      await card.getByRole('button', { name: 'Remove message' }).click();
      await card.waitFor({ state: 'detached' });
    });

    await step(g.page, '06d-the-message-is-gone-for-the-guest', async () => {
      // Live, from the open page, and after a reload.
      await g.page.getByRole('log', { name: 'Party chat' }).getByText(spam).waitFor({ state: 'detached', timeout: 15_000 });
      await g.page.reload();
      await g.page.getByText('No messages yet.').waitFor({ timeout: 15_000 });
      expect(await g.page.getByText(spam).count()).toBe(0);
    });

    await step(h.page, '06e-host-invites-someone-and-withdraws-it', async () => {
      const card = h.page.getByRole('region', { name: 'Invitations' });
      await card.getByLabel('Invite more people (handles)').fill(`@${MODERATOR.handle}`);
      await card.getByRole('button', { name: 'Invite', exact: true }).click();
      const withdraw = card.getByRole('button', { name: `Withdraw the invitation of ${MODERATOR.name}` });
      await withdraw.waitFor();
      await shootBothWidths(h.page, '06e-invitations');
      await withdraw.click();
      await card.getByText('Nobody invited yet.').waitFor();
    });

    await step(h.page, '07-host-ends-and-both-get-the-summary', async () => {
      await h.page.getByRole('button', { name: 'End the party' }).click();
      for (const page of [h.page, g.page]) {
        const summary = page.getByRole('region', { name: 'Party summary' });
        await summary.waitFor({ timeout: 15_000 });
        await summary.getByTestId('party-album-average').filter({ hasText: '5 stars' }).waitFor();
        await summary.getByRole('link', { name: guest.name }).waitFor();
        await summary.getByRole('link', { name: `Log ${ALBUM.title}` }).waitFor();
      }
      await expectNoSeriousA11yViolations(g.page, 'party summary (guest)');
    });

    expect(seriousProblems(h.problems)).toEqual([]);
    expect(seriousProblems(g.problems)).toEqual([]);
    expect(seriousProblems(mod.problems)).toEqual([]);
  });
});
