import type { ConversionReportRow, ConversionView } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';
import { registerPerson, type TestPerson } from '../../testing/factories';
import { connect, duplicates, finished, playlistIds, playlistOfSize, providerOf, reportRows } from './conversion-test-kit';

const app = useTestApp({ sandbox: true, worker: true });

let me: TestPerson;

beforeEach(async () => {
  // The sandbox's demo listener can be linked to one Muse account at a time.
  await app.container.knex('provider_connections').delete();
  // What earlier conversions found is shared by all; each test starts from a service asked afresh.
  await app.container.knex('track_counterparts').delete();
  app.sandbox!.knobs.reset();
  me = await registerPerson(app);
});

async function start(person: TestPerson, body: unknown): Promise<ConversionView> {
  const res = await person.client.post('/api/conversions', body);
  if (res.status !== 202) throw new Error(`conversion refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ConversionView;
}

async function spotifyPlaylist(person: TestPerson, size: number) {
  return playlistOfSize(await providerOf(app, person.id, 'spotify'), size);
}

describe('starting a conversion', () => {
  it('when signed out, then 401', async () => {
    const res = await app.client().post('/api/conversions', { source: { kind: 'url', url: 'https://open.spotify.com/playlist/abc' }, target: 'apple' });
    expect(res.status).toBe(401);
  });

  it('when the body is bad, then 400 problem+json naming the field', async () => {
    await connect(app, me.id);
    for (const body of [
      {},
      { source: { kind: 'muse' }, target: 'apple' },
      { source: { kind: 'service', provider: 'spotify', playlistId: 'x' }, target: 'tidal' },
      { source: { kind: 'service', provider: 'spotify', playlistId: 'x' }, target: 'apple', mode: 'merge' },
      { source: { kind: 'service', provider: 'spotify', playlistId: 'not an id!' }, target: 'apple' },
      { source: { kind: 'url', url: 'https://example.com/playlist/1' }, target: 'apple' },
      { source: { kind: 'url', url: 'not a link at all' }, target: 'apple' },
      { source: { kind: 'url', url: 'https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy' }, target: 'apple' },
    ]) {
      const res = await me.client.post('/api/conversions', body);
      expect({ body, status: res.status, type: res.headers['content-type'] }).toMatchObject({
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(res.body.detail ?? res.body.title).toBeTruthy();
    }
  });

  it('when the user is not connected to the source or the target, then 409 connection_required naming the service', async () => {
    const res = await me.client.post('/api/conversions', { source: { kind: 'url', url: 'https://open.spotify.com/playlist/abc123' }, target: 'apple' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'connection_required' });
    expect(res.body.detail).toMatch(/Spotify/);
    await connect(app, me.id, ['spotify']);
    const toApple = await me.client.post('/api/conversions', { source: { kind: 'url', url: 'https://open.spotify.com/playlist/abc123' }, target: 'apple' });
    expect(toApple.status).toBe(409);
    expect(toApple.body.detail).toMatch(/Apple Music/);
  });

  it('when syncing a source never converted to that target, then 409 nothing_to_sync', async () => {
    await connect(app, me.id);
    const res = await me.client.post('/api/conversions', {
      source: { kind: 'service', provider: 'spotify', playlistId: 'abc123' },
      target: 'apple',
      mode: 'sync',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('nothing_to_sync');
  });

  it("when converting someone else's private Muse playlist, then 404, and their conversions are 404 too", async () => {
    const other = await registerPerson(app);
    const secret = await other.client.post('/api/playlists', { title: 'Secret', kind: 'playlist', visibility: 'private' });
    expect(secret.status).toBe(201);
    await connect(app, me.id);
    const res = await me.client.post('/api/conversions', { source: { kind: 'muse', playlistId: secret.body.id }, target: 'spotify' });
    expect(res.status).toBe(404);

    const mine = await start(me, {
      source: { kind: 'muse', playlistId: (await me.client.post('/api/playlists', { title: 'Mine', kind: 'playlist', visibility: 'private' })).body.id },
      target: 'spotify',
    });
    await finished(me.client, mine.id);
    for (const path of [`/api/conversions/${mine.id}`, `/api/conversions/${mine.id}/report`, `/api/conversions/${mine.id}/report.csv`])
      expect((await other.client.get(path)).status).toBe(404);
    expect((await other.client.post(`/api/conversions/${mine.id}/cancel`)).status).toBe(404);
    expect((await other.client.post(`/api/conversions/${mine.id}/rows/0/fix`, { action: 'not_on_service' })).status).toBe(404);
    expect((await other.client.get('/api/conversions')).body.items).toEqual([]);
  });
});

describe('listing', () => {
  it('when the user has several conversions, then they page newest first without gaps or repeats', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const pl = await me.client.post('/api/playlists', { title: `List ${i}`, kind: 'playlist', visibility: 'private' });
      made.push((await start(me, { source: { kind: 'muse', playlistId: pl.body.id }, target: 'muse' })).id);
    }
    const first = await me.client.get('/api/conversions?limit=2').expect(200);
    expect(first.body.items.map((c: ConversionView) => c.id)).toEqual([made[2], made[1]]);
    const second = await me.client.get(`/api/conversions?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items.map((c: ConversionView) => c.id)).toEqual([made[0]]);
    expect(second.body.nextCursor).toBeNull();
    expect((await me.client.get('/api/conversions?cursor=garbage')).status).toBe(400);
    const done = await finished(me.client, made[0]!);
    expect(done).toMatchObject({ status: 'done', target: 'muse', total: 0 });
    expect((await me.client.get(`/api/playlists/${done.targetPlaylist!.id}`)).status).toBe(200);
  });
});

