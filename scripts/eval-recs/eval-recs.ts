import { parseArgs } from 'node:util';
import { CONFIDENCE_SCHEMES, type ConfidenceScheme } from '../../server/src/features/recommendations/model/confidence';
import { selectByValidation } from '../../server/src/features/recommendations/model/model-selection';
import { evaluateSplit } from '../../server/src/features/recommendations/model/evaluation/evaluate';
import { evaluationSummary, formatFiguresTable } from '../../server/src/features/recommendations/model/evaluation/evaluation-report';
import { resolveScale, splitRatings } from '../../server/src/features/recommendations/model/evaluation/holdout-split';
import { readItemAttributesCsv } from '../../server/src/features/recommendations/model/evaluation/item-attributes-csv';
import { buildItemFeatures } from '../../server/src/features/recommendations/model/content-similarity';
import { RatingsCsvError, readRatingsCsv } from '../../server/src/features/recommendations/model/evaluation/ratings-csv';
import { DEFAULT_TRAIN_OPTIONS, MODEL_METHODS, type ModelMethod, type TrainOptions } from '../../server/src/features/recommendations/model/train';

/**
 * `npm run eval:recs -- --ratings <csv> [--min R --max R] [--seed S]`: the offline evaluation of
 * issue 13. Holds out 20 % of each user's ratings (seeded), trains the model on the rest, ranks
 * every unrated item for each user with a relevant held-out item and prints NDCG@10, Recall@20
 * and coverage for the model and the popularity and random baselines; the last line is JSON.
 */
