import { buildCsr, buildItemFeatures, CooBuilder, type ItemAttributes, interactionsFromRatings, type RecommendationModel, train } from './model';
import type { ItemAttributeRow, RecItemKind, RecommendationsRepo, TrainingRow } from './recommendations.repo';

/** Ratings are stored 1..10 (half stars). */
export const RATING_SCALE = { min: 1, max: 10 };

/** A trained model with the id ↔ index maps the product needs around it. */
export interface TrainedKind {
  kind: RecItemKind;
  model: RecommendationModel;
  userIndex: Map<string, number>;
  userIds: string[];
  itemIndex: Map<string, number>;
  itemIds: string[];
  /** First artist of each item (diversity, mutes), by item index. */
  artistOf: (string | undefined)[];
}

class IdIndex {
  readonly index = new Map<string, number>();
  readonly ids: string[] = [];
  of(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.index.set(id, i);
      this.ids.push(id);
    }
    return i;
  }
}

function attributesOf(row: ItemAttributeRow): ItemAttributes {
  return {
    artist: row.artist_id ?? undefined,
    genres: row.genres ?? [],
    styles: row.styles ?? [],
    label: row.label ?? undefined,
    year: row.release_year ?? undefined,
  };
}

/**
 * Reads one kind's training data from Postgres batch by batch (dismissals first, as the lowest
 * rating, so a later real rating replaces them; listens for albums) and trains the model chosen
 * by the offline evaluation, with the content fallback over item attributes.
 */
export async function trainKind(repo: RecommendationsRepo, kind: RecItemKind): Promise<TrainedKind> {
  const users = new IdIndex();
  const items = new IdIndex();
  const attributes: (ItemAttributes | undefined)[] = [];
  const artistOf: (string | undefined)[] = [];
  if (kind === 'album') {
    // Every album is a column, so albums nobody rated yet can be found by their attributes.
    for await (const batch of repo.albumAttributes()) {
      for (const row of batch) {
        const i = items.of(row.id);
        attributes[i] = attributesOf(row);
        artistOf[i] = row.artist_id ?? undefined;
      }
    }
  }
  const ratings = new CooBuilder();
  const push = (coo: CooBuilder, rows: TrainingRow[]) => {
    for (const r of rows) coo.push(users.of(r.user_id), items.of(r.item_id), r.value);
  };
  for await (const batch of repo.dismissals(kind)) push(ratings, batch);
  for await (const batch of repo.ratings(kind)) push(ratings, batch);
  const listens = new CooBuilder();
  if (kind === 'album') for await (const batch of repo.listens()) push(listens, batch);
  if (kind === 'track') {
    for (const row of await repo.trackAttributes(items.ids)) {
      const i = items.index.get(row.id)!;
      attributes[i] = attributesOf(row);
      artistOf[i] = row.artist_id ?? undefined;
    }
  }
  const rows = users.ids.length;
  const cols = items.ids.length;
  const interactions = interactionsFromRatings(
    buildCsr(rows, cols, ratings),
    RATING_SCALE,
    undefined,
    kind === 'album' ? buildCsr(rows, cols, listens) : undefined,
  );
  for (let i = attributes.length; i < cols; i += 1) attributes.push(undefined);
  const model = train(interactions, { itemFeatures: buildItemFeatures(attributes) });
  return { kind, model, userIndex: users.index, userIds: users.ids, itemIndex: items.index, itemIds: items.ids, artistOf };
}

/** A profile for a user the model has not seen as they are now (ratings since the rebuild). */
export function profileFor(trained: TrainedKind, profile: { ratings: TrainingRow[]; listens: TrainingRow[]; dismissed: TrainingRow[] }) {
  const rows = [...profile.dismissed, ...profile.ratings];
  const coo = new CooBuilder();
  for (const r of rows) {
    const i = trained.itemIndex.get(r.item_id);
    if (i !== undefined) coo.push(0, i, r.value);
  }
  const listens = new CooBuilder();
  for (const r of profile.listens) {
    const i = trained.itemIndex.get(r.item_id);
    if (i !== undefined) listens.push(0, i, r.value);
  }
  const cols = trained.itemIds.length;
  const { userItems } = interactionsFromRatings(buildCsr(1, cols, coo), RATING_SCALE, undefined, buildCsr(1, cols, listens));
  return { items: userItems.indices.subarray(0, userItems.indptr[1]), weights: userItems.values.subarray(0, userItems.indptr[1]) };
}
