/**
 * The recommendation model: pure code over typed arrays (no database, no Redis). The product
 * maps its ids to indices, builds the users × items ratings matrix, and calls these.
 */
export { CONFIDENCE_SCHEMES, type ConfidenceScheme, listenConfidence, type RatingScale, ratingConfidence } from './confidence';
export { selectByValidation, type ModelSelection } from './model-selection';
export { buildItemFeatures, type ContentWeights, DEFAULT_CONTENT_WEIGHTS, type ItemAttributes } from './content-similarity';
export { DEFAULT_DIVERSITY_OPTIONS, diversify, type DiversityOptions } from './diversity';
export type { Interactions, Recommendation, RecommendationModel, RecommendOptions, SimilarItem, UserProfile } from './recommendation-model';
export { buildCsr, CooBuilder, type CooEntries, type CsrMatrix } from './sparse-matrix';
export { DEFAULT_CONTENT_NEIGHBOUR_OPTIONS, trainContentNeighbours, type ContentNeighbourOptions } from './content-neighbours';
export { DEFAULT_ITEM_NEIGHBOUR_OPTIONS, trainItemNeighbours } from './item-neighbours';
export { itemNeighbourScorer } from './item-neighbour-scorer';
export {
  assembleModel,
  DEFAULT_CONFIDENCE,
  DEFAULT_TRAIN_OPTIONS,
  interactionsFromRatings,
  MODEL_METHODS,
  type ModelMethod,
  train,
  type TrainOptions,
} from './train';
