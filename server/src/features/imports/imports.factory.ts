import type { Knex } from 'knex';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { JobQueues } from '../../jobs/queues';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import { CatalogRepo } from '../catalog/catalog.repo';
import { DiaryRepo } from '../diary/diary.repo';
import { ListenLog } from '../diary/listen-log';
import type { NotificationsService } from '../notifications/notifications.service';
import type { RatingsService } from '../ratings/ratings.service';
import { ReviewsRepo } from '../reviews/reviews.repo';
import { ImportApplying } from './import-applying.service';
import { ImportParsing } from './import-parsing.service';
import { ImportsRepo } from './imports.repo';
import { ImportsService } from './imports.service';

export interface ImportsServiceInput {
  knex: Knex;
  docs: DocumentStore;
  queues: JobQueues;
  events: DomainEventPublisher;
  notifications: NotificationsService;
  ratings: RatingsService;
}

/** Wires CSV imports; rows are written through the same ListenLog the diary uses. */
export function createImportsService(input: ImportsServiceInput): ImportsService {
  const { knex, docs, queues, events, notifications, ratings } = input;
  const repo = new ImportsRepo(knex);
  const announce = (userId: string, importId: string) => events.publish({ type: 'import.progress', userId, importId });
  const listens = new ListenLog({ ratings, reviews: new ReviewsRepo(knex), diary: new DiaryRepo(knex), docs });
  return new ImportsService({
    repo,
    catalog: new CatalogRepo(knex),
    queues,
    parsing: new ImportParsing({ repo, announce }),
    applying: new ImportApplying({ knex, repo, listens, notifications, announce }),
    announce,
  });
}
