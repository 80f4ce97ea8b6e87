import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, SYNTH_TIMEOUT_MS } from './constants.js';
import { SynthError } from './errors.js';

/** What to synthesize. */
export interface SynthOptions {
  /** The app, as `cdk synth --app` runs it, e.g. `npx tsx bin/app.ts`. */
  readonly app: string;
  /** CDK context (`-c key=value`). */
  readonly context: Readonly<Record<string, string>>;
  /** Repo-relative paths whose change makes a cached assembly stale. */
  readonly sources: readonly string[];
}

const CACHE_ROOT = join(tmpdir(), 'hookbridge-bench-cache');

/**
 * `npx cdk synth --quiet` of `options.app` into a cached cloud assembly under the temp dir, keyed by
 * the app, its context and a fingerprint (paths, sizes, mtimes) of its sources; a hit skips the
 * synthesis (esbuild bundling of every handler). Bounded by {@link SYNTH_TIMEOUT_MS}.
 *
 * @returns the cloud assembly directory and whether it was reused
 */
export async function synthApp(options: SynthOptions): Promise<{ cdkOut: string; reused: boolean }> {
  const hash = createHash('sha256').update(options.app).update(JSON.stringify(options.context)).update(fingerprint(options.sources));
  const key = hash.digest('hex').slice(0, 20);
  mkdirSync(CACHE_ROOT, { recursive: true });
  const final = join(CACHE_ROOT, key);
  if (existsSync(join(final, 'manifest.json'))) return { cdkOut: final, reused: true };
  const staging = join(CACHE_ROOT, `.staging-${process.pid}-${Date.now()}`);
  const args = ['cdk', 'synth', '--quiet', '--app', options.app, '--output', staging];
  for (const [name, value] of Object.entries(options.context)) args.push('-c', `${name}=${value}`);
  const output: string[] = [];
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn('npx', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      output.push(chunk.toString('utf8'));
      if (output.length > 200) output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(`timeout after ${SYNTH_TIMEOUT_MS} ms`);
    }, SYNTH_TIMEOUT_MS);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve(status ?? 1);
    });
  });
  if (code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new SynthError(`cdk synth --app "${options.app}" failed (${code})`, output.join(''));
  }
  rmSync(final, { recursive: true, force: true });
  renameSync(staging, final);
  prune();
  return { cdkOut: final, reused: false };
}

function fingerprint(sources: readonly string[]): string {
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

/** Keeps the 6 newest assemblies. */
function prune(): void {
  const all = readdirSync(CACHE_ROOT)
    .filter((name) => !name.startsWith('.staging-'))
    .map((name) => ({ name, at: statSync(join(CACHE_ROOT, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const stale of all.slice(6)) rmSync(join(CACHE_ROOT, stale.name), { recursive: true, force: true });
}
