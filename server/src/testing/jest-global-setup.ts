import { createMigratedTemplate } from './migrated-template';
import { TEMPLATE_DB_ENV } from './test-infra';
import './jest-setup';

/** Once per jest run, before the workers start (they inherit the variable). */
export default async function globalSetup(): Promise<void> {
  process.env[TEMPLATE_DB_ENV] = await createMigratedTemplate();
}