describe('account deletion', () => {
  it('when the account is deleted, then its conversions and their reports go', async () => {
    await connect(app, me.id);
    const done = await finished(
      me.client,
      (await start(me, { source: { kind: 'service', provider: 'spotify', playlistId: (await spotifyPlaylist(me, 5)).id }, target: 'apple' })).id,
    );
    const chunks = () => app.container.knex('doc_conversion_report_chunks').where({ conversion_id: done.id }).count<{ count: string }[]>('* as count');
    expect(Number((await chunks())[0]!.count)).toBe(1);
    expect((await me.client.delete('/api/me', { password: 'correct horse battery staple' })).status).toBe(204);
    await waitFor('the purge', async () => Number((await chunks())[0]!.count) === 0);
    expect(await app.container.knex('conversions').where({ id: done.id }).first()).toBeUndefined();
  });
});

describe('converting', () => {
  it('when a Spotify playlist is converted to Apple Music, then matched tracks are written once, in order, and the report says what became of each', async () => {
    await connect(app, me.id);
    const source = await spotifyPlaylist(me, 50);
    const view = await start(me, { source: { kind: 'service', provider: 'spotify', playlistId: source.id }, target: 'apple', name: 'On Apple' });
    expect(view).toMatchObject({ status: 'queued', target: 'apple', mode: 'new', name: 'On Apple' });

    const done = await finished(me.client, view.id);
    expect(done).toMatchObject({ status: 'done', total: 50, processed: 50, error: null });
    expect(done.matched + done.needsReview + done.notFound + done.skipped).toBe(50);
    expect(done.written).toBe(done.matched);
    expect(done.targetPlaylist?.id).toMatch(/^p\./);
    expect(done.calls.made).toBeGreaterThanOrEqual(done.calls.minimum);
    expect(done.calls.minimum).toBeGreaterThan(0);

    const rows = await reportRows(me.client, view.id);
    expect(rows.map((r) => r.index)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const written = [...new Set(rows.filter((r) => r.written).map((r) => r.chosen!.id))];
    const onApple = await playlistIds(await providerOf(app, me.id, 'apple'), done.targetPlaylist!.id);
    expect(onApple).toEqual(written);
    expect(duplicates(onApple)).toEqual([]);
    for (const r of rows.filter((x) => x.outcome === 'matched'))
      expect(r).toMatchObject({ method: expect.stringMatching(/isrc|search/), chosen: expect.any(Object) });
    for (const r of rows.filter((x) => x.outcome !== 'matched')) expect(r.reason).toBeTruthy();

    const list = await me.client.get('/api/conversions').expect(200);
    expect(list.body.items[0]).toMatchObject({ id: view.id, status: 'done' });

    const notes = (await me.client.get('/api/notifications').expect(200)).body.items;
    expect(notes.filter((n: { link: string }) => n.link === `/conversions/${view.id}`)).toEqual([
      expect.objectContaining({ type: 'conversion_finished', title: expect.any(String) }),
    ]);
  });

  it('when an Apple Music library playlist is converted to Spotify, then its songs land on Spotify once each', async () => {
    await connect(app, me.id);
    const source = await playlistOfSize(await providerOf(app, me.id, 'apple'), 50);
    const view = await start(me, { source: { kind: 'service', provider: 'apple', playlistId: source.id }, target: 'spotify' });
    const done = await finished(me.client, view.id);
    expect(done).toMatchObject({ status: 'done', total: 50, processed: 50, name: source.name });
    expect(done.matched).toBeGreaterThan(25);
    const rows = await reportRows(me.client, view.id);
    const onSpotify = await playlistIds(await providerOf(app, me.id, 'spotify'), done.targetPlaylist!.id);
    expect(duplicates(onSpotify)).toEqual([]);
    expect(onSpotify).toEqual([...new Set(rows.filter((r) => r.written).map((r) => r.chosen!.id))]);
  });

  it('when a Muse playlist is converted to Apple Music, then its entries are matched by ISRC and written', async () => {
    await connect(app, me.id);
    const entries = app
      .sandbox!.catalog.spotify.tracks.filter((t) => t.playable)
      .slice(0, 20)
      .map((t) => ({ snapshot: { title: t.name, artists: t.artists.map((a) => a.name), durationMs: t.durationMs, isrc: t.isrc } }));
    const pl = await me.client.post('/api/playlists', { title: 'To Apple', kind: 'playlist', visibility: 'private' });
    expect((await me.client.post(`/api/playlists/${pl.body.id}/entries`, { entries })).status).toBe(201);
    const done = await finished(me.client, (await start(me, { source: { kind: 'muse', playlistId: pl.body.id }, target: 'apple' })).id);
    expect(done).toMatchObject({ status: 'done', total: 20, processed: 20, name: 'To Apple' });
    const rows = await reportRows(me.client, done.id);
    expect(rows.filter((r) => r.method === 'isrc').length).toBeGreaterThan(10);
    const onApple = await playlistIds(await providerOf(app, me.id, 'apple'), done.targetPlaylist!.id);
    expect(onApple).toEqual([...new Set(rows.filter((r) => r.written).map((r) => r.chosen!.id))]);
    expect(done.calls.minimum).toBe(1 + 1); // one ISRC batch of 20 and one write; a Muse source reads no service
  });

  it('when the listener switched conversion notices off, then a finished conversion leaves none, while import notices stay on', async () => {
    await connect(app, me.id);
    expect((await me.client.send('put', '/api/me/notification-preferences', { preferences: [{ type: 'conversion_finished', enabled: false }] })).status).toBe(
      200,
    );
    const source = await spotifyPlaylist(me, 5);
    const done = await finished(me.client, (await start(me, { source: { kind: 'service', provider: 'spotify', playlistId: source.id }, target: 'apple' })).id);
    expect(done.status).toBe('done');
    const notes = (await me.client.get('/api/notifications').expect(200)).body.items;
    expect(notes.filter((n: { type: string }) => n.type === 'conversion_finished')).toEqual([]);
    const prefs = (await me.client.get('/api/me/notification-preferences').expect(200)).body.preferences;
    expect(prefs.find((p: { type: string }) => p.type === 'import_finished')).toMatchObject({ enabled: true });
  });

  it('when the report is downloaded as CSV, then it is an attachment with a header and one line per source track', async () => {
    await connect(app, me.id);
    const source = await spotifyPlaylist(me, 5);
    const view = await start(me, { source: { kind: 'service', provider: 'spotify', playlistId: source.id }, target: 'apple' });
    await finished(me.client, view.id);
    const res = await me.client
      .get(`/api/conversions/${view.id}/report.csv`)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString('utf8')));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'index,outcome,reason,method,confidence,source_title,source_artists,source_album,source_isrc,chosen_id,chosen_title,chosen_artists,chosen_url,written',
    );
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^0,(matched|needs_review|not_found|skipped),/);
  });

  it('when a playlist has local files and unavailable tracks, then they are skipped with the reason and not written', async () => {
    await connect(app, me.id);
    const source = await spotifyPlaylist(me, 300);
    const view = await start(me, { source: { kind: 'service', provider: 'spotify', playlistId: source.id }, target: 'apple' });
    const done = await finished(me.client, view.id);
    const skipped = await reportRows(me.client, view.id, 'skipped');
    expect(done.skipped).toBe(skipped.length);
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.some((r) => /local file/i.test(r.reason!))).toBe(true);
    expect(skipped.some((r) => /unavailable/i.test(r.reason!))).toBe(true);
    for (const r of skipped) expect(r).toMatchObject({ written: false, chosen: null });
  });

  it('when an empty Muse playlist is converted, then it finishes with an empty target playlist', async () => {
    await connect(app, me.id);
    const empty = await me.client.post('/api/playlists', { title: 'Nothing yet', kind: 'playlist', visibility: 'public' });
    const view = await start(me, { source: { kind: 'muse', playlistId: empty.body.id }, target: 'spotify' });
    const done = await finished(me.client, view.id);
    expect(done).toMatchObject({ status: 'done', total: 0, processed: 0, written: 0, name: 'Nothing yet' });
    expect(await playlistIds(await providerOf(app, me.id, 'spotify'), done.targetPlaylist!.id)).toEqual([]);
    expect(await reportRows(me.client, view.id)).toEqual([]);
  });
});

