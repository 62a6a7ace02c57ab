import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import mongoose from 'mongoose';
import { createKnex, migrateLatest } from '../db/knex';
import { createTestDatabase } from '../testing/test-infra';
import { conversionReportsContract } from './conversion-reports.contract';
import type { Activity, DocumentStore } from './document-store.port';
import { createMongoDocumentStore } from './mongo/mongo-document-store.repo';
import { playlistDocumentsContract } from './playlist-documents.contract';
import { playlistEntriesContract } from './playlist-entries.contract';
import type { PlaylistContractStores } from './playlist-contract-fixtures';
import type { PlaylistStoreOptions } from './playlist-input';
import { playlistListsContract } from './playlist-lists.contract';
import { createPostgresDocumentStore } from './postgres/postgres-document-store.repo';

interface OpenAdapter {
  store: DocumentStore;
  /** The same adapter on the same data, built with other options (a small entry limit). */
  withOptions(options: PlaylistStoreOptions): Promise<DocumentStore>;
  dispose(): Promise<void>;
}

interface AdapterHarness {
  name: string;
  /** Why this adapter cannot run here, or null when it can. */
  skipReason: string | null;
  open(): Promise<OpenAdapter>;
}

const mongoUrl = process.env.MONGO_URL;

const adapters: AdapterHarness[] = [
  {
    name: 'postgres',
    skipReason: null,
    async open() {
      const db = await createTestDatabase('docs');
      const knex: Knex = createKnex(db.url, 4);
      await migrateLatest(knex);
      return {
        store: createPostgresDocumentStore(knex),
        withOptions: async (options) => createPostgresDocumentStore(knex, options),
        async dispose() {
          await knex.destroy();
          await db.drop();
        },
      };
    },
  },
  {
    name: 'mongo',
    skipReason: mongoUrl ? null : 'MONGO_URL not set',
    async open() {
      const prefix = `t${randomBytes(5).toString('hex')}_`;
      const opened = [await createMongoDocumentStore(mongoUrl!, { collectionPrefix: prefix })];
      return {
        store: opened[0]!,
        async withOptions(options) {
          const store = await createMongoDocumentStore(mongoUrl!, { collectionPrefix: prefix, ...options });
          opened.push(store);
          return store;
        },
        async dispose() {
          await Promise.all(opened.map((store) => store.close()));
          // The test's collections go with it, so a shared server does not fill up run after run.
          const connection = await mongoose.createConnection(mongoUrl!, { serverSelectionTimeoutMS: 5000 }).asPromise();
          try {
            const collections = (await connection.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
            await Promise.all(collections.filter((name) => name.startsWith(prefix)).map((name) => connection.db!.dropCollection(name)));
          } finally {
            await connection.close();
          }
        },
      };
    },
  },
];

for (const adapter of adapters) {
  if (adapter.skipReason) {
    // Printed so a run shows plainly which adapter was not exercised and why.
    describe(`document store contract: ${adapter.name}`, () => {
      it.skip(`skipped: ${adapter.skipReason}`, () => undefined);
    });
    console.warn(`document store contract: ${adapter.name} adapter skipped: ${adapter.skipReason}`);
    continue;
  }

  describe(`document store contract: ${adapter.name}`, () => {
    let store: DocumentStore;
    let playlistStores: PlaylistContractStores;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      const opened = await adapter.open();
      ({ store, dispose } = opened);
      playlistStores = { playlists: store.playlists, small: (await opened.withOptions({ maxEntries: 5 })).playlists };
    });
    afterAll(async () => {
      await dispose();
    });

    const actor = () => `actor-${randomBytes(4).toString('hex')}`;

    it('when the store is reachable, then ping resolves and kind names the adapter', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      expect(store.kind).toBe(adapter.name);
    });

    it('when an activity is appended, then it reads back exactly, with defaults filled', async () => {
      const a = actor();
      const written = await store.activity.append({
        actorId: a,
        type: 'account.registered',
        data: { note: 'Björk — Homogenic 🎧', n: 3, nested: { ok: true } },
      });
      const [read] = await store.activity.listByActor(a, { limit: 10 });
      expect(read).toEqual(written);
      expect(read).toMatchObject({ visibility: 'public', subject: null, data: { note: 'Björk — Homogenic 🎧', n: 3, nested: { ok: true } } });
      expect(read!.createdAt).toBeInstanceOf(Date);
    });

    it('when listing, then it is newest first and pages with `before` without gaps or repeats', async () => {
      const a = actor();
      const base = Date.now() - 60_000;
      const written = [];
      for (let i = 0; i < 7; i++)
        written.push(
          await store.activity.append({ actorId: a, type: 'rated', createdAt: new Date(base + i * 1000), subject: { kind: 'album', id: String(i) } }),
        );
      const seen: string[] = [];
      let before: string | undefined;
      for (;;) {
        const page = await store.activity.listByActor(a, { limit: 3, before });
        if (!page.length) break;
        seen.push(...page.map((x) => x.id));
        before = page[page.length - 1]!.id;
      }
      expect(seen).toEqual(written.map((w) => w.id).reverse());
    });

    it('when listing several actors, then only theirs come back, merged by time', async () => {
      const [a, b, c] = [actor(), actor(), actor()];
      const t = Date.now() - 10_000;
      await store.activity.append({ actorId: a, type: 'x', createdAt: new Date(t) });
      await store.activity.append({ actorId: c, type: 'x', createdAt: new Date(t + 500) });
      await store.activity.append({ actorId: b, type: 'x', createdAt: new Date(t + 1000) });
      const items = await store.activity.listByActors([a, b], { limit: 10 });
      expect(items.map((i) => i.actorId)).toEqual([b, a]);
      expect(await store.activity.listByActors([], { limit: 10 })).toEqual([]);
    });

    it('when paging several actors, then one busy actor may fill a page and the pages go on below the cursor without gaps or repeats', async () => {
      const [a, b, other] = [actor(), actor(), actor()];
      const t = Date.now() - 60_000;
      const written: Activity[] = [];
      for (let i = 0; i < 7; i++) {
        written.push(await store.activity.append({ actorId: i === 3 ? b : a, type: 'x', createdAt: new Date(t + i * 1000) }));
        await store.activity.append({ actorId: other, type: 'x', createdAt: new Date(t + i * 1000 + 500) });
      }
      const newestFirst = written.map((w) => w.id).reverse();
      const first = await store.activity.listByActors([a, b, a], { limit: 3 });
      expect(first.map((x) => x.id)).toEqual(newestFirst.slice(0, 3));
      const second = await store.activity.listByActors([a, b], { limit: 3, before: first[2]!.id });
      expect(second.map((x) => x.id)).toEqual(newestFirst.slice(3, 6));
      const third = await store.activity.listByActors([a, b], { limit: 3, before: second[2]!.id });
      expect(third.map((x) => x.id)).toEqual(newestFirst.slice(6));
    });

    it('when reading by ids, then the existing ones come back newest first, and unknown, repeated or malformed ids are ignored', async () => {
      const a = actor();
      const t = Date.now() - 30_000;
      const first = await store.activity.append({ actorId: a, type: 'rated', createdAt: new Date(t), data: { title: 'Sigur Rós — ( )' } });
      const second = await store.activity.append({ actorId: a, type: 'listened', createdAt: new Date(t + 1000) });
      const unknown = '01900000-0000-7000-8000-000000000000';
      const read = await store.activity.getByIds([first.id, unknown, second.id, first.id, 'not-an-id', "'; DROP TABLE x; --"]);
      expect(read).toEqual([second, first]);
      expect(await store.activity.getByIds([])).toEqual([]);
      expect(await store.activity.getByIds([unknown])).toEqual([]);
    });

    it('when asked for more ids than one call allows, then the answer stays bounded', async () => {
      const a = actor();
      const written = await store.activity.append({ actorId: a, type: 'x' });
      const many = Array.from({ length: 2000 }, (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`);
      expect(await store.activity.getByIds([...many, written.id])).toEqual([]);
      expect(await store.activity.getByIds([written.id, ...many])).toEqual([written]);
    });

    it('when deleting by actor, then only that actor’s activities go', async () => {
      const [a, b] = [actor(), actor()];
      await store.activity.append({ actorId: a, type: 'x' });
      await store.activity.append({ actorId: a, type: 'y', visibility: 'private' });
      await store.activity.append({ actorId: b, type: 'x' });
      expect(await store.activity.deleteByActor(a)).toBe(2);
      expect(await store.activity.listByActor(a, { limit: 10 })).toEqual([]);
      expect(await store.activity.listByActor(b, { limit: 10 })).toHaveLength(1);
    });

    it('when deleting by actor again, then it removes nothing more, and catches what was appended since', async () => {
      const a = actor();
      await store.activity.append({ actorId: a, type: 'x' });
      expect(await store.activity.deleteByActor(a)).toBe(1);
      expect(await store.activity.deleteByActor(a)).toBe(0);
      await Promise.all(Array.from({ length: 5 }, () => store.activity.append({ actorId: a, type: 'late' })));
      expect(await store.activity.deleteByActor(a)).toBe(5);
      expect(await store.activity.listByActor(a, { limit: 10 })).toEqual([]);
    });

    it('when the input is invalid, then append rejects and stores nothing', async () => {
      const a = actor();
      await expect(store.activity.append({ actorId: a, type: 'Not A Type!' })).rejects.toThrow();
      await expect(store.activity.append({ actorId: '', type: 'x' })).rejects.toThrow();
      await expect(store.activity.append({ actorId: a, type: 'x', visibility: 'everyone' as never })).rejects.toThrow();
      expect(await store.activity.listByActor(a, { limit: 10 })).toEqual([]);
    });

    it('when the cursor is garbage or the limit silly, then the answer is still bounded and sane', async () => {
      const a = actor();
      await store.activity.append({ actorId: a, type: 'x' });
      expect(await store.activity.listByActor(a, { limit: 10, before: "'; DROP TABLE x; --" })).toHaveLength(1);
      expect(await store.activity.listByActor(a, { limit: 0 })).toHaveLength(1);
      expect(await store.activity.listByActor(a, { limit: 1e9 })).toHaveLength(1);
    });

    it('when many appends race, then each is stored once', async () => {
      const a = actor();
      await Promise.all(Array.from({ length: 25 }, (_, i) => store.activity.append({ actorId: a, type: 'x', data: { i } })));
      const items = await store.activity.listByActor(a, { limit: 100 });
      expect(items).toHaveLength(25);
      expect(new Set(items.map((i) => i.data.i)).size).toBe(25);
    });

    describe('playlists: documents', () => playlistDocumentsContract(() => playlistStores));
    describe('playlists: lists', () => playlistListsContract(() => playlistStores));
    describe('playlists: entries and collaborators', () => playlistEntriesContract(() => playlistStores));
    describe('conversion reports', () => conversionReportsContract(() => store.conversionReports));
  });
}
