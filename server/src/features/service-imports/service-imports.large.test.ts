import type { ServiceImportView, ServicePlaylist } from '@muse/shared';
import { connectSpotifyAs } from '../../testing/spotify-connection';
import { registerPerson } from '../../testing/factories';
import { useTestApp } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';

const app = useTestApp({ sandbox: true, worker: true });

const PAGE = 100;
/**
 * How many pages of items the import may have asked Spotify for beyond the pages it has processed
 * (linked to the catalog and counted in its progress): the one being read or processed, plus one
 * that a reader fetching a page ahead would hold. An import that read the playlist whole before
 * working on it is 99 pages ahead at its worst; one that kept a few pages queued, more than 2.
 *
 * This is watched instead of the heap: the api, the worker, the sandbox building each page's JSON
 * and jest share this process's heap, and its peak growth moves from run to run by more than the
 * ~10 MB that holding every page adds (45 and 61 MB in two runs of this import, 70 MB for one that
 * read every page first), so no heap bound tells the two apart. What this does not cover: the run
 * keeps every entry it builds (a few MB here) until it saves the playlist once at the end.
 */
const MAX_PAGES_AHEAD = 2;

describe('service imports: a 10,000-track playlist', () => {
  it('when the largest playlist is imported, then its pages are read one at a time as they are processed, into 10,000 entries', async () => {
    const owner = await registerPerson(app);
    await connectSpotifyAs(app, owner.id);
    const listed = (await owner.client.get('/api/connections/spotify/playlists')).body.items as ServicePlaylist[];
    const source = listed.find((p) => p.trackCount === 10_000)!;
    app.sandbox!.resetCalls();
    // The first page comes embedded in the playlist's own answer, the others from /items.
    const pagesAsked = () => {
      const calls = app.sandbox!.calls().spotify;
      return (calls['GET /v1/playlists/{id}'] ?? 0) + (calls['GET /v1/playlists/{id}/items'] ?? 0);
    };

    const started = await owner.client.post('/api/service-imports', { provider: 'spotify', playlistId: source.id });
    expect(started.status).toBe(202);
    let mostAhead = 0;
    let samplesMidway = 0;
    const done = await waitFor(
      'the 10,000-track import',
      async () => {
        // Pages asked are read before pages processed: both only grow, so the difference found is
        // never more than it really was at the first read (a sample can miss a gap, never invent one).
        const asked = pagesAsked();
        const res = await owner.client.get(`/api/service-imports/${started.body.id}`);
        const view = res.body as ServiceImportView;
        mostAhead = Math.max(mostAhead, asked - Math.floor(view.processed / PAGE));
        if (view.processed > 0 && view.processed < 10_000) samplesMidway += 1;
        return ['done', 'partial', 'failed'].includes(view.status) ? view : undefined;
      },
      300_000,
      20,
    );
    expect(done).toMatchObject({ status: 'done', processed: 10_000, total: 10_000, error: null });
    const doc = (await app.container.docs.playlists.get(done.playlistId!, { entries: 0 }))!;
    expect(doc.entryCount).toBe(10_000);

    // One request per page of 100 (the first embedded in the playlist's own), each page read once, never far ahead of the work.
    const calls = app.sandbox!.calls().spotify;
    const itemPages = Object.entries(calls).filter(([key]) => key.endsWith('/items'));
    expect(itemPages.map(([, n]) => n)).toEqual([99]);
    // The connection knows the account's Spotify id: nobody asks Spotify who the user is.
    expect(calls['GET /v1/me'] ?? 0).toBe(0);
    // Enough looks while the import ran for the bound below to mean something (a few hundred usually).
    expect(samplesMidway).toBeGreaterThan(20);
    expect(mostAhead).toBeGreaterThanOrEqual(1);
    expect(mostAhead).toBeLessThanOrEqual(MAX_PAGES_AHEAD);
  }, 360_000);
});
