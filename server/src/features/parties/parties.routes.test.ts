import { useTestApp } from '../../testing/test-app';
import { PARTY_LIMITS } from '@muse/shared';
import { block, follow, makeAlbum, makeUsers, registerPerson, type TestPerson } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { drainNotificationJobs } from '../notifications/notification-sockets.testing';

const app = useTestApp({ worker: true, env: { PARTY_CHAT_RATE_MAX: '6', PARTY_CHAT_RATE_WINDOW_SECONDS: '60' } });

const put = (p: TestPerson, path: string, body?: unknown) => p.client.send('put', path, body);

/** The answer, once it has the status expected (else the test fails naming what came instead). */
async function status(pending: ReturnType<typeof put>, code: number) {
  const res = await pending;
  if (res.status !== code) throw new Error(`expected ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

async function party(host: TestPerson, body: Record<string, unknown> = {}) {
  const album = await makeAlbum(app, { title: `Night ${Math.random()}`, tracks: ['One', 'Two', 'Three'] });
  const res = await host.client.post('/api/parties', { albumId: album.id, ...body });
  expect(res.status).toBe(201);
  return { id: String(res.body.id), album };
}

async function notificationsOf(p: TestPerson): Promise<{ type: string; link: string }[]> {
  return (await p.client.get('/api/notifications').expect(200)).body.items;
}

describe('creating and joining a party', () => {
  it('when a host opens a party now, then they are in it with control, and followers hear of it and that it started', async () => {
    const host = await registerPerson(app);
    const fan = await registerPerson(app);
    const stranger = await registerPerson(app);
    await follow(app, fan.id, host.id);
    const { id, album } = await party(host);
    const view = (await host.client.get(`/api/parties/${id}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'live', visibility: 'public', participantCount: 1, viewer: { joined: true, isHost: true, inControl: true } });
    expect(view.album.id).toBe(album.id);
    expect(view.tracks.map((t: { title: string }) => t.title)).toEqual(['One', 'Two', 'Three']);
    const types = await waitFor('both notifications', async () => {
      const list = await notificationsOf(fan);
      const parties = list.filter((n) => n.type.startsWith('party_'));
      return parties.length >= 2 && parties;
    });
    expect(types.map((n) => n.type).sort()).toEqual(['party_announced', 'party_started']);
    expect(types.every((n) => n.link === `/parties/${id}`)).toBe(true);
    await drainNotificationJobs(app);
    expect((await notificationsOf(stranger)).filter((n) => n.type.startsWith('party_'))).toEqual([]);
  });

  it('when someone joins twice, then they are counted once and everyone sees them in the room', async () => {
    const host = await registerPerson(app);
    const guest = await registerPerson(app);
    const { id } = await party(host);
    await status(put(guest, `/api/parties/${id}/participation`), 200);
    const again = await status(put(guest, `/api/parties/${id}/participation`), 200);
    expect(again.body.participantCount).toBe(2);
    expect(again.body.viewer).toMatchObject({ joined: true, isHost: false, inControl: false, canModerate: false });
    const seen = (await host.client.get(`/api/parties/${id}`).expect(200)).body;
    expect(seen.participants.map((p: { handle: string }) => p.handle)).toEqual([host.handle, guest.handle]);
    await status(guest.client.delete(`/api/parties/${id}/participation`), 204);
    await status(guest.client.delete(`/api/parties/${id}/participation`), 204);
    expect((await host.client.get(`/api/parties/${id}`).expect(200)).body.participantCount).toBe(1);
  });

  it('when a party is private, then only invitees see, join and hear of it; others get 404 by every path', async () => {
    const host = await registerPerson(app);
    const invited = await registerPerson(app);
    const follower = await registerPerson(app);
    await follow(app, follower.id, host.id);
    const { id } = await party(host, { visibility: 'private', invite: [invited.handle] });
    for (const [method, path] of [
      ['get', `/api/parties/${id}`],
      ['get', `/api/parties/${id}/messages`],
      ['get', `/api/parties/${id}/summary`],
      ['put', `/api/parties/${id}/participation`],
      ['post', `/api/parties/${id}/messages`],
    ] as const) {
      const res = method === 'get' ? await follower.client.get(path) : await follower.client.send(method, path, { body: 'hi' });
      expect([path, res.status]).toEqual([path, 404]);
    }
    await status(put(invited, `/api/parties/${id}/participation`), 200);
    await waitFor('the invitee’s notifications', async () => (await notificationsOf(invited)).length >= 2);
    await drainNotificationJobs(app);
    expect((await notificationsOf(follower)).filter((n) => n.type.startsWith('party_'))).toEqual([]);
  });

  it('when the host and someone blocked each other, then the party does not exist for them and they cannot be invited', async () => {
    const host = await registerPerson(app);
    const blocked = await registerPerson(app);
    await block(app, host.id, blocked.id);
    const { id } = await party(host);
    await blocked.client.get(`/api/parties/${id}`).expect(404);
    await status(put(blocked, `/api/parties/${id}/participation`), 404);
    const album = await makeAlbum(app);
    const res = await status(host.client.post('/api/parties', { albumId: album.id, visibility: 'private', invite: [blocked.handle] }), 400);
    expect(res.body.errors).toEqual([{ path: 'invite.0', message: `No one to invite as @${blocked.handle}` }]);
  });

  it('when the input is bad, then the answer is a 400 naming the field and nothing is stored', async () => {
    const host = await registerPerson(app);
    const before = Number((await app.container.knex('parties').count('* as n'))[0]!.n);
    const album = await makeAlbum(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ albumId: 'abc' }, 'albumId'],
      [{ albumId: 42 }, 'albumId'],
      [{ albumId: album.id, visibility: 'secret' }, 'visibility'],
      [{ albumId: album.id, scheduledFor: '2001-01-01T00:00:00Z' }, 'scheduledFor'],
      [{ albumId: album.id, scheduledFor: 'tomorrow' }, 'scheduledFor'],
      [{ albumId: album.id, invite: ['a', 'A'] }, 'invite'],
    ];
    for (const [body, field] of cases) {
      const res = await status(host.client.post('/api/parties', body), 400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path.split('.')[0])).toContain(field);
    }
    await status(host.client.post('/api/parties', { albumId: '999999999' }), 404);
    expect(Number((await app.container.knex('parties').count('* as n'))[0]!.n)).toBe(before);
  });
});

