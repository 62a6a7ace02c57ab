import { PlaylistDescriptionSchema, PlaylistKindSchema, PlaylistTitleSchema, PlaylistVisibilitySchema } from '@muse/shared';
import { z } from 'zod';

/** The create form, field by field with the API's own schemas; the checkbox's state travels as "true" / "false". */
export const PlaylistCreateFormSchema = z.object({
  title: PlaylistTitleSchema,
  description: PlaylistDescriptionSchema,
  kind: PlaylistKindSchema,
  visibility: PlaylistVisibilitySchema,
  ranked: z.enum(['true', 'false']),
});

/** The edit form: what the owner changes besides who may see it (the share dialog's business). */
export const PlaylistEditFormSchema = z.object({
  title: PlaylistTitleSchema,
  description: PlaylistDescriptionSchema,
  ranked: z.enum(['true', 'false']),
});
