import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pruneCache, sourceFingerprint, stagingDir } from '../../../bench/shared/assemblyCache.js';
import { cdkSynth } from '../../../bench/shared/cdkSynth.js';
import { DOWNSTREAM_CONTEXT } from '../../e2e/fixture-app/constants.js';
import { DownstreamServer } from './downstreamServer.js';
import { FIXTURE_APP_COMMAND, REPO_ROOT } from './paths.js';

/** The fixture app synthesized for one downstream server. */
export interface FixtureAssembly {
  readonly downstream: DownstreamServer;
  /** The cloud assembly (read-only: runtimes only read it). */
  readonly cdkOut: string;
  /** True when a cached assembly for the same sources and downstream port was reused. */
  readonly reused: boolean;
}

/** What makes a synthesized fixture stale: the sources it is built from. */
const SOURCES = ['test/e2e/fixture-app', 'lib', 'lambdas', 'cdk.json', 'package-lock.json'];
const CACHE_ROOT = join(tmpdir(), 'hookbridge-e2e-cache');
const KEEP_ENTRIES = 4;
const SYNTH_TIMEOUT_MS = 150_000;

/**
 * The fixture app synthesized with the URL of a fresh downstream server on 127.0.0.1.
 *
 * Synthesis (esbuild bundling of every handler) takes most of an e2e file's setup, and the
 * downstream URL — a free port — is baked into the template. So the assembly is cached under the
 * temp dir per source fingerprint and port: a later test file first tries to listen on a cached
 * port again (free once the earlier file closed its server) and reuses that assembly; when the
 * port is taken (files running in parallel) it synthesizes anew for a fresh port.
 */
export async function fixtureAssembly(): Promise<FixtureAssembly> {
  const fingerprint = sourceFingerprint(SOURCES).slice(0, 16);
  const dir = join(CACHE_ROOT, createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12));
  mkdirSync(dir, { recursive: true });
  for (const entry of cachedEntries(dir, fingerprint)) {
    const downstream = await DownstreamServer.start('127.0.0.1', entry.port).catch(() => undefined);
    if (downstream) return { downstream, cdkOut: entry.path, reused: true };
  }
  const downstream = await DownstreamServer.start();
  const port = Number(new URL(downstream.url).port);
  const staging = stagingDir(dir);
  try {
    // The downstream URL is baked into the template as CDK context.
    await cdkSynth({ app: FIXTURE_APP_COMMAND, context: { [DOWNSTREAM_CONTEXT]: downstream.url }, outDir: staging, timeoutMs: SYNTH_TIMEOUT_MS });
    const final = join(dir, `${fingerprint}-${port}`);
    rmSync(final, { recursive: true, force: true });
    renameSync(staging, final);
    writeFileSync(join(final, '.hookbridge-e2e.json'), JSON.stringify({ fingerprint, port, at: Date.now() }));
    pruneCache(dir, KEEP_ENTRIES);
    return { downstream, cdkOut: final, reused: false };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    await downstream.close();
    throw error;
  }
}

interface CacheEntry {
  readonly path: string;
  readonly port: number;
  readonly at: number;
}

function cachedEntries(dir: string, fingerprint: string): CacheEntry[] {
  const entries: CacheEntry[] = [];
  for (const name of readdirSync(dir)) {
    const meta = join(dir, name, '.hookbridge-e2e.json');
    if (!name.startsWith(`${fingerprint}-`) || !existsSync(meta) || !existsSync(join(dir, name, 'manifest.json'))) continue;
    try {
      const parsed = JSON.parse(readFileSync(meta, 'utf8')) as { port: number; at: number };
      entries.push({ path: join(dir, name), port: parsed.port, at: parsed.at });
    } catch {
      // a half-written entry: ignore it, prune removes it later
    }
  }
  return entries.sort((a, b) => b.at - a.at);
}
