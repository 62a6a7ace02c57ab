import type { ConversionReportRow, ConversionView, PlaylistEntriesPage } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { registerPerson, type TestPerson } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { connect, finished, playlistIds, playlistOfSize, providerOf, reportRows } from './conversion-test-kit';
import { TrackCounterpartsRepo } from './track-counterparts.repo';

const app = useTestApp({ sandbox: true, worker: true });

beforeEach(async () => {
  await app.container.knex('provider_connections').delete();
  await app.container.knex('track_counterparts').delete();
  app.sandbox!.knobs.reset();
});

/** A new Muse account linked to the sandbox's demo listener (one account at a time may be). */
async function listener(): Promise<TestPerson> {
  await app.container.knex('provider_connections').delete();
  const person = await registerPerson(app);
  await connect(app, person.id);
  return person;
}

/** Converts the demo listener's 50-track Spotify playlist to Apple Music and answers the finished conversion and its report. */
async function convert(person: TestPerson): Promise<{ done: ConversionView; rows: ConversionReportRow[] }> {
  const source = await playlistOfSize(await providerOf(app, person.id, 'spotify'), 50);
  const res = await person.client.post('/api/conversions', { source: { kind: 'service', provider: 'spotify', playlistId: source.id }, target: 'apple' });
  expect(res.status).toBe(202);
  const done = await finished(person.client, (res.body as ConversionView).id);
  expect(done).toMatchObject({ status: 'done', processed: 50 });
  return { done, rows: await reportRows(person.client, done.id) };
}

const chosenIds = (rows: ConversionReportRow[]) => rows.map((r) => (r.outcome === 'matched' ? r.chosen!.id : r.outcome));

describe('what earlier conversions found', () => {
  it('when someone converts tracks another conversion matched, then the service is not asked about them, the same tracks are written, and the report says so', async () => {
    const first = await convert(await listener());
    // Every row that was not a match by ISRC or a skip cost searches.
    const searched = first.rows.filter((r) => r.outcome !== 'skipped' && r.method !== 'isrc').length;
    expect(first.rows.filter((r) => r.method === 'isrc').length).toBeGreaterThan(0);

    const someoneElse = await listener();
    const second = await convert(someoneElse);
    // The same verdict for every track: the earlier one's target track, or not found again.
    expect(chosenIds(second.rows)).toEqual(chosenIds(first.rows));
    for (const [k, row] of second.rows.entries()) {
      const before = first.rows[k]!;
      if (before.outcome === 'matched' || (before.outcome === 'not_found' && !before.notOnService))
        expect({ index: k, method: row.method, confidence: row.confidence }).toEqual({
          index: k,
          method: 'known',
          confidence: before.outcome === 'matched' ? before.confidence : null,
        });
      // A track left for review is never remembered: the service is asked again and the person decides.
      if (before.outcome === 'needs_review') expect(row).toMatchObject({ outcome: 'needs_review', method: before.method });
      if (before.outcome === 'skipped') expect(row).toMatchObject({ outcome: 'skipped', method: null });
    }
    expect(second.rows.find((r) => r.method === 'known' && r.outcome === 'not_found')?.reason ?? 'none not found').toMatch(/Not found on Apple Music|none/);

    // No search at all: reading the source, one ISRC lookup for the tracks left for review, creating the playlist and the writes.
    expect(searched).toBeGreaterThan(0);
    expect(second.done.calls.made).toBeLessThanOrEqual(first.done.calls.made - searched);
    expect(second.done.calls.made).toBeLessThanOrEqual(second.done.calls.minimum + 3);
    const onApple = await playlistIds(await providerOf(app, someoneElse.id, 'apple'), second.done.targetPlaylist!.id);
    expect(onApple).toEqual([...new Set(second.rows.filter((r) => r.written).map((r) => r.chosen!.id))]);
  });

  it('when a Muse playlist imported from Spotify is converted again, then its entries’ Spotify ids find what the first conversion found', async () => {
    const person = await listener();
    const source = await playlistOfSize(await providerOf(app, person.id, 'spotify'), 50);
    const imported = await person.client.post('/api/service-imports', { provider: 'spotify', playlistId: source.id });
    expect(imported.status).toBe(202);
    const playlistId = await waitFor('the import', async () => {
      const view = (await person.client.get(`/api/service-imports/${imported.body.id}`)).body as { status: string; playlistId: string | null };
      return view.status === 'done' ? view.playlistId : undefined;
    });
    const convertMuse = async () => {
      const res = await person.client.post('/api/conversions', { source: { kind: 'muse', playlistId }, target: 'apple' });
      expect(res.status).toBe(202);
      const done = await finished(person.client, (res.body as ConversionView).id);
      return { done, rows: await reportRows(person.client, done.id) };
    };
    const first = await convertMuse();
    const second = await convertMuse();
    expect(first.rows.filter((r) => r.method === 'known')).toEqual([]);
    // Local files carry no Spotify id: nothing to know them by, so they are searched again.
    const page = (await person.client.get(`/api/playlists/${playlistId}/entries?offset=0&limit=50`).expect(200)).body as PlaylistEntriesPage;
    const local = new Set(page.entries.flatMap((e, i) => (e.serviceIds.spotify ? [] : [i])));
    expect(local.size).toBeGreaterThan(0);
    const matched = second.rows.filter((r) => r.outcome === 'matched');
    expect(matched.length).toBeGreaterThan(20);
    expect(matched.filter((r) => (r.method === 'known') === local.has(r.index))).toEqual([]);
    expect(chosenIds(second.rows)).toEqual(chosenIds(first.rows));
    expect(second.done.calls.made).toBeLessThan(first.done.calls.made);
  });

  it('when what was remembered is older than it is trusted, then the service is asked again', async () => {
    const first = await convert(await listener());
    await app.container.knex.raw(
      "UPDATE track_counterparts SET decided_at = now() - CASE WHEN target IS NULL THEN interval '8 days' ELSE interval '31 days' END",
    );
    const again = await convert(await listener());
    expect(again.rows.filter((r) => r.method === 'known')).toEqual([]);
    expect(again.done.calls.made).toBe(first.done.calls.made);
    expect(chosenIds(again.rows)).toEqual(chosenIds(first.rows));
  });

  it('when the target is in another region, or the source is another service, then nothing is shared', async () => {
    const repo = new TrackCounterpartsRepo(app.container.knex);
    const scope = { sourceService: 'spotify', targetService: 'apple', region: 'us' } as const;
    const target = { id: 'a.1', title: 'Song', artists: ['Artist'], album: null, durationMs: 1000, isrc: null, explicit: null, confidence: 0.97, url: null };
    await repo.remember(scope, [
      { sourceId: 's.1', target, method: 'isrc', confidence: 0.97 },
      { sourceId: 's.2', target: null, method: 'search', confidence: null },
    ]);
    expect([...(await repo.known(scope, ['s.1', 's.2', 's.3'])).keys()].sort()).toEqual(['s.1', 's.2']);
    expect((await repo.known(scope, ['s.1'])).get('s.1')).toMatchObject({ target, method: 'isrc', confidence: 0.97 });
    expect((await repo.known({ ...scope, region: 'gb' }, ['s.1', 's.2'])).size).toBe(0);
    expect((await repo.known({ sourceService: 'apple', targetService: 'spotify', region: 'us' }, ['s.1'])).size).toBe(0);
    // A later verdict replaces the earlier one.
    await repo.remember(scope, [{ sourceId: 's.1', target: null, method: 'search', confidence: null }]);
    expect((await repo.known(scope, ['s.1'])).get('s.1')).toMatchObject({ target: null, method: 'search' });
  });
});