describe('the shared player', () => {
  it('when someone without control moves the player, then it is refused; after a hand-over it is theirs, and the host can take it back', async () => {
    const host = await registerPerson(app);
    const guest = await registerPerson(app);
    const outsider = await registerPerson(app);
    const { id, album } = await party(host);
    await status(put(guest, `/api/parties/${id}/participation`), 200);
    const move = { trackId: album.trackIds[1], positionMs: 12_000, playing: true };
    expect((await status(put(guest, `/api/parties/${id}/playback`, move), 403)).body.code).toBe('not_in_control');
    expect((await status(put(outsider, `/api/parties/${id}/playback`, move), 403)).body.code).toBe('not_in_party');
    const played = (await status(put(host, `/api/parties/${id}/playback`, move), 200)).body;
    expect(played).toMatchObject({ trackId: album.trackIds[1], positionMs: 12_000, playing: true, controller: { handle: host.handle } });
    expect((await status(put(host, `/api/parties/${id}/controller`, { handle: outsider.handle }), 422)).body.code).toBe('not_in_party');
    await status(put(guest, `/api/parties/${id}/controller`, { handle: guest.handle }), 403);
    const handed = (await status(put(host, `/api/parties/${id}/controller`, { handle: guest.handle }), 200)).body;
    expect(handed.controller.handle).toBe(guest.handle);
    expect(handed.version).toBeGreaterThan(played.version);
    await status(put(host, `/api/parties/${id}/playback`, move), 403);
    await status(put(guest, `/api/parties/${id}/playback`, { ...move, playing: false }), 200);
    // Leaving hands control back to the host.
    await status(guest.client.delete(`/api/parties/${id}/participation`), 204);
    const view = (await host.client.get(`/api/parties/${id}`).expect(200)).body;
    expect(view.playback).toMatchObject({ playing: false, controller: { handle: host.handle } });
    expect(view.viewer.inControl).toBe(true);
  });

  it('when the player is set to a track of another album or a bad position, then it answers 422 or 400 and keeps its state', async () => {
    const host = await registerPerson(app);
    const { id } = await party(host);
    const other = await makeAlbum(app);
    const res = await status(put(host, `/api/parties/${id}/playback`, { trackId: other.trackIds[0], positionMs: 0, playing: true }), 422);
    expect(res.body.errors).toEqual([{ path: 'trackId', message: 'Not a track of this album' }]);
    for (const body of [
      { trackId: other.trackIds[0], positionMs: -1, playing: true },
      { trackId: 'x', positionMs: 0, playing: true },
      { positionMs: 1.5, playing: 'yes' },
    ]) {
      await status(put(host, `/api/parties/${id}/playback`, body), 400);
    }
    expect((await host.client.get(`/api/parties/${id}`).expect(200)).body.playback).toMatchObject({ trackId: null, playing: false, version: 0 });
  });
});

