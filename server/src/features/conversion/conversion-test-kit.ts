import type { ConversionReportRow, ConversionView, ProviderName } from '@muse/shared';
import type { MusicProvider, ProviderPlaylistSummary } from '../../providers/music-provider.port';
import { ALL_SCOPES, signInApple, signInSpotify } from '../../providers/sandbox/sandbox-test-kit';
import type { TestApp, TestClient } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';

/** Links a Muse user to a sandbox user's Spotify and/or Apple Music account, as the settings page would. */
export async function connect(app: TestApp, userId: string, services: ProviderName[] = ['spotify', 'apple'], as = 'demo-listener'): Promise<void> {
  const connections = app.container.services.connections;
  for (const service of services) {
    if (service === 'spotify') {
      const t = await signInSpotify(app.sandbox!, as);
      await connections.connect(userId, 'spotify', {
        providerUserId: as,
        displayName: as,
        scopes: ALL_SCOPES,
        // Sign-in keeps the account's country as its region, as the sandbox's users are in the US.
        credentials: { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: new Date(Date.now() + t.expires_in * 1000), storefront: 'us' },
      });
    } else {
      const token = await signInApple(app.sandbox!, as);
      await connections.connect(userId, 'apple', {
        providerUserId: as,
        displayName: as,
        scopes: [],
        credentials: { accessToken: token, musicUserToken: token, storefront: 'us' },
      });
    }
  }
}

/** The user's provider, for reading what a conversion wrote (uncounted by the conversion). */
export function providerOf(app: TestApp, userId: string, service: ProviderName): Promise<MusicProvider> {
  return app.container.services.connections.providerFor(userId, service);
}

/** One of the user's playlists on a service, by its size. */
export async function playlistOfSize(provider: MusicProvider, size: number): Promise<ProviderPlaylistSummary> {
  let cursor: string | null = null;
  for (;;) {
    const page = await provider.listPlaylists(cursor);
    // Apple lists library playlists without their size; the sandbox names them by it.
    const found = page.items.find((p) => p.ownedByUser && (p.trackCount === size || p.name === `Library mix ${size.toLocaleString('en-US')}`));
    if (found) return found;
    if (!page.next) throw new Error(`no playlist of ${size} tracks`);
    cursor = page.next;
  }
}

/** Every track id of a service playlist, in order. */
export async function playlistIds(provider: MusicProvider, playlistId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const { tracks } = await provider.readPlaylist(playlistId, cursor);
    ids.push(...tracks.items.map((t) => t.id));
    if (!tracks.next) return ids;
    cursor = tracks.next;
  }
}

/** Waits until the conversion has finished one way or another, and answers it. */
export async function finished(client: TestClient, id: string, timeoutMs = 60_000): Promise<ConversionView> {
  return waitFor(
    `conversion ${id} to finish`,
    async () => {
      const res = await client.get(`/api/conversions/${id}`);
      const view = res.body as ConversionView;
      return ['done', 'failed', 'cancelled'].includes(view.status) ? view : undefined;
    },
    timeoutMs,
    100,
  );
}

/** Every report row, paging through the API. */
export async function reportRows(client: TestClient, id: string, outcome?: string): Promise<ConversionReportRow[]> {
  const rows: ConversionReportRow[] = [];
  let cursor: string | null = null;
  for (;;) {
    const q: URLSearchParams = new URLSearchParams({ limit: '500', ...(cursor ? { cursor } : {}), ...(outcome ? { outcome } : {}) });
    const res = await client.get(`/api/conversions/${id}/report?${q.toString()}`).expect(200);
    const body = res.body as { items: ConversionReportRow[]; nextCursor: string | null };
    rows.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return rows;
  }
}

/** Tracks that appear more than once in a list of ids. */
export function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}
