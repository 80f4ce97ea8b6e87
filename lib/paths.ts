import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'hookbridge';

/**
 * The root of the hookbridge package: the nearest directory above this file whose `package.json`
 * is named `hookbridge`.
 *
 * Walking up (instead of a fixed `..`) makes the same code work from the repository
 * (`lib/paths.ts` run by tsx or vitest) and from an installed package compiled to
 * `node_modules/hookbridge/dist/lib/paths.js`.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === PACKAGE_NAME) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${fileURLToPath(import.meta.url)}`);
    }
    dir = parent;
  }
}

/** Absolute path of a file shipped in the package, e.g. `lambdas/verifier/handler.ts`. */
export function packagePath(relativePath: string): string {
  return resolve(packageRoot(), relativePath);
}

/** Handler entry files shipped with the package (docs/contract.md). */
export const HandlerEntries = {
  verifier: 'lambdas/verifier/handler.ts',
  notFound: 'lambdas/verifier/not-found.ts',
  auditLog: 'lambdas/consumers/audit-log.ts',
  crmSync: 'lambdas/consumers/order-to-cash/crm-sync.ts',
  fraudCheck: 'lambdas/consumers/order-to-cash/fraud-check.ts',
  fulfillmentPrep: 'lambdas/consumers/order-to-cash/fulfillment-prep.ts',
  financePosting: 'lambdas/consumers/order-to-cash/finance-posting.ts',
} as const;

/** Absolute path of a shipped handler entry. */
export function handlerEntry(name: keyof typeof HandlerEntries): string {
  return packagePath(HandlerEntries[name]);
}