describe('chat, moderation and live ratings', () => {
  it('when people blocked each other are both in a party, then neither sees the other’s messages', async () => {
    const host = await registerPerson(app);
    const a = await registerPerson(app);
    const b = await registerPerson(app);
    await block(app, a.id, b.id);
    const { id } = await party(host);
    await status(put(a, `/api/parties/${id}/participation`), 200);
    await status(put(b, `/api/parties/${id}/participation`), 200);
    await status(a.client.post(`/api/parties/${id}/messages`, { body: 'from a ✨ مرحبا' }), 201);
    await status(b.client.post(`/api/parties/${id}/messages`, { body: 'from b' }), 201);
    const bodies = async (p: TestPerson) => (await p.client.get(`/api/parties/${id}/messages`).expect(200)).body.items.map((m: { body: string }) => m.body);
    expect(await bodies(host)).toEqual(['from a ✨ مرحبا', 'from b']);
    expect(await bodies(a)).toEqual(['from a ✨ مرحبا']);
    expect(await bodies(b)).toEqual(['from b']);
    // Nor can one report what they cannot see.
    const hidden = (await host.client.get(`/api/parties/${id}/messages`)).body.items[0].id;
    await status(b.client.post(`/api/parties/${id}/messages/${hidden}/reports`, { reason: 'rude' }), 404);
  });

  it('when a message is empty, too long, holds NUL or comes too fast, then it is refused; outsiders cannot post', async () => {
    const host = await registerPerson(app);
    const outsider = await registerPerson(app);
    const { id } = await party(host);
    for (const body of ['', '   ', 'x'.repeat(501), 'a\u0000b', 42]) {
      const res = await status(host.client.post(`/api/parties/${id}/messages`, { body }), 400);
      expect(res.body.errors[0].path).toBe('body');
    }
    expect((await status(outsider.client.post(`/api/parties/${id}/messages`, { body: 'hi' }), 403)).body.code).toBe('not_in_party');
    // The limit counts per person and party (refused messages count too): a fresh party starts a fresh count.
    const { id: other } = await party(host);
    for (let i = 0; i < 6; i++) await status(host.client.post(`/api/parties/${other}/messages`, { body: `m${i}` }), 201);
    const limited = await status(host.client.post(`/api/parties/${other}/messages`, { body: 'one too many' }), 429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await host.client.get(`/api/parties/${other}/messages`)).body.items).toHaveLength(6);
  });

  it('when a guest is reported and the host removes their message, then it is gone for everyone; a guest cannot remove', async () => {
    const host = await registerPerson(app);
    const guest = await registerPerson(app);
    const other = await registerPerson(app);
    const { id } = await party(host);
    await status(put(guest, `/api/parties/${id}/participation`), 200);
    await status(put(other, `/api/parties/${id}/participation`), 200);
    const msg = (await status(guest.client.post(`/api/parties/${id}/messages`, { body: 'spam spam' }), 201)).body;
    await status(guest.client.post(`/api/parties/${id}/messages/${msg.id}/reports`, { reason: 'mine' }), 400);
    await status(other.client.post(`/api/parties/${id}/messages/${msg.id}/reports`, { reason: 'spam' }), 204);
    // One report per person and message, as for reviews: the second is refused and nothing is added.
    expect((await status(other.client.post(`/api/parties/${id}/messages/${msg.id}/reports`, { reason: 'spam again' }), 409)).body.code).toBe(
      'already_reported',
    );
    expect(await app.container.knex('reports').where({ target_type: 'party_message', target_id: msg.id }).select('reason', 'excerpt')).toEqual([
      { reason: 'spam', excerpt: 'spam spam' },
    ]);
    expect((await status(other.client.delete(`/api/parties/${id}/messages/${msg.id}`), 403)).body.code).toBe('not_host');
    // Another party's id with this message's id is not this message.
    const { id: elsewhere } = await party(host);
    await status(host.client.delete(`/api/parties/${elsewhere}/messages/${msg.id}`), 404);
    await status(host.client.delete(`/api/parties/${id}/messages/${msg.id}`), 204);
    await status(host.client.delete(`/api/parties/${id}/messages/${msg.id}`), 204);
    expect((await other.client.get(`/api/parties/${id}/messages`)).body.items).toEqual([]);
  });

  it('when an administrator who is not the host removes a message, then it goes', async () => {
    const host = await registerPerson(app);
    const admin = await registerPerson(app);
    await app.container.knex('users').where({ id: admin.id }).update({ role: 'admin' });
    const { id } = await party(host);
    const msg = (await status(host.client.post(`/api/parties/${id}/messages`, { body: 'hello' }), 201)).body;
    expect((await admin.client.get(`/api/parties/${id}`).expect(200)).body.viewer.canModerate).toBe(true);
    await status(admin.client.delete(`/api/parties/${id}/messages/${msg.id}`), 204);
    expect((await host.client.get(`/api/parties/${id}/messages`)).body.items).toEqual([]);
  });

  it('when participants rate tracks, rate again, and the host ends the party, then the summary holds each track’s party rating and the album average', async () => {
    const host = await registerPerson(app);
    const guest = await registerPerson(app);
    const late = await registerPerson(app);
    const { id, album } = await party(host);
    await status(put(guest, `/api/parties/${id}/participation`), 200);
    const [one, two] = album.trackIds;
    await status(put(guest, `/api/parties/${id}/ratings/${one}`, { rating: 7 }), 400);
    await status(put(guest, `/api/parties/${id}/ratings/${one}`, { rating: 1.25 }), 400);
    await status(put(late, `/api/parties/${id}/ratings/${one}`, { rating: 4 }), 403);
    await status(put(guest, `/api/parties/${id}/ratings/${(await makeAlbum(app)).trackIds[0]}`, { rating: 4 }), 404);
    await status(put(guest, `/api/parties/${id}/ratings/${one}`, { rating: 2 }), 200);
    expect((await status(put(guest, `/api/parties/${id}/ratings/${one}`, { rating: 4 }), 200)).body).toEqual({ trackId: one, average: 4, count: 1 });
    expect((await status(put(host, `/api/parties/${id}/ratings/${one}`, { rating: 5 }), 200)).body).toEqual({ trackId: one, average: 4.5, count: 2 });
    await status(put(host, `/api/parties/${id}/ratings/${two}`, { rating: 2.5 }), 200);
    expect((await guest.client.get(`/api/parties/${id}`)).body.myRatings).toEqual({ [one!]: 4 });
    await guest.client.get(`/api/parties/${id}/summary`).expect(409);
    expect((await status(guest.client.post(`/api/parties/${id}/end`), 403)).body.code).toBe('not_host');

    const summary = (await status(host.client.post(`/api/parties/${id}/end`), 200)).body;
    expect(summary.attendees.map((a: { handle: string }) => a.handle)).toEqual([host.handle, guest.handle]);
    expect(summary.tracks.map((t: { average: number | null; count: number }) => [t.average, t.count])).toEqual([
      [4.5, 2],
      [2.5, 1],
      [null, 0],
    ]);
    expect(summary.albumAverage).toBe(3.5);
    expect(summary.logLink).toBe(`/albums/${album.id}`);
    expect((await status(host.client.post(`/api/parties/${id}/end`), 200)).body).toEqual(summary);
    expect((await guest.client.get(`/api/parties/${id}/summary`).expect(200)).body).toEqual(summary);
    // Nothing moves once it ended.
    expect((await status(put(host, `/api/parties/${id}/ratings/${one}`, { rating: 1 }), 409)).body.code).toBe('party_not_live');
    await status(put(late, `/api/parties/${id}/participation`), 409);
    await status(host.client.post(`/api/parties/${id}/messages`, { body: 'after' }), 409);
    expect((await guest.client.get(`/api/parties/${id}`)).body).toMatchObject({ status: 'ended', participantCount: 0 });
  });
});

