import { createMigratedTemplate, TEMPLATE_DB_ENV } from './migrated-template';
import './jest-setup';

/** Once per jest run, before the workers start (they inherit the variable). */
export default async function globalSetup(): Promise<void> {
  process.env[TEMPLATE_DB_ENV] = await createMigratedTemplate();
}