describe('fixing the report', () => {
  async function convertedWithOpenRows(): Promise<{ view: ConversionView; open: ConversionReportRow[] }> {
    await connect(app, me.id);
    const source = await spotifyPlaylist(me, 300);
    const view = await start(me, { source: { kind: 'service', provider: 'spotify', playlistId: source.id }, target: 'apple' });
    await finished(me.client, view.id);
    const rows = await reportRows(me.client, view.id);
    return {
      view: (await me.client.get(`/api/conversions/${view.id}`)).body,
      open: rows.filter((r) => r.outcome === 'needs_review' || r.outcome === 'not_found'),
    };
  }

  it('when a row is fixed by picking an alternative, then it is appended once (a replay appends nothing), and the next conversion uses the rule', async () => {
    const { view, open } = await convertedWithOpenRows();
    const row = open.find((r) => r.alternatives.length > 0);
    expect(row).toBeDefined();
    const pick = row!.alternatives[0]!.id;
    const apple = await providerOf(app, me.id, 'apple');
    const before = await playlistIds(apple, view.targetPlaylist!.id);

    const fixed = await me.client.post(`/api/conversions/${view.id}/rows/${row!.index}/fix`, { action: 'pick', trackId: pick });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ index: row!.index, outcome: 'matched', method: 'manual', written: true, chosen: { id: pick } });
    const again = await me.client.post(`/api/conversions/${view.id}/rows/${row!.index}/fix`, { action: 'pick', trackId: pick });
    expect(again.status).toBe(200);
    const after = await playlistIds(apple, view.targetPlaylist!.id);
    expect(after).toEqual([...before, pick]);

    const counts = (await me.client.get(`/api/conversions/${view.id}`)).body as ConversionView;
    expect(counts.matched).toBe(view.matched + 1);
    expect(counts.written).toBe(view.written + 1);

    const next = await start(me, {
      source: view.source.kind === 'service' ? { kind: 'service', provider: 'spotify', playlistId: view.source.playlistId } : {},
      target: 'apple',
    });
    await finished(me.client, next.id);
    const reused = (await reportRows(me.client, next.id)).find((r) => r.index === row!.index)!;
    expect(reused).toMatchObject({ outcome: 'matched', method: 'rule', chosen: { id: pick }, written: true });
  });

  it('when a pick names a track the row never offered, then 422 and nothing is written', async () => {
    const { view, open } = await convertedWithOpenRows();
    const res = await me.client.post(`/api/conversions/${view.id}/rows/${open[0]!.index}/fix`, { action: 'pick', trackId: '999999999' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('unknown_track');
    expect(await me.client.post(`/api/conversions/${view.id}/rows/9999/fix`, { action: 'not_on_service' }).then((r) => r.status)).toBe(404);
    expect(await me.client.post(`/api/conversions/${view.id}/rows/0/fix`, { action: 'swap' }).then((r) => r.status)).toBe(400);
  });

  it('when a track found by searching the target is picked, then it is accepted', async () => {
    const { view, open } = await convertedWithOpenRows();
    const row = open[0]!;
    const hits = await me.client.get(`/api/conversions/${view.id}/rows/${row.index}/search?q=${encodeURIComponent(row.source.title)}`);
    expect(hits.status).toBe(200);
    expect(Array.isArray(hits.body)).toBe(true);
    if (hits.body.length === 0) return;
    const fixed = await me.client.post(`/api/conversions/${view.id}/rows/${row.index}/fix`, { action: 'pick', trackId: hits.body[0].id });
    expect(fixed.status).toBe(200);
    expect(fixed.body.chosen.id).toBe(hits.body[0].id);
  });

  it('when a row is marked not on the service, then it is remembered and the next conversion does not offer it again', async () => {
    const { view, open } = await convertedWithOpenRows();
    const row = open[0]!;
    const res = await me.client.post(`/api/conversions/${view.id}/rows/${row.index}/fix`, { action: 'not_on_service' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'not_found', notOnService: true, alternatives: [] });
    const next = await start(me, { source: { kind: 'service', provider: 'spotify', playlistId: view.source.playlistId }, target: 'apple', mode: 'sync' });
    await finished(me.client, next.id);
    const again = (await reportRows(me.client, next.id)).find((r) => r.index === row.index)!;
    expect(again).toMatchObject({ outcome: 'not_found', method: 'rule', notOnService: true, alternatives: [] });
  });
});

