import type { ServiceImportView, ServicePlaylist } from '@muse/shared';
import { signInSpotify } from '../../providers/sandbox/sandbox-test-kit';
import { registerPerson } from '../../testing/factories';
import { useTestApp } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';

const app = useTestApp({ sandbox: true, worker: true });

// Loose on purpose: the entries of 10,000 tracks are a few megabytes; holding every provider
// page (or a second copy of the playlist) on top of the run's working set would not fit.
const MAX_HEAP_GROWTH_BYTES = 256 * 1024 * 1024;

describe('service imports: a 10,000-track playlist', () => {
  it('when the largest playlist is imported, then it is read one page at a time into 10,000 entries without the heap growing unbounded', async () => {
    const owner = await registerPerson(app);
    const tokens = await signInSpotify(app.sandbox!);
    await app.container.services.connections.connect(owner.id, 'spotify', {
      providerUserId: 'demo-listener',
      displayName: 'Demo Listener',
      scopes: tokens.scope.split(' '),
      credentials: { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, expiresAt: new Date(Date.now() + tokens.expires_in * 1000) },
    });
    const listed = (await owner.client.get('/api/connections/spotify/playlists')).body.items as ServicePlaylist[];
    const source = listed.find((p) => p.trackCount === 10_000)!;
    app.sandbox!.resetCalls();

    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    try {
      const started = await owner.client.post('/api/service-imports', { provider: 'spotify', playlistId: source.id });
      expect(started.status).toBe(202);
      const done = await waitFor(
        'the 10,000-track import',
        async () => {
          const res = await owner.client.get(`/api/service-imports/${started.body.id}`);
          return ['done', 'partial', 'failed'].includes(res.body.status) ? (res.body as ServiceImportView) : undefined;
        },
        300_000,
        200,
      );
      expect(done).toMatchObject({ status: 'done', processed: 10_000, total: 10_000, error: null });
      const doc = (await app.container.docs.playlists.get(done.playlistId!, { entries: 0 }))!;
      expect(doc.entryCount).toBe(10_000);
    } finally {
      clearInterval(sampler);
    }
    // One request per page of 100, each page read once.
    const calls = app.sandbox!.calls().spotify;
    const itemPages = Object.entries(calls).filter(([key]) => key.endsWith('/items'));
    expect(itemPages.map(([, n]) => n)).toEqual([100]);
    expect(peak - baseline).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
  }, 360_000);
});
