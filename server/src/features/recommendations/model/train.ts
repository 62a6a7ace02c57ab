import { type ConfidenceScheme, listenConfidence, type RatingScale, ratingConfidence } from './confidence';
import { blendedScorer } from './blended-scorer';
import { type ContentNeighbourOptions, DEFAULT_CONTENT_NEIGHBOUR_OPTIONS, trainContentNeighbours } from './content-neighbours';
import { DEFAULT_EASE_OPTIONS, easeScorer, type EaseOptions, trainEase } from './ease';
import { alsScorer, type AlsOptions, DEFAULT_ALS_OPTIONS, trainImplicitAls } from './implicit-als';
import { itemNeighbourScorer } from './item-neighbour-scorer';
import { DEFAULT_ITEM_NEIGHBOUR_OPTIONS, type ItemNeighbourOptions, type ItemNeighbours, trainItemNeighbours } from './item-neighbours';
import { itemPopularity, popularityScorer } from './popularity';
import type { Interactions, ProfileScorer, RecommendationModel } from './recommendation-model';
import { type BlendOptions, createRecommender } from './recommender';
import { buildCsr, CooBuilder, type CsrMatrix } from './sparse-matrix';

export type ModelMethod = 'item-knn' | 'als' | 'knn+als' | 'ease' | 'popularity';
export const MODEL_METHODS: readonly ModelMethod[] = ['item-knn', 'als', 'knn+als', 'ease', 'popularity'];

export interface TrainOptions {
  method: ModelMethod;
  itemNeighbours: ItemNeighbourOptions;
  als: AlsOptions;
  ease: EaseOptions;
  /** Share of ALS in the knn+als blend (the rest is item neighbours). */
  alsShare: number;
  blend: Partial<BlendOptions>;
  /** Items × features (buildItemFeatures), same item indices as the interactions. */
  itemFeatures?: CsrMatrix;
  /** How the content neighbours are drawn from `itemFeatures`. */
  contentNeighbours: ContentNeighbourOptions;
  /** Seeds every random choice of training. */
  seed: number;
}

/** The defaults the offline evaluation chose (see the README's "how the model was chosen"). */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  method: 'item-knn',
  itemNeighbours: DEFAULT_ITEM_NEIGHBOUR_OPTIONS,
  als: DEFAULT_ALS_OPTIONS,
  ease: DEFAULT_EASE_OPTIONS,
  alsShare: 0.5,
  blend: {},
  contentNeighbours: DEFAULT_CONTENT_NEIGHBOUR_OPTIONS,
  seed: 1,
};

/** The confidence scheme the offline evaluation chose. */
export const DEFAULT_CONFIDENCE: ConfidenceScheme = 'signed';

/**
 * Users × items confidence from raw ratings (users × items, rating values) and optional diary
 * listens (users × items, listen counts): a listen adds to a rating's weight or stands alone.
 * Every rated or listened item stays in its user's row, so it is never recommended back to them.
 */
export function interactionsFromRatings(
  ratings: CsrMatrix,
  scale: RatingScale,
  scheme: ConfidenceScheme = DEFAULT_CONFIDENCE,
  listens?: CsrMatrix,
): Interactions {
  const coo = new CooBuilder();
  for (let u = 0; u < ratings.rows; u += 1) {
    for (let p = ratings.indptr[u]!; p < ratings.indptr[u + 1]!; p += 1) {
      // A weight of 0 stays in the matrix: the item is rated (never recommended) but neutral.
      coo.push(u, ratings.indices[p]!, ratingConfidence(ratings.values[p]!, scale, scheme));
    }
  }
  const rated = buildCsr(ratings.rows, ratings.cols, coo);
  if (!listens) return { userItems: rated };
  const merged = new CooBuilder();
  for (let u = 0; u < rated.rows; u += 1) {
    const weights = new Map<number, number>();
    for (let p = rated.indptr[u]!; p < rated.indptr[u + 1]!; p += 1) weights.set(rated.indices[p]!, rated.values[p]!);
    if (u < listens.rows)
      for (let p = listens.indptr[u]!; p < listens.indptr[u + 1]!; p += 1) {
        const item = listens.indices[p]!;
        weights.set(item, (weights.get(item) ?? 0) + listenConfidence(listens.values[p]!));
      }
    for (const [item, w] of weights) merged.push(u, item, w);
  }
  return { userItems: buildCsr(rated.rows, rated.cols, merged) };
}

/** Trains the chosen method on the interactions and wraps it as a recommendation model. */
export function train(interactions: Interactions, options: Partial<TrainOptions> = {}): RecommendationModel {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  return assembleModel(interactions, trainCollaborative(interactions, o), o);
}

/** The costly part of training: the collaborative method alone (reusable with other blends). */
export function trainCollaborative(interactions: Interactions, options: Partial<TrainOptions> = {}): ProfileScorer {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const { userItems } = interactions;
  let collaborative: ProfileScorer;
  switch (o.method) {
    case 'item-knn':
      collaborative = itemNeighbourScorer(trainItemNeighbours(userItems, { ...DEFAULT_ITEM_NEIGHBOUR_OPTIONS, ...o.itemNeighbours }));
      break;
    case 'als': {
      const als = { ...DEFAULT_ALS_OPTIONS, ...o.als };
      collaborative = alsScorer(trainImplicitAls(userItems, als, o.seed), userItems.cols, als);
      break;
    }
    case 'knn+als': {
      const als = { ...DEFAULT_ALS_OPTIONS, ...o.als };
      collaborative = blendedScorer([
        { scorer: itemNeighbourScorer(trainItemNeighbours(userItems, { ...DEFAULT_ITEM_NEIGHBOUR_OPTIONS, ...o.itemNeighbours })), weight: 1 - o.alsShare },
        { scorer: alsScorer(trainImplicitAls(userItems, als, o.seed), userItems.cols, als), weight: o.alsShare },
      ]);
      break;
    }
    case 'ease':
      collaborative = easeScorer(trainEase(userItems, { ...DEFAULT_EASE_OPTIONS, ...o.ease }), userItems.cols);
      break;
    case 'popularity':
      collaborative = popularityScorer(itemPopularity(userItems));
      break;
  }
  return collaborative;
}

/** The content part's neighbours from the options' item features (none without features). */
export function trainContent(options: Partial<TrainOptions> = {}): ItemNeighbours | undefined {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  return o.itemFeatures ? trainContentNeighbours(o.itemFeatures, { ...DEFAULT_CONTENT_NEIGHBOUR_OPTIONS, ...o.contentNeighbours }) : undefined;
}

/**
 * Wraps a trained collaborative scorer with the content part and the blend of the options. The
 * content part scores through the same neighbour scorer as item neighbours: from `content` when
 * given (trained already), else from the options' item features.
 */
export function assembleModel(
  interactions: Interactions,
  collaborative: ProfileScorer,
  options: Partial<TrainOptions> = {},
  content: ItemNeighbours | undefined = trainContent(options),
): RecommendationModel {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  return createRecommender({
    userItems: interactions.userItems,
    collaborative,
    content: content ? itemNeighbourScorer(content) : undefined,
    blend: o.blend,
  });
}