describe('sync', () => {
  it('when the same source is synced to the same target, then nothing already there is appended again', async () => {
    await connect(app, me.id);
    const source = await spotifyPlaylist(me, 50);
    const first = await start(me, { source: { kind: 'service', provider: 'spotify', playlistId: source.id }, target: 'apple' });
    const firstDone = await finished(me.client, first.id);
    const apple = await providerOf(app, me.id, 'apple');
    const before = await playlistIds(apple, firstDone.targetPlaylist!.id);

    const sync = await start(me, { source: { kind: 'service', provider: 'spotify', playlistId: source.id }, target: 'apple', mode: 'sync' });
    expect(sync.targetPlaylist?.id).toBe(firstDone.targetPlaylist!.id);
    const syncDone = await finished(me.client, sync.id);
    expect(syncDone).toMatchObject({ status: 'done', written: 0 });
    expect(await playlistIds(apple, firstDone.targetPlaylist!.id)).toEqual(before);
  });

  it('when tracks were added to a Muse source since, then a sync appends only those', async () => {
    await connect(app, me.id);
    const entries = app
      .sandbox!.catalog.spotify.tracks.filter((t) => t.playable)
      .slice(0, 6)
      .map((t) => ({
        snapshot: { title: t.name, artists: t.artists.map((a) => a.name), durationMs: t.durationMs, isrc: t.isrc },
      }));
    const pl = await me.client.post('/api/playlists', { title: 'Growing', kind: 'playlist', visibility: 'private' });
    await me.client.post(`/api/playlists/${pl.body.id}/entries`, { entries: entries.slice(0, 3) }).then((r) => expect(r.status).toBe(201));
    const first = await finished(me.client, (await start(me, { source: { kind: 'muse', playlistId: pl.body.id }, target: 'spotify' })).id);
    expect(first.status).toBe('done');
    await me.client.post(`/api/playlists/${pl.body.id}/entries`, { entries: entries.slice(3) });
    const sync = await finished(me.client, (await start(me, { source: { kind: 'muse', playlistId: pl.body.id }, target: 'spotify', mode: 'sync' })).id);
    const onSpotify = await playlistIds(await providerOf(app, me.id, 'spotify'), first.targetPlaylist!.id);
    expect(duplicates(onSpotify)).toEqual([]);
    expect(onSpotify).toHaveLength(first.written + sync.written);
    expect(first.written).toBeGreaterThan(0);
    expect(sync.written).toBeGreaterThan(0);
    expect(sync.written).toBeLessThanOrEqual(3);
  });
});
