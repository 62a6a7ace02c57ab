import type { Knex } from 'knex';
import type { DocumentStore } from './document-store.port';
import { createMongoDocumentStore } from './mongo/mongo-document-store.repo';
import { createPostgresDocumentStore } from './postgres/postgres-document-store.repo';

/** Picks the adapter DESIGN.md asks for: mongo when MONGO_URL is set, else postgres JSONB tables. */
export async function createDocumentStore(opts: { mongoUrl?: string; knex: Knex }): Promise<DocumentStore> {
  if (opts.mongoUrl) return createMongoDocumentStore(opts.mongoUrl);
  return createPostgresDocumentStore(opts.knex);
}
