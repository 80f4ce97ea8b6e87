import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of a fixture bundle directory under test/helpers/lambda/fixtures/. */
export function fixtureDir(name: string): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);
}
