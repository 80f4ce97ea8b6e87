import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isAssemblyFresh, synthesize } from '../../../local/runtime/index.js';

const TINY_APP = join(dirname(fileURLToPath(import.meta.url)), '../../helpers/runtime/tinyApp.mjs');
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'hookbridge-synth-'));
  dirs.push(dir);
  return dir;
};
const touch = (file: string, secondsAgo: number): void => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '{}');
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(file, t, t);
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('isAssemblyFresh', () => {
  it('is fresh when cdk.out was written after every source file', () => {
    const cwd = tempDir();
    touch(join(cwd, 'lib/stack.ts'), 100);
    touch(join(cwd, 'cdk.json'), 100);
    touch(join(cwd, 'cdk.out/manifest.json'), 10);
    expect(isAssemblyFresh(join(cwd, 'cdk.out'), cwd)).toBe(true);
  });

  it('is stale when a file under lambdas/ changed after the synth', () => {
    const cwd = tempDir();
    touch(join(cwd, 'cdk.out/manifest.json'), 100);
    touch(join(cwd, 'lambdas/verifier/handler.ts'), 10);
    expect(isAssemblyFresh(join(cwd, 'cdk.out'), cwd)).toBe(false);
  });

  it('is stale when there is no manifest', () => {
    const cwd = tempDir();
    expect(isAssemblyFresh(join(cwd, 'cdk.out'), cwd)).toBe(false);
  });
});

describe('synthesize', () => {
  it('reuses a given cdk.out without synthesizing', async () => {
    const result = await synthesize({ cdkOut: '/given/cdk.out', synthOut: '/unused', cwd: '/unused' });
    expect(result).toEqual({ cdkOut: '/given/cdk.out', synthesized: false });
  });

  it('reuses a fresh synthOut without running the app', async () => {
    const cwd = tempDir();
    touch(join(cwd, 'bin/app.ts'), 100);
    touch(join(cwd, 'out/manifest.json'), 10);
    const result = await synthesize({ app: 'false', synthOut: join(cwd, 'out'), cwd });
    expect(result).toEqual({ cdkOut: join(cwd, 'out'), synthesized: false });
  });

  it('runs `cdk synth` with the app into synthOut when it is stale', async () => {
    const cwd = tempDir();
    const result = await synthesize({ app: `node ${TINY_APP}`, synthOut: join(cwd, 'cdk.out'), cwd });
    expect(result).toEqual({ cdkOut: join(cwd, 'cdk.out'), synthesized: true });
    expect(isAssemblyFresh(join(cwd, 'cdk.out'), cwd)).toBe(true);
  }, 120_000);

  it('fails if the app throws, with one line naming cdk synth and the fix', async () => {
    const cwd = tempDir();
    process.env.TINY_APP_FAIL = '1';
    try {
      const failure = synthesize({ app: `node ${TINY_APP}`, synthOut: join(cwd, 'cdk.out'), cwd });
      await expect(failure).rejects.toThrow(/^`cdk synth` failed: .*; fix the app and run `npx cdk synth` to see the whole output$/);
      await expect(failure).rejects.toThrow(/tiny app failed on purpose/);
    } finally {
      delete process.env.TINY_APP_FAIL;
    }
  }, 120_000);

  it('fails if there is no app to synthesize', async () => {
    const cwd = tempDir();
    await expect(synthesize({ synthOut: join(cwd, 'cdk.out'), cwd })).rejects.toThrow(/no CDK app to synthesize in .*: add "app" to cdk.json, or pass --app or --cdk-out/);
  });
});
