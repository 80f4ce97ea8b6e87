import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pruneCache, sourceFingerprint, stagingDir } from './assemblyCache.js';
import { cdkSynth } from './cdkSynth.js';

/** What {@link synthApp} synthesizes. */
export interface SynthOptions {
  /** The app, as `cdk synth --app` runs it, e.g. `npx tsx bin/app.ts`. */
  readonly app: string;
  /** CDK context (`-c key=value`). */
  readonly context: Readonly<Record<string, string>>;
  /** Repo-relative paths whose change makes a cached assembly stale. */
  readonly sources: readonly string[];
}

const CACHE_ROOT = join(tmpdir(), 'hookbridge-bench-cache');
const KEEP_ENTRIES = 6;

/**
 * {@link cdkSynth} of `options.app` into a cached cloud assembly under the temp dir, keyed by the
 * app, its context and the {@link sourceFingerprint} of its sources; a hit skips the synthesis
 * (esbuild bundling of every handler). Keeps the 6 newest assemblies.
 *
 * @returns the cloud assembly directory and whether it was reused
 */
export async function synthApp(options: SynthOptions): Promise<{ cdkOut: string; reused: boolean }> {
  const hash = createHash('sha256').update(options.app).update(JSON.stringify(options.context)).update(sourceFingerprint(options.sources));
  mkdirSync(CACHE_ROOT, { recursive: true });
  const final = join(CACHE_ROOT, hash.digest('hex').slice(0, 20));
  if (existsSync(join(final, 'manifest.json'))) return { cdkOut: final, reused: true };
  const staging = stagingDir(CACHE_ROOT);
  try {
    await cdkSynth({ app: options.app, context: options.context, outDir: staging });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  rmSync(final, { recursive: true, force: true });
  renameSync(staging, final);
  pruneCache(CACHE_ROOT, KEEP_ENTRIES);
  return { cdkOut: final, reused: false };
}
