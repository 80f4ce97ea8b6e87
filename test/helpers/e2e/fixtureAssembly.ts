import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DownstreamServer } from './downstreamServer.js';
import { REPO_ROOT } from './paths.js';
import { synthFixture } from './synthFixture.js';

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
  const fingerprint = sourceFingerprint();
  const dir = join(CACHE_ROOT, createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12));
  mkdirSync(dir, { recursive: true });
  for (const entry of cachedEntries(dir, fingerprint)) {
    const downstream = await DownstreamServer.start('127.0.0.1', entry.port).catch(() => undefined);
    if (downstream) return { downstream, cdkOut: entry.path, reused: true };
  }
  const downstream = await DownstreamServer.start();
  const port = Number(new URL(downstream.url).port);
  const staging = join(dir, `.staging-${process.pid}-${Date.now()}`);
  try {
    await synthFixture(staging, downstream.url);
    const final = join(dir, `${fingerprint}-${port}`);
    rmSync(final, { recursive: true, force: true });
    renameSync(staging, final);
    writeFileSync(join(final, '.hookbridge-e2e.json'), JSON.stringify({ fingerprint, port, at: Date.now() }));
    prune(dir);
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

function prune(dir: string): void {
  const all = readdirSync(dir)
    .filter((name) => !name.startsWith('.staging-'))
    .map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const stale of all.slice(KEEP_ENTRIES)) rmSync(join(dir, stale.name), { recursive: true, force: true });
}

/** A fingerprint of the fixture's sources: paths, sizes and modification times. */
function sourceFingerprint(): string {
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
  for (const source of SOURCES) walk(join(REPO_ROOT, source));
  return hash.digest('hex').slice(0, 16);
}
