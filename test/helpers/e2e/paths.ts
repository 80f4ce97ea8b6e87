import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/helpers/e2e/paths.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The fixture app's entry, as `cdk synth --app` runs it (relative to the root). */
export const FIXTURE_APP_COMMAND = 'npx tsx test/e2e/fixture-app/app.ts';
