import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './constants.js';

/** Prefix of the directories a synthesis writes before it is renamed into a cache. */
export const STAGING_PREFIX = '.staging-';

/**
 * A fingerprint (sha256, hex) of repository files and directories: every path, size and
 * modification time under them, `node_modules` and dot-files left out. Cheap enough to take before
 * every run; a changed source changes it.
 */
export function sourceFingerprint(sources: readonly string[]): string {
  const hash = createHash('sha256');
  const walk = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'node_modules' && !name.startsWith('.')) walk(join(path, name));
      return;
    }
    hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const source of sources) walk(join(REPO_ROOT, source));
  return hash.digest('hex');
}

/** A fresh staging directory name under `cacheDir` (for a synthesis renamed into place when it succeeds). */
export function stagingDir(cacheDir: string): string {
  return join(cacheDir, `${STAGING_PREFIX}${process.pid}-${Date.now()}`);
}

/** Removes all but the `keep` newest entries of `cacheDir` (staging directories in use are left alone). */
export function pruneCache(cacheDir: string, keep: number): void {
  const all = readdirSync(cacheDir)
    .filter((name) => !name.startsWith(STAGING_PREFIX))
    .map((name) => ({ name, at: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const stale of all.slice(keep)) rmSync(join(cacheDir, stale.name), { recursive: true, force: true });
}
