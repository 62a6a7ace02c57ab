import { Router } from 'express';
import {
  CollaboratorInviteSchema,
  EntriesAddSchema,
  EntryMoveSchema,
  EntryUpdateSchema,
  HandleParamsSchema,
  IdSchema,
  PlaylistCloneSchema,
  PlaylistCreateSchema,
  PlaylistDiscoverQuerySchema,
  PlaylistEntryParamsSchema,
  PlaylistLinkRenewSchema,
  PlaylistListQuerySchema,
  PlaylistParamsSchema,
  PlaylistReadQuerySchema,
  PlaylistEntriesQuerySchema,
  PlaylistEntriesPageSchema,
  PlaylistEntriesWriteSchema,
  PlaylistLikeSchema,
  PlaylistLinkSchema,
  PlaylistPageSchema,
  PlaylistViewSchema,
  PlaylistUpdateSchema,
  UserPlaylistListQuerySchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

const CollaboratorParamsSchema = PlaylistParamsSchema.extend({ userId: IdSchema });

/** Playlists and album lists: documents, their entries, likes, clones, links and collaborators. */
export function createPlaylistsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { playlists, playlistLists, playlistSocial } = c.services;
  const limit = writeRateLimit(c);

  routes.get('/playlists', {
    auth: 'signed-in',
    query: PlaylistListQuerySchema,
    response: PlaylistPageSchema,
    handle: ({ query, user }) => playlistLists.mine(String(user.id), query),
  });

  routes.post('/playlists', {
    auth: 'signed-in',
    limit,
    body: PlaylistCreateSchema,
    status: 201,
    response: PlaylistViewSchema,
    handle: ({ body, user }) => playlists.create(String(user.id), body),
  });

  // Before /playlists/:id, whose id pattern would also match "discover".
  routes.get('/playlists/discover', {
    query: PlaylistDiscoverQuerySchema,
    // The `following` section needs someone signed in.
    problems: [401],
    response: PlaylistPageSchema,
    handle: ({ query, viewerId }) => playlistLists.discover(viewerId, query),
  });

  routes.get('/users/:handle/playlists', {
    params: HandleParamsSchema,
    query: UserPlaylistListQuerySchema,
    response: PlaylistPageSchema,
    handle: ({ params, query, viewerId }) => playlistLists.ofUser(params.handle, viewerId, query),
  });

  routes.get('/playlists/:id', {
    params: PlaylistParamsSchema,
    query: PlaylistReadQuerySchema,
    response: PlaylistViewSchema,
    handle: ({ params, query, viewerId }) => playlists.get(params.id, viewerId, query.token),
  });

  routes.get('/playlists/:id/entries', {
    params: PlaylistParamsSchema,
    query: PlaylistEntriesQuerySchema,
    response: PlaylistEntriesPageSchema,
    handle: ({ params, query, viewerId }) => playlists.entriesPage(params.id, viewerId, query.token, query.offset, query.limit),
  });

  routes.patch('/playlists/:id', {
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    body: PlaylistUpdateSchema,
    response: PlaylistViewSchema,
    handle: ({ params, body, user }) => playlists.update(String(user.id), params.id, body),
  });

  routes.delete('/playlists/:id', {
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    handle: ({ params, user }) => playlists.delete(String(user.id), params.id),
  });

  routes.post('/playlists/:id/entries', {
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    body: EntriesAddSchema,
    status: 201,
    response: PlaylistEntriesWriteSchema,
    handle: ({ params, body, user }) => playlists.addEntries(String(user.id), params.id, body),
  });

  routes.patch('/playlists/:id/entries/:entryId', {
    auth: 'signed-in',
    limit,
    params: PlaylistEntryParamsSchema,
    body: EntryUpdateSchema,
    response: PlaylistEntriesWriteSchema,
    handle: ({ params, body, user }) => playlists.updateEntry(String(user.id), params.id, params.entryId, body),
  });

  routes.delete('/playlists/:id/entries/:entryId', {
    auth: 'signed-in',
    limit,
    params: PlaylistEntryParamsSchema,
    response: PlaylistEntriesWriteSchema,
    handle: ({ params, user }) => playlists.removeEntry(String(user.id), params.id, params.entryId),
  });

  routes.post('/playlists/:id/entries/:entryId/move', {
    auth: 'signed-in',
    limit,
    params: PlaylistEntryParamsSchema,
    body: EntryMoveSchema,
    response: PlaylistEntriesWriteSchema,
    handle: ({ params, body, user }) => playlists.moveEntry(String(user.id), params.id, params.entryId, body),
  });

  routes.put('/playlists/:id/like', {
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    query: PlaylistReadQuerySchema,
    response: PlaylistLikeSchema,
    handle: ({ params, query, user }) => playlistSocial.like(String(user.id), params.id, query.token),
  });

  routes.delete('/playlists/:id/like', {
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    query: PlaylistReadQuerySchema,
    response: PlaylistLikeSchema,
    handle: ({ params, query, user }) => playlistSocial.unlike(String(user.id), params.id, query.token),
  });

  routes.post('/playlists/:id/clone', {
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    body: PlaylistCloneSchema,
    status: 201,
    response: PlaylistViewSchema,
    handle: ({ params, body, user }) => playlistSocial.clone(String(user.id), params.id, body),
  });

  routes.post('/playlists/:id/link', {
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    body: PlaylistLinkRenewSchema,
    response: PlaylistLinkSchema,
    handle: ({ params, user }) => playlists.regenerateLink(String(user.id), params.id),
  });

  routes.post('/playlists/:id/collaborators', {
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    body: CollaboratorInviteSchema,
    response: PlaylistViewSchema,
    handle: ({ params, body, user }) => playlistSocial.invite(String(user.id), params.id, body.userId),
  });

  routes.post('/playlists/:id/collaborators/accept', {
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    response: PlaylistViewSchema,
    handle: ({ params, user }) => playlistSocial.accept(String(user.id), params.id),
  });

  routes.delete('/playlists/:id/collaborators/:userId', {
    auth: 'signed-in',
    limit,
    params: CollaboratorParamsSchema,
    handle: ({ params, user }) => playlistSocial.remove(String(user.id), params.id, params.userId),
  });

  return router;
}
