import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HandlerEntries, handlerEntry, packagePath, packageRoot } from '../../lib/paths.js';

describe('paths', () => {
  it('finds the package root by its package.json name', () => {
    expect(packageRoot()).toBe(fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, ''));
  });

  it('resolves every shipped handler entry to an existing file', () => {
    for (const name of Object.keys(HandlerEntries) as (keyof typeof HandlerEntries)[]) {
      expect(existsSync(handlerEntry(name)), handlerEntry(name)).toBe(true);
    }
  });

  it('resolves package-relative paths', () => {
    expect(packagePath('lambdas/verifier/handler.ts')).toBe(`${packageRoot()}/lambdas/verifier/handler.ts`);
  });
});
