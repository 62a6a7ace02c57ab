// Lint for the whole repository: TypeScript rules, Prettier owning the layout, and the
// import boundaries of the house style (STYLE.md), so they hold without anyone remembering them.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What a file `depth` folders inside its feature (1 for server/src/features/<feature>/x.ts) may
 * import from another feature: its service, a named read model, or a job definition to enqueue.
 * Everything else there is the feature's own; helpers several features use live in http/, db/
 * or lib/. Type imports stay free (a type couples no code), and tests may reach anything.
 */
function serverFeatureBoundary(depth) {
  const otherFeature = `^(?:\\.\\./){${depth}}[a-z-]+/`;
  return [
    {
      // `../<other-feature>/<file>.repo`: its own message, as the oldest boundary.
      regex: `${otherFeature}.*\\.repo$`,
      message: "A feature uses another feature through its service or a named read model (*.read-model.ts), never through that feature's repo.",
    },
    {
      regex: `${otherFeature}(?!.*\\.(?:service|read-model|job|repo)$)`,
      message:
        'A feature uses another only through its service (*.service.ts), a named read model (*.read-model.ts) or a job it enqueues (*.job.ts): move helpers several features share to server/src/http, db or lib.',
    },
  ].map((pattern) => ({ ...pattern, allowTypeImports: true }));
}

const WEB_FEATURE_BOUNDARY = {
  // From web/src/features/<a>/<dir>/: `../../<b>/...` reaches into another feature.
  regex: '^\\.\\./\\.\\./(?!\\.\\.)[a-z-]+/',
  message: 'Web features do not import each other: move what both need to components/ or lib/.',
};

/** A page's look-ahead row written by hand (`limit + 1`): lib/pagination's rowsToRead and toPage/cutPage do it. */
const LOOK_AHEAD_BY_HAND = [
  "BinaryExpression[operator='+'][right.value=1][left.name='limit']",
  "BinaryExpression[operator='+'][right.value=1][left.property.name='limit']",
].map((selector) => ({ selector, message: 'Read a page with rowsToRead(limit) and cut it with toPage or cutPage (server/src/lib/pagination.ts).' }));

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.data/**', 'scripts/bench/results/**', 'web/e2e/artifacts/**', 'web/public/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser }, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
      // User-text validation matches NUL and other control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Command-line tools and the benchmark print to the terminal by design.
    files: ['scripts/**', 'server/src/cli/**', 'server/src/main.ts', 'web/build/**', '**/*.mjs', '**/*.cjs'],
    rules: { 'no-console': 'off' },
  },
  // Features reach each other only through their seams; the depth says how many `../` lead out of the feature.
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`server/src/features/${'*/'.repeat(depth)}*.ts`],
    ignores: ['**/*.test.ts', '**/*.testing.ts', '**/testing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: serverFeatureBoundary(depth) }] },
  })),
  {
    // Pages are read and cut one way: the look-ahead row by hand is refused everywhere in features.
    files: ['server/src/features/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...LOOK_AHEAD_BY_HAND] },
  },
  {
    // Database access only in repos (and read models): services run atomic work through db/transaction.
    files: ['server/src/features/**/*.ts'],
    ignores: ['**/*.repo.ts', '**/*.read-model.ts', '**/*.test.ts', '**/*.testing.ts', '**/*-fixtures.ts', '**/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Open transactions through Transactions.run (server/src/db/transaction.ts), and keep queries in repos.',
        },
        ...LOOK_AHEAD_BY_HAND,
      ],
    },
  },
  {
    // Route schemas live in shared/ (the web app validates with the same ones, and OpenAPI names them).
    files: ['server/src/features/**/*.routes.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Open transactions through Transactions.run (server/src/db/transaction.ts).',
        },
        ...LOOK_AHEAD_BY_HAND,
        {
          selector: "CallExpression[callee.object.name='z']",
          message: 'Define request schemas in shared/src/*.schemas.ts and import them from @muse/shared.',
        },
      ],
    },
  },
  {
    files: ['web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [WEB_FEATURE_BOUNDARY] }],
    },
  },
  prettier,
);
