// The lint rules that keep the house style's boundaries: each must fire on the code it forbids
// and stay quiet on the code it allows, or the boundaries would hold only by luck.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function ruleIds(code, filePath) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId);
}

test("when a feature imports another feature's repo, then lint refuses it", async () => {
  const ids = await ruleIds(
    "import { ReviewsRepo } from '../reviews/reviews.repo';\nexport const r = ReviewsRepo;\n",
    'server/src/features/diary/diary.service.ts',
  );
  assert.deepEqual(ids, ['no-restricted-imports']);
});

test("when a feature imports its own repo, another feature's service, a read model or a row type, then lint allows it", async () => {
  const code = [
    "import { DiaryRepo } from './diary.repo';",
    "import { ReviewsService } from '../reviews/reviews.service';",
    "import { CatalogReadModel } from '../catalog/catalog.read-model';",
    "import { Transactions } from '../../db/transaction';",
    "import type { ReviewViewRow } from '../reviews/reviews.repo';",
    'export const all: unknown[] = [DiaryRepo, ReviewsService, CatalogReadModel, Transactions, {} as ReviewViewRow];',
    '',
  ].join('\n');
  assert.deepEqual(await ruleIds(code, 'server/src/features/diary/diary.service.ts'), []);
});

test('when a service opens a transaction itself, then lint refuses it; a repo may', async () => {
  const code = 'export async function f(knex: { transaction(w: unknown): Promise<void> }) {\n  await knex.transaction(async () => undefined);\n}\n';
  assert.deepEqual(await ruleIds(code, 'server/src/features/diary/diary.service.ts'), ['no-restricted-syntax']);
  assert.deepEqual(await ruleIds(code, 'server/src/features/diary/diary.repo.ts'), []);
});

test('when a web feature imports another web feature, then lint refuses it; shared components are fine', async () => {
  const across = "import { FeedItemCard } from '../../feed/components/feed-item-card';\nexport const c = FeedItemCard;\n";
  assert.deepEqual(await ruleIds(across, 'web/src/features/profiles/components/recent-activity.tsx'), ['no-restricted-imports']);
  const shared = "import { Button } from '../../../components/ui/button';\nexport const b = Button;\n";
  assert.deepEqual(await ruleIds(shared, 'web/src/features/profiles/components/recent-activity.tsx'), []);
});