describe('scheduled parties', () => {
  it('when a party is scheduled, then guests may wait in it but not play, and it goes live at its time by itself', async () => {
    const host = await registerPerson(app);
    const guest = await registerPerson(app);
    await follow(app, guest.id, host.id);
    const album = await makeAlbum(app);
    const scheduledFor = new Date(Date.now() + 1500).toISOString();
    const created = (await status(host.client.post('/api/parties', { albumId: album.id, scheduledFor }), 201)).body;
    expect(created).toMatchObject({ status: 'scheduled', scheduledFor });
    await status(put(guest, `/api/parties/${created.id}/participation`), 200);
    await status(put(host, `/api/parties/${created.id}/playback`, { trackId: album.trackIds[0], positionMs: 0, playing: true }), 409);
    const live = await waitFor('the party to start', async () => {
      const view = (await guest.client.get(`/api/parties/${created.id}`)).body;
      return view.status === 'live' && view;
    });
    expect(live.startedAt).not.toBeNull();
    const started = await waitFor('the started notification', async () => (await notificationsOf(guest)).find((n) => n.type === 'party_started'));
    expect(started.link).toBe(`/parties/${created.id}`);
    // The host starting it again (or the job running twice) changes nothing.
    await status(host.client.post(`/api/parties/${created.id}/start`), 200);
    await drainNotificationJobs(app);
    expect((await notificationsOf(guest)).filter((n) => n.type === 'party_started')).toHaveLength(1);
  });
});

