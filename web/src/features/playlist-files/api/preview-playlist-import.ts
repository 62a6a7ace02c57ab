import type { PlaylistImportPreview, PlaylistKind } from '@muse/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';

export interface PreviewInput {
  file: File;
  kind: PlaylistKind;
}

/** Sends the file as it is; the server reads JSPF, XSPF, M3U/M3U8 or CSV and matches every row. Nothing is stored yet. */
export function previewPlaylistImport({ file, kind }: PreviewInput): Promise<PlaylistImportPreview> {
  return api.upload<PlaylistImportPreview>(`/api/playlist-imports/preview${toQueryString({ filename: file.name, kind })}`, file);
}

export function usePreviewPlaylistImport() {
  return useMutation({ mutationFn: previewPlaylistImport });
}
