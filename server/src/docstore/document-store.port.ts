import type { ConversionReportRepository } from './conversion-report-store.port';
import type { PlaylistRepository } from './playlist-store.port';

/** Who may see an activity: everyone, the actor's followers, or only the actor. */
export type Visibility = 'public' | 'followers' | 'private';

export interface ActivitySubject {
  kind: string;
  id: string;
}

export interface ActivityInput {
  actorId: string;
  type: string;
  visibility?: Visibility;
  subject?: ActivitySubject | null;
  data?: Record<string, unknown>;
  createdAt?: Date;
}

/** One raw event of the activity log (the feed's source). */
export interface Activity {
  id: string;
  actorId: string;
  type: string;
  visibility: Visibility;
  subject: ActivitySubject | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface ActivityPageOptions {
  /** Return only activities older than this id (ids sort by time). */
  before?: string;
  limit: number;
}

/** The activity log, newest first everywhere. */
export interface ActivityRepository {
  append(input: ActivityInput): Promise<Activity>;
  listByActor(actorId: string, options: ActivityPageOptions): Promise<Activity[]>;
  listByActors(actorIds: string[], options: ActivityPageOptions): Promise<Activity[]>;
  /** The activities with these ids that exist, newest first; malformed ids are ignored. At most 500 ids. */
  getByIds(ids: string[]): Promise<Activity[]>;
  deleteByActor(actorId: string): Promise<number>;
}

/** The document store: one interface, a mongo and a postgres adapter. */
export interface DocumentStore {
  readonly kind: 'mongo' | 'postgres';
  readonly activity: ActivityRepository;
  /** Playlists and album lists, the store's second document type. */
  readonly playlists: PlaylistRepository;
  /** Playlist conversion reports (per-track match results), in chunks of rows. */
  readonly conversionReports: ConversionReportRepository;
  /** Resolves when the store answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