describe('invitations after creation', () => {
  const invitations = (p: TestPerson, id: string, invite: unknown) => p.client.post(`/api/parties/${id}/invitations`, { invite });
  const partyNotices = async (p: TestPerson, id: string) => (await notificationsOf(p)).filter((n) => n.link === `/parties/${id}`);

  it('when the host withdraws invitations, then a private party’s invitee loses it, a public one’s keeps it, and everything else is refused without a change', async () => {
    const host = await registerPerson(app);
    const invitee = await registerPerson(app);
    const kept = await registerPerson(app);
    const stranger = await registerPerson(app);
    const hidden = await party(host, { visibility: 'private', invite: [invitee.handle, kept.handle] });
    const withdraw = (p: TestPerson, id: string, userId: string) => p.client.send('delete', `/api/parties/${id}/invitations/${userId}`);
    const invited = async (id: string) =>
      ((await host.client.get(`/api/parties/${id}/invitations`).expect(200)).body.items as { id: string }[]).map((u) => u.id).sort();
    const everyone = [invitee.id, kept.id].sort();

    // Not the host: a guest who sees it hears 403, a stranger 404 (the party is private); a malformed id is a 400.
    expect((await withdraw(kept, hidden.id, invitee.id)).status).toBe(403);
    expect((await withdraw(stranger, hidden.id, invitee.id)).status).toBe(404);
    const malformed = await withdraw(host, hidden.id, 'nobody');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/application\/problem\+json/);
    // Someone never invited: 404, nothing changes.
    expect((await withdraw(host, hidden.id, stranger.id)).status).toBe(404);
    expect(await invited(hidden.id)).toEqual(everyone);

    await status(withdraw(host, hidden.id, invitee.id), 200);
    await status(invitee.client.get(`/api/parties/${hidden.id}`), 404);
    await status(put(invitee, `/api/parties/${hidden.id}/participation`), 404);
    await status(kept.client.get(`/api/parties/${hidden.id}`), 200);
    // A replay: the invitation is gone already.
    expect((await withdraw(host, hidden.id, invitee.id)).status).toBe(404);

    // A public party stays open to the one whose invitation went.
    const open = await party(host, { invite: [invitee.handle] });
    await status(withdraw(host, open.id, invitee.id), 200);
    await status(invitee.client.get(`/api/parties/${open.id}`), 200);

    // An ended party's invitations stay as they were.
    await status(host.client.post(`/api/parties/${hidden.id}/end`), 200);
    const ended = await withdraw(host, hidden.id, kept.id);
    expect(ended.status).toBe(409);
    expect(ended.body.code).toBe('party_ended');
    expect(await invited(hidden.id)).toEqual([kept.id]);
  });

  it('when the host invites someone to a private party later, then they are told once, may see and join it, and the host sees who is invited', async () => {
    const host = await registerPerson(app);
    const first = await registerPerson(app);
    const later = await registerPerson(app);
    const { id } = await party(host, { visibility: 'private', invite: [first.handle] });
    await status(later.client.get(`/api/parties/${id}`), 404);

    const res = await status(invitations(host, id, [`${later.handle}`]), 200);
    expect(res.body.items.map((p: { handle: string }) => p.handle).sort()).toEqual([first.handle, later.handle].sort());
    await waitFor('the invitee is told', async () => (await partyNotices(later, id)).length >= 2);
    expect((await partyNotices(later, id)).map((n) => n.type).sort()).toEqual(['party_announced', 'party_started']);
    await status(put(later, `/api/parties/${id}/participation`), 200);

    // Inviting again, or inviting someone already there, tells nobody twice.
    await status(invitations(host, id, [later.handle, first.handle]), 200);
    await drainNotificationJobs(app);
    expect(await partyNotices(later, id)).toHaveLength(2);
    expect((await partyNotices(first, id)).map((n) => n.type).sort()).toEqual(['party_announced', 'party_started']);
    expect((await host.client.get(`/api/parties/${id}/invitations`).expect(200)).body.items).toHaveLength(2);
  });

  it('when anyone but the host invites, names nobody, someone unknown, blocked or themselves, or the party ended, then it is refused and nobody is added', async () => {
    const host = await registerPerson(app);
    const guest = await registerPerson(app);
    const blocker = await registerPerson(app);
    await block(app, blocker.id, host.id);
    const { id } = await party(host);
    await status(put(guest, `/api/parties/${id}/participation`), 200);
    expect((await status(invitations(guest, id, [blocker.handle]), 403)).body.code).toBe('not_host');
    await status(guest.client.get(`/api/parties/${id}/invitations`), 403);
    for (const invite of [[], 'x', [42], ['no_such_person_at_all'], [blocker.handle], [host.handle], [guest.handle, guest.handle]]) {
      const res = await status(invitations(host, id, invite), 400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    const refused = (await status(invitations(host, id, ['no_such_person_at_all']), 400)).body;
    expect(refused.errors).toEqual([{ path: 'invite.0', message: 'No one to invite as @no_such_person_at_all' }]);
    await status(host.client.post(`/api/parties/${id}/end`), 200);
    expect((await status(invitations(host, id, [guest.handle]), 409)).body.code).toBe('party_ended');
    expect((await host.client.get(`/api/parties/${id}/invitations`).expect(200)).body.items).toEqual([]);
    // A party someone cannot see is 404 to them, as everywhere.
    const { id: hidden } = await party(host, { visibility: 'private' });
    await status(invitations(guest, hidden, [blocker.handle]), 404);
  });

  it('when invitations would pass the limit, then none of them is added', async () => {
    const host = await registerPerson(app);
    const { id } = await party(host, { visibility: 'private' });
    const ids = await makeUsers(app, PARTY_LIMITS.invites);
    await app.container.knex('party_invites').insert(ids.slice(0, PARTY_LIMITS.invites - 1).map((user_id) => ({ party_id: id, user_id })));
    const [last] = await app.container.knex('users').whereIn('id', ids.slice(-1)).pluck('handle');
    const extra = await registerPerson(app);
    expect((await status(invitations(host, id, [last, extra.handle]), 409)).body.code).toBe('too_many_invites');
    expect(await app.container.knex('party_invites').where({ party_id: id }).count('* as n')).toEqual([{ n: String(PARTY_LIMITS.invites - 1) }]);
    await status(invitations(host, id, [last]), 200);
  });

  it('when four invitations race for the last place, then exactly one is added', async () => {
    const host = await registerPerson(app);
    const { id } = await party(host, { visibility: 'private' });
    const ids = await makeUsers(app, PARTY_LIMITS.invites + 3);
    await app.container.knex('party_invites').insert(ids.slice(0, PARTY_LIMITS.invites - 1).map((user_id) => ({ party_id: id, user_id })));
    const racers = await app.container.knex('users').whereIn('id', ids.slice(-4)).pluck('handle');
    const answers = await Promise.all(racers.map((handle) => invitations(host, id, [handle])));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await app.container.knex('party_invites').where({ party_id: id }).count('* as n')).toEqual([{ n: String(PARTY_LIMITS.invites) }]);
  });
});
