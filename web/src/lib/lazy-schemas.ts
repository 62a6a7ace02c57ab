// The shared schemas that modules of the album, playlist and profile pages use, loaded on first
// use through `loadSchemas` (shared-schemas.ts). Imported from nowhere else: a static import of
// this module would bring zod back into those pages' first download.
export {
  ConnectionListSchema,
  ConversionCreateSchema,
  EntryNoteSchema,
  NotificationPageSchema,
  PreviewStatusesSchema,
  ReportCreateSchema,
  SessionResponseSchema,
  SpotifyPendingSchema,
  UnreadCountSchema,
} from '@muse/shared';