const USAGE = `npm run eval:recs -- --ratings <csv> [--min R --max R] [--seed S] [--items <csv>]
  --ratings FILE    CSV with the header userId,itemId,rating (other columns ignored)
  --items FILE      item attributes (header itemId,artist,genres,styles,label,year; genres and
                    styles separated by |): the model's content part takes part, as in the product
  --min R, --max R  the rating scale (each inferred from the ratings when absent)
  --seed S          seed of the hold-out split and of the random baseline (default 1)
Experiments (the defaults are the chosen model):
  --method M        ${MODEL_METHODS.join(' | ')} (default ${DEFAULT_TRAIN_OPTIONS.method})
  --confidence C    auto | ${CONFIDENCE_SCHEMES.join(' | ')} (default auto: chosen on a validation
                    split of the training ratings, see model-selection.ts)
  --neighbours K, --shrink S, --user-penalty P, --popularity-penalty B, --popularity-weight W, --popularity-discount D
  --factors F, --alpha A, --regularization L, --iterations N (als), --als-share S (knn+als)
  --lambda L, --ease-items N (ease: regularisation, items kept)
  --content-neighbours K, --max-feature-items N (content neighbours, with --items)`;

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} takes a number (got "${text}")`);
  return value;
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      ratings: { type: 'string' },
      items: { type: 'string' },
      min: { type: 'string' },
      max: { type: 'string' },
      seed: { type: 'string' },
      method: { type: 'string' },
      confidence: { type: 'string' },
      neighbours: { type: 'string' },
      shrink: { type: 'string' },
      'user-penalty': { type: 'string' },
      'popularity-penalty': { type: 'string' },
      'popularity-weight': { type: 'string' },
      'popularity-discount': { type: 'string' },
      factors: { type: 'string' },
      'als-share': { type: 'string' },
      lambda: { type: 'string' },
      'ease-items': { type: 'string' },
      'content-neighbours': { type: 'string' },
      'max-feature-items': { type: 'string' },
      alpha: { type: 'string' },
      regularization: { type: 'string' },
      iterations: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.ratings) throw new UsageError('--ratings <csv> is required');
  const seed = numberOption('seed', values.seed) ?? 1;
  if (!Number.isInteger(seed)) throw new UsageError('--seed takes a whole number');
  const method = (values.method ?? DEFAULT_TRAIN_OPTIONS.method) as ModelMethod;
  if (!MODEL_METHODS.includes(method)) throw new UsageError(`--method is one of ${MODEL_METHODS.join(', ')}`);
  const confidenceOption = values.confidence ?? 'auto';
  if (confidenceOption !== 'auto' && !CONFIDENCE_SCHEMES.includes(confidenceOption as ConfidenceScheme))
    throw new UsageError(`--confidence is auto or one of ${CONFIDENCE_SCHEMES.join(', ')}`);
  const given = { min: numberOption('min', values.min), max: numberOption('max', values.max) };
  const trainOptions: Partial<TrainOptions> = {
    method,
    itemNeighbours: {
      ...DEFAULT_TRAIN_OPTIONS.itemNeighbours,
      ...(values.neighbours !== undefined && { neighbours: numberOption('neighbours', values.neighbours)! }),
      ...(values.shrink !== undefined && { shrink: numberOption('shrink', values.shrink)! }),
      ...(values['user-penalty'] !== undefined && { userPenalty: numberOption('user-penalty', values['user-penalty'])! }),
      ...(values['popularity-penalty'] !== undefined && { popularityPenalty: numberOption('popularity-penalty', values['popularity-penalty'])! }),
    },
    als: {
      ...DEFAULT_TRAIN_OPTIONS.als,
      ...(values.factors !== undefined && { factors: numberOption('factors', values.factors)! }),
      ...(values.alpha !== undefined && { alpha: numberOption('alpha', values.alpha)! }),
      ...(values.regularization !== undefined && { regularization: numberOption('regularization', values.regularization)! }),
      ...(values.iterations !== undefined && { iterations: numberOption('iterations', values.iterations)! }),
    },
    ease: {
      ...DEFAULT_TRAIN_OPTIONS.ease,
      ...(values.lambda !== undefined && { regularization: numberOption('lambda', values.lambda)! }),
      ...(values['ease-items'] !== undefined && { maxItems: numberOption('ease-items', values['ease-items'])! }),
    },
    contentNeighbours: {
      ...DEFAULT_TRAIN_OPTIONS.contentNeighbours,
      ...(values['content-neighbours'] !== undefined && { neighbours: numberOption('content-neighbours', values['content-neighbours'])! }),
      ...(values['max-feature-items'] !== undefined && { maxFeatureItems: numberOption('max-feature-items', values['max-feature-items'])! }),
    },
    ...(values['als-share'] !== undefined && { alsShare: numberOption('als-share', values['als-share'])! }),
    blend: {
      ...(values['popularity-weight'] !== undefined && { popularityWeight: numberOption('popularity-weight', values['popularity-weight'])! }),
      ...(values['popularity-discount'] !== undefined && { popularityDiscount: numberOption('popularity-discount', values['popularity-discount'])! }),
    },
  };

  const started = Date.now();
  const table = await readRatingsCsv(values.ratings);
  const scale = resolveScale(table, given);
  const split = splitRatings(table, scale, seed);
  const attributes = values.items ? await readItemAttributesCsv(values.items) : undefined;
  if (attributes) trainOptions.itemFeatures = buildItemFeatures(split.itemIds.map((id) => attributes.byItem.get(id)));
  const readSeconds = (Date.now() - started) / 1000;
  const selectionStarted = Date.now();
  const selection = confidenceOption === 'auto' ? selectByValidation(split.train, scale, { seed, train: trainOptions }) : undefined;
  const confidence = selection?.chosen ?? (confidenceOption as ConfidenceScheme);
  if (selection) {
    trainOptions.method = selection.method;
    trainOptions.blend = { ...trainOptions.blend, popularityDiscount: selection.popularityDiscount, popularityWeight: selection.popularityWeight };
  }
  const selectionSeconds = (Date.now() - selectionStarted) / 1000;
  const result = evaluateSplit(split, { seed, confidence, train: trainOptions });
  const total = (Date.now() - started) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;

  const inferred = [given.min === undefined && 'min', given.max === undefined && 'max'].filter(Boolean).join(' and ');
  process.stdout.write(
    [
      `Recommendations evaluation: ${values.ratings}, seed ${seed}`,
      `scale ${scale.min} .. ${scale.max}${inferred ? ` (${inferred} inferred)` : ''}; relevant when the held-out rating is >= ${split.threshold}`,
      `rows: ${table.length + table.badRows} read, ${table.badRows} bad rows skipped, ${split.outOfScale} outside the scale skipped, ${split.duplicates} repeated (last kept)`,
      ...(attributes
        ? [
            `items: ${split.itemIds.filter((id) => attributes.byItem.has(id)).length} of ${split.itemIds.length} with attributes from ${values.items} (${attributes.badRows} bad rows skipped)`,
          ]
        : []),
      `split: ${split.userIds.length} users, ${result.items} items, ${result.trainRatings} training ratings, ${result.testRatings} held out; ${result.users} users evaluated`,
      ...(selection
        ? [
            `method, confidence and discount chosen on ${selection.validationUsers} validation users in ${selectionSeconds.toFixed(1)} s: ${selection.figures.map((f) => `${f.method === selection.figures[0]!.method ? '' : `${f.method} `}${f.confidence}${f.popularityDiscount ? ` discount ${f.popularityDiscount}` : ''}${f.popularityWeight ? ` + popularity ${f.popularityWeight}` : ''} ${f.ndcg10.toFixed(4)}${f.coverage === undefined ? '' : ` (coverage ${(100 * f.coverage).toFixed(1)} %)`}`).join(', ')} (popularity ${selection.popularityNdcg10.toFixed(4)})`,
          ]
        : []),
      `model: ${result.model.name}, confidence ${confidence}${trainOptions.blend?.popularityDiscount ? `, popularity discount ${trainOptions.blend.popularityDiscount}` : ''}${trainOptions.blend?.popularityWeight ? `, popularity weight ${trainOptions.blend.popularityWeight}` : ''}; read ${readSeconds.toFixed(1)} s, trained ${result.trainSeconds.toFixed(1)} s, ranked ${result.rankSeconds.toFixed(1)} s, total ${total.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB`,
      '',
      formatFiguresTable(result),
      '',
      JSON.stringify(evaluationSummary(result)),
    ].join('\n') + '\n',
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof RatingsCsvError || err instanceof RangeError) {
      process.stderr.write(`eval:recs: ${err.message}\n${USAGE}\n`);
      process.exit(2);
    }
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') {
      process.stderr.write(`eval:recs: cannot read ${err.message.replace(/^ENOENT: /, '')}\n`);
      process.exit(2);
    }
    console.error('Recommendations evaluation failed:', err);
    process.exit(1);
  },
);
