import type { PlaylistDocument, StoredEntry } from '../../docstore/playlist-store.port';
import { PlaylistPageCache } from './playlist-page-cache';
import type { SharedEntryView } from './playlist-views';

function entry(n: number): StoredEntry {
  return {
    id: `entry-${String(n).padStart(6, '0')}`,
    trackId: String(n),
    albumId: '1',
    snapshot: { title: `Track ${n}`, artists: [] },
    serviceIds: {},
    note: null,
    addedBy: '1',
    addedAt: new Date(0),
  };
}

function page(id: string, version: number, size: number): { doc: PlaylistDocument; shared: SharedEntryView[] } {
  const entries = Array.from({ length: size }, (_, i) => entry(i));
  const doc: PlaylistDocument = {
    id,
    ownerId: '1',
    kind: 'playlist',
    title: id,
    description: '',
    ranked: false,
    visibility: 'public',
    sharedWith: [],
    linkToken: null,
    collaborators: [],
    clonedFrom: null,
    version,
    entryCount: size,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    entries,
  };
  const shared = entries.map((e) => ({ ...e, addedAt: e.addedAt.toISOString(), rank: null, album: null, stats: null }));
  return { doc, shared };
}

describe('PlaylistPageCache', () => {
  it('when a page is kept, then it comes back only for the same version', () => {
    const cache = new PlaylistPageCache(100, 10_000, 60_000, () => 0);
    cache.set(page('a', 3, 2));
    expect(cache.get('a', 3)?.page.doc.version).toBe(3);
    expect(cache.get('a', 4)).toBeNull();
    // A version that did not match forgets the page: the next read keeps the new one.
    expect(cache.get('a', 3)).toBeNull();
    expect(cache.get('b', 3)).toBeNull();
  });

  it('when a kept page is older than the time to live, then it is answered as stale until the maximum age, then forgotten', () => {
    let now = 1_000;
    const cache = new PlaylistPageCache(100, 10_000, 60_000, () => now);
    cache.set(page('a', 1, 1));
    now += 10_000;
    expect(cache.get('a', 1)?.stale).toBe(false);
    now += 1;
    expect(cache.get('a', 1)?.stale).toBe(true);
    now += 49_999;
    expect(cache.get('a', 1)?.stale).toBe(true);
    now += 1;
    expect(cache.get('a', 1)).toBeNull();
  });

  it('when a page is kept for an older version than the one kept, then the newer one stays', () => {
    let now = 0;
    const cache = new PlaylistPageCache(100, 10_000, 60_000, () => now);
    cache.set(page('a', 5, 2));
    now += 1;
    cache.set(page('a', 4, 2));
    expect(cache.get('a', 5)?.page.doc.version).toBe(5);
    cache.set(page('a', 5, 3));
    expect(cache.get('a', 5)?.page.doc.entryCount).toBe(3);
  });

  it('when the entries kept pass the capacity, then the least recently shown pages go first', () => {
    const cache = new PlaylistPageCache(10, 10_000, 60_000, () => 0);
    cache.set(page('a', 1, 4));
    cache.set(page('b', 1, 4));
    expect(cache.get('a', 1)).not.toBeNull();
    cache.set(page('c', 1, 4));
    expect(cache.get('b', 1)).toBeNull();
    expect(cache.get('a', 1)).not.toBeNull();
    expect(cache.get('c', 1)).not.toBeNull();
    cache.set(page('huge', 1, 11));
    expect(cache.get('huge', 1)).toBeNull();
    expect(cache.get('a', 1)).not.toBeNull();
  });

  it('when a page is kept again or forgotten, then its entries stop counting against the capacity', () => {
    const cache = new PlaylistPageCache(10, 10_000, 60_000, () => 0);
    cache.set(page('a', 1, 6));
    cache.set(page('a', 2, 6));
    cache.set(page('b', 1, 4));
    expect(cache.get('a', 2)).not.toBeNull();
    cache.forget('a');
    expect(cache.get('a', 2)).toBeNull();
    cache.set(page('c', 1, 6));
    expect(cache.get('b', 1)).not.toBeNull();
    expect(cache.get('c', 1)).not.toBeNull();
  });

  it('when a caller tries to change a kept page, then it throws instead of changing what others see', () => {
    const cache = new PlaylistPageCache(100, 10_000, 60_000, () => 0);
    cache.set(page('a', 1, 2));
    const kept = cache.get('a', 1)!.page;
    expect(() => kept.doc.entries.push(entry(9))).toThrow(TypeError);
    expect(() => {
      (kept.shared[0] as { note: string | null }).note = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (kept.doc as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(cache.get('a', 1)!.page.doc.entries).toHaveLength(2);
  });
});
