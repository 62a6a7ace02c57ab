import type { PlaylistDocument, PlaylistRepository } from '../../docstore/playlist-store.port';
import { toCsv, toJspf, type FileOwner } from './playlist-file-writers';

/** A file to download. */
export interface PlaylistFile {
  filename: string;
  contentType: string;
  body: string;
}

export type PlaylistExportFormat = 'jspf' | 'csv';

export interface PlaylistExportDeps {
  /** The playlists service's access check: the document, or a 404 when the viewer may not see it. */
  playlists: { getForViewer(id: string, viewerId: string | null, token?: string): Promise<PlaylistDocument> };
  /** The document store's playlists, for the owner's own account export. */
  store: Pick<PlaylistRepository, 'list' | 'get'>;
  /** The owner's handle, which a file names as its creator. */
  owner(userId: string): Promise<FileOwner | null>;
  /** The Muse's public address (PUBLIC_URL), for each playlist's JSPF identifier. */
  baseUrl?: string;
}

const CONTENT_TYPES: Record<PlaylistExportFormat, string> = {
  jspf: 'application/jspf+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

const LIST_PAGE = 200;

/** A download name from a title: characters file systems refuse become "_", at most 100 characters. */
function downloadName(title: string): string {
  const name = title
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100);
  return name || 'playlist';
}

/** An ASCII name for a file inside the account zip, made unique by the playlist's id. */
function archiveName(doc: PlaylistDocument): string {
  const slug = doc.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'playlist'}-${doc.id}`;
}

/**
 * Playlist files out: one playlist as JSPF or CSV for anyone who may see it (the playlists
 * service decides, link tokens included), and every playlist a user owns for their account
 * export.
 */
export class PlaylistExportService {
  constructor(private readonly deps: PlaylistExportDeps) {}

  private write(doc: PlaylistDocument, owner: FileOwner, format: PlaylistExportFormat): string {
    return format === 'jspf' ? `${JSON.stringify(toJspf(doc, owner, { baseUrl: this.deps.baseUrl }), null, 2)}\n` : toCsv(doc);
  }

  /** The playlist as a file; 404 (as for a missing one) when the viewer may not see it. */
  async exportFile(id: string, viewerId: string | null, token: string | undefined, format: PlaylistExportFormat): Promise<PlaylistFile> {
    const doc = await this.deps.playlists.getForViewer(id, viewerId, token);
    const owner = (await this.deps.owner(doc.ownerId)) ?? { handle: 'unknown' };
    return { filename: `${downloadName(doc.title)}.${format}`, contentType: CONTENT_TYPES[format], body: this.write(doc, owner, format) };
  }

  /**
   * Every playlist and list the user owns, each as `playlists/<title>-<id>.jspf` and `.csv`,
   * for the account's zip export. Read from the document store a page at a time, each
   * document in full.
   */
  async accountFiles(userId: string, owner: FileOwner): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      const page = await this.deps.store.list({ ownerIds: [userId] }, { sort: 'created', limit: LIST_PAGE, after });
      for (const listed of page) {
        const doc = await this.deps.store.get(listed.id);
        if (!doc) continue;
        const name = `playlists/${archiveName(doc)}`;
        files[`${name}.jspf`] = this.write(doc, owner, 'jspf');
        files[`${name}.csv`] = this.write(doc, owner, 'csv');
      }
      if (page.length < LIST_PAGE) return files;
      const last = page[page.length - 1]!;
      after = { at: last.createdAt, id: last.id };
    }
  }
}
