import {
  assembleModel,
  buildCsr,
  buildItemFeatures,
  CooBuilder,
  type CooEntries,
  type CsrMatrix,
  DEFAULT_CONTENT_NEIGHBOUR_OPTIONS,
  DEFAULT_ITEM_NEIGHBOUR_OPTIONS,
  type ItemAttributes,
  interactionsFromRatings,
  itemNeighbourScorer,
  type RecommendationModel,
  trainContentNeighbours,
  trainItemNeighbours,
} from './model';
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
 * One kind's training data as read from Postgres: coordinate entries (user index, item index,
 * value) and item attributes, all indices into `userIds` / `itemIds`. Plain data and typed
 * arrays, so it can cross to a training thread.
 */
export interface TrainingInput {
  kind: RecItemKind;
  userIds: string[];
  itemIds: string[];
  ratings: CooEntries;
  listens: CooEntries | null;
  attributes: (ItemAttributes | undefined)[];
  artistOf: (string | undefined)[];
}

/**
 * What training computes: the matrices the model is assembled from (typed arrays only): the
 * confidence matrix, the collaborative neighbours and the content neighbours (by attributes).
 */
export interface TrainedArrays {
  userItems: CsrMatrix;
  similarities: CsrMatrix;
  contentSimilarities: CsrMatrix;
}

/** Trains the arrays of one kind; the default runs on a thread of its own (training-thread.ts). */
export type ArrayTrainer = (input: TrainingInput) => Promise<TrainedArrays>;

/**
 * Reads one kind's training data from Postgres batch by batch (dismissals first, as the lowest
 * rating, so a later real rating replaces them; listens for albums).
 */
export async function readTrainingInput(repo: RecommendationsRepo, kind: RecItemKind): Promise<TrainingInput> {
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
  for (let i = attributes.length; i < items.ids.length; i += 1) attributes.push(undefined);
  for (let i = artistOf.length; i < items.ids.length; i += 1) artistOf.push(undefined);
  return { kind, userIds: users.ids, itemIds: items.ids, ratings, listens: kind === 'album' ? listens : null, attributes, artistOf };
}

/**
 * The costly, synchronous part of training (seconds at scale): the users × items matrix, its
 * confidence weights, the item neighbours of the method the offline evaluation chose for the
 * product (item neighbours, `signed`) and each item's content neighbours (its top items by
 * attributes, so scoring a user's content part costs their items × neighbours, not a walk of every
 * item sharing a genre with them). Pure: runs on any thread.
 */
export function trainArrays(input: TrainingInput): TrainedArrays {
  const rows = input.userIds.length;
  const cols = input.itemIds.length;
  const { userItems } = interactionsFromRatings(
    buildCsr(rows, cols, input.ratings),
    RATING_SCALE,
    undefined,
    input.listens ? buildCsr(rows, cols, input.listens) : undefined,
  );
  const { similarities } = trainItemNeighbours(userItems, DEFAULT_ITEM_NEIGHBOUR_OPTIONS);
  const content = trainContentNeighbours(buildItemFeatures(input.attributes), DEFAULT_CONTENT_NEIGHBOUR_OPTIONS);
  return { userItems, similarities, contentSimilarities: content.similarities };
}

/** The model of one kind from its trained arrays, with the id ↔ index maps around it (cheap). */
export function assembleTrained(input: TrainingInput, arrays: TrainedArrays): TrainedKind {
  const model = assembleModel(
    { userItems: arrays.userItems },
    itemNeighbourScorer({ similarities: arrays.similarities }),
    {},
    { similarities: arrays.contentSimilarities },
  );
  const userIndex = new Map(input.userIds.map((id, i) => [id, i]));
  const itemIndex = new Map(input.itemIds.map((id, i) => [id, i]));
  return { kind: input.kind, model, userIndex, userIds: input.userIds, itemIndex, itemIds: input.itemIds, artistOf: input.artistOf };
}

/** Reads one kind's data, trains it with `trainer` (a thread by default) and assembles the model. */
export async function trainKind(repo: RecommendationsRepo, kind: RecItemKind, trainer: ArrayTrainer): Promise<TrainedKind> {
  const input = await readTrainingInput(repo, kind);
  return assembleTrained(input, await trainer(input));
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
