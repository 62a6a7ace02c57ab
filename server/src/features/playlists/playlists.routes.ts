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
    summary: 'Your playlists and lists: your own (default), collaborating on, invited to, shared with you or liked.',
    auth: 'signed-in',
    query: PlaylistListQuerySchema,
    response: PlaylistPageSchema,
    handle: ({ query, user }) => playlistLists.mine(String(user.id), query),
  });

  routes.post('/playlists', {
    summary: 'Create an empty playlist or album list (public unless said); it may be shared only with your followers.',
    auth: 'signed-in',
    limit,
    body: PlaylistCreateSchema,
    status: 201,
    response: PlaylistViewSchema,
    handle: ({ body, user }) => playlists.create(String(user.id), body),
  });

  // Before /playlists/:id, whose id pattern would also match "discover".
  routes.get('/playlists/discover', {
    summary: 'Public playlists, newest or most liked this week, or (signed in) the latest from people you follow.',
    query: PlaylistDiscoverQuerySchema,
    // The `following` section needs someone signed in.
    problems: [401],
    response: PlaylistPageSchema,
    handle: ({ query, viewerId }) => playlistLists.discover(viewerId, query),
  });

  routes.get('/users/:handle/playlists', {
    summary: "A profile's playlists the viewer may see; private and link-only ones only for their owner.",
    params: HandleParamsSchema,
    query: UserPlaylistListQuerySchema,
    response: PlaylistPageSchema,
    handle: ({ params, query, viewerId }) => playlistLists.ofUser(params.handle, viewerId, query),
  });

  routes.get('/playlists/:id', {
    summary: 'A playlist and its first entries; 404 when the viewer may not see it (link-only ones need ?token=).',
    params: PlaylistParamsSchema,
    query: PlaylistReadQuerySchema,
    response: PlaylistViewSchema,
    handle: ({ params, query, viewerId }) => playlists.get(params.id, viewerId, query.token),
  });

  routes.get('/playlists/:id/entries', {
    summary: "A page of a playlist's entries from offset, at its current version; 404 when the viewer may not see it.",
    params: PlaylistParamsSchema,
    query: PlaylistEntriesQuerySchema,
    response: PlaylistEntriesPageSchema,
    handle: ({ params, query, viewerId }) => playlists.entriesPage(params.id, viewerId, query.token, query.offset, query.limit),
  });

  routes.patch('/playlists/:id', {
    summary: 'The owner edits title, description, ranking, visibility or sharing; a stale version gets 409.',
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    body: PlaylistUpdateSchema,
    response: PlaylistViewSchema,
    handle: ({ params, body, user }) => playlists.update(String(user.id), params.id, body),
  });

  routes.delete('/playlists/:id', {
    summary: 'The owner deletes the playlist.',
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    status: 204,
    handle: ({ params, user }) => playlists.delete(String(user.id), params.id),
  });

  routes.post('/playlists/:id/entries', {
    summary: 'Owner or collaborators add tracks (albums to a list) at the end or a position; no version needed.',
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    body: EntriesAddSchema,
    status: 201,
    response: PlaylistEntriesWriteSchema,
    handle: ({ params, body, user }) => playlists.addEntries(String(user.id), params.id, body),
  });

  routes.patch('/playlists/:id/entries/:entryId', {
    summary: "Owner or collaborators set or clear an entry's note; a stale version gets 409 with the current playlist.",
    auth: 'signed-in',
    limit,
    params: PlaylistEntryParamsSchema,
    body: EntryUpdateSchema,
    response: PlaylistEntriesWriteSchema,
    handle: ({ params, body, user }) => playlists.updateEntry(String(user.id), params.id, params.entryId, body),
  });

  routes.delete('/playlists/:id/entries/:entryId', {
    summary: "Owner or collaborators remove an entry; answers the playlist's new version and size.",
    auth: 'signed-in',
    limit,
    params: PlaylistEntryParamsSchema,
    response: PlaylistEntriesWriteSchema,
    handle: ({ params, user }) => playlists.removeEntry(String(user.id), params.id, params.entryId),
  });

  routes.post('/playlists/:id/entries/:entryId/move', {
    summary: 'Owner or collaborators move an entry to a 0-based position; a stale version gets 409.',
    auth: 'signed-in',
    limit,
    params: PlaylistEntryParamsSchema,
    body: EntryMoveSchema,
    response: PlaylistEntriesWriteSchema,
    handle: ({ params, body, user }) => playlists.moveEntry(String(user.id), params.id, params.entryId, body),
  });

  routes.put('/playlists/:id/like', {
    summary: 'Like a playlist you can see, not your own; liking it again changes nothing.',
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    query: PlaylistReadQuerySchema,
    response: PlaylistLikeSchema,
    handle: ({ params, query, user }) => playlistSocial.like(String(user.id), params.id, query.token),
  });

  routes.delete('/playlists/:id/like', {
    summary: 'Withdraw your like (harmless when there was none).',
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    query: PlaylistReadQuerySchema,
    response: PlaylistLikeSchema,
    handle: ({ params, query, user }) => playlistSocial.unlike(String(user.id), params.id, query.token),
  });

  routes.post('/playlists/:id/clone', {
    summary: 'Copy a playlist you can see into a new private one of yours, crediting it; its owner is told.',
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    body: PlaylistCloneSchema,
    status: 201,
    response: PlaylistViewSchema,
    handle: ({ params, body, user }) => playlistSocial.clone(String(user.id), params.id, body),
  });

  routes.post('/playlists/:id/link', {
    summary: 'The owner gets a new link token; links holding the old one stop working.',
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    body: PlaylistLinkRenewSchema,
    response: PlaylistLinkSchema,
    handle: ({ params, user }) => playlists.regenerateLink(String(user.id), params.id),
  });

  routes.post('/playlists/:id/collaborators', {
    summary: 'The owner invites someone they follow to collaborate (notified once); they join on accepting.',
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    body: CollaboratorInviteSchema,
    response: PlaylistViewSchema,
    handle: ({ params, body, user }) => playlistSocial.invite(String(user.id), params.id, body.userId),
  });

  routes.post('/playlists/:id/collaborators/accept', {
    summary: 'Accept an invitation to collaborate (accepting again changes nothing).',
    auth: 'signed-in',
    limit,
    params: PlaylistParamsSchema,
    response: PlaylistViewSchema,
    handle: ({ params, user }) => playlistSocial.accept(String(user.id), params.id),
  });

  routes.delete('/playlists/:id/collaborators/:userId', {
    summary: 'The owner removes a collaborator or invitation, or you leave or decline your own.',
    auth: 'signed-in',
    limit,
    params: CollaboratorParamsSchema,
    status: 204,
    handle: ({ params, user }) => playlistSocial.remove(String(user.id), params.id, params.userId),
  });

  return router;
}
