import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../soak/constants.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** One row of the summary. */
export interface ProfileRow {
  readonly name: string;
  readonly selfMs: number;
  readonly share: number;
}

/**
 * A span of the clock V8 stamps profile samples with: `CLOCK_MONOTONIC` in microseconds, the clock
 * of `process.hrtime` (see {@link monotonicUs}), the same in every process of the machine.
 */
export interface ProfileWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/** Self time of the `.cpuprofile` files of one directory (one file per thread), inside a window. */
export interface ProfileSummary {
  /** Profiles in the directory. */
  readonly files: number;
  /** Profiles with busy samples inside the window. */
  readonly activeFiles: number;
  /**
   * Non-idle milliseconds of samples inside the window, all files together. V8 samples by wall
   * clock: a thread waiting for a free core counts as busy, so on a loaded machine this exceeds the
   * CPU time (read that from `/proc`: `ThreadCpuMeter`); use the shares.
   */
  readonly totalMs: number;
  /** Top functions by self time. */
  readonly functions: readonly ProfileRow[];
  /** Self time by area (see {@link summarizeProfiles}). */
  readonly areas: readonly ProfileRow[];
  /** Self time by Lambda function (`<function name>-<n>.cpuprofile`, see {@link functionOfProfile}), else by file. */
  readonly groups: readonly ProfileRow[];
}

/** Now, on the clock of {@link ProfileWindow}. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Sums self time (each sample weighs the time to the next sample) per function, per area and per
 * group over the `.cpuprofile` files of `dir`, counting only samples inside `window` (the load, not
 * the startup, the warm-up or the shutdown).
 *
 * Areas: the runtime's own modules (`local/<module>`), dynalite, the AWS SDK, node internals, GC,
 * V8; a frame of a Lambda bundle (`asset.<hash>/index.js`, minified) is mapped through the
 * bundle's `index.js.map` to its source module: the AWS SDK (`@aws-sdk`, `@smithy`,
 * `@aws-crypto`), Powertools, hookbridge's `lambdas/<dir>`, other bundled packages. Idle is left out.
 */
export function summarizeProfiles(dir: string, window: ProfileWindow, top = 12): ProfileSummary {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  const byGroup = new Map<string, number>();
  const sources = new SourceLocator();
  const add = (map: Map<string, number>, key: string, ms: number): void => void map.set(key, (map.get(key) ?? 0) + ms);
  let totalMs = 0;
  let activeFiles = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    const selfUs = new Map<number, number>();
    let t = profile.startTime;
    for (let i = 0; i < samples.length; i += 1) {
      t += deltas[i] ?? 0;
      if (t >= window.fromUs && t <= window.toUs) selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0));
    }
    const group = functionOfProfile(file);
    let fileMs = 0;
    for (const node of profile.nodes) {
      const ms = (selfUs.get(node.id) ?? 0) / 1000;
      if (ms === 0) continue;
      const frame = node.callFrame;
      if (frame.functionName === '(idle)') continue;
      const source = sources.locate(frame.url, frame.lineNumber, frame.columnNumber);
      const area = source ? bundledArea(source.path) : areaOf(frame.url, frame.functionName);
      const where = source ? `${shortSource(source.path)}:${source.line + 1}` : frame.url ? `${shorten(frame.url)}:${frame.lineNumber + 1}` : '';
      fileMs += ms;
      add(byFunction, `${frame.functionName || '(anonymous)'} ${where}`.trim(), ms);
      add(byArea, area, ms);
      add(byGroup, group, ms);
    }
    totalMs += fileMs;
    if (fileMs > 0) activeFiles += 1;
  }
  const rows = (map: Map<string, number>, n: number): ProfileRow[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, selfMs]) => ({ name, selfMs, share: totalMs > 0 ? selfMs / totalMs : 0 }));
  return { files: files.length, activeFiles, totalMs, functions: rows(byFunction, top), areas: rows(byArea, 20), groups: rows(byGroup, 20) };
}

/**
 * The function a `CPU_PROF_DIR` profile (`<function name>-<n>.cpuprofile`) belongs to, a name
 * CloudFormation generated (`<stack>-<logical id><8 hex>-<suffix>`) shortened to its logical id
 * without the hash; any other file name unchanged.
 */
export function functionOfProfile(file: string): string {
  const name = /^(.+)-\d+\.cpuprofile$/.exec(file)?.[1];
  if (name === undefined) return file;
  return /^[^-]+-(.+?)(?:[0-9A-F]{8})?-[A-Z0-9]{8,13}$/.exec(name)?.[1] ?? name;
}

/** Maps a frame of a Lambda bundle to its source module through the bundle's `index.js.map`. */
class SourceLocator {
  private readonly maps = new Map<string, SourceMap | undefined>();

  /** The source path (as the map names it) and 0-based line of a bundle frame; undefined elsewhere or unmapped. */
  public locate(url: string, line: number, column: number): { path: string; line: number } | undefined {
    if (!url.includes('/asset.')) return undefined;
    const map = this.mapOf(url);
    if (!map) return undefined;
    const entry = map.findEntry(line, column);
    return 'originalSource' in entry ? { path: entry.originalSource, line: entry.originalLine } : undefined;
  }

  private mapOf(url: string): SourceMap | undefined {
    if (!this.maps.has(url)) {
      const file = `${url.startsWith('file://') ? fileURLToPath(url) : url}.map`;
      this.maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as SourceMapPayload) : undefined);
    }
    return this.maps.get(url);
  }
}

/** Area of a bundled source module, from its path in the source map. */
function bundledArea(sourcePath: string): string {
  const source = `/${sourcePath}`;
  if (/\/node_modules\/@(aws-sdk|smithy|aws-crypto)\//.test(source)) return 'AWS SDK';
  if (source.includes('/node_modules/@aws-lambda-powertools/')) return 'Powertools';
  if (source.includes('/node_modules/')) return 'other bundled packages';
  const lambdas = /\/lambdas\/([^/]+)\//.exec(source);
  if (lambdas) return `lambdas/${lambdas[1]}`;
  return 'other bundled code';
}

function areaOf(url: string, functionName: string): string {
  if (functionName === '(program)') return 'V8 (program)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (!url) return 'native / builtins';
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/node_modules/dynalite/') || url.includes('/node_modules/levelup') || url.includes('/node_modules/memdown') || url.includes('/node_modules/abstract-leveldown')) return 'dynalite + LevelDB (memory)';
  if (url.includes('/node_modules/@aws-sdk/') || url.includes('/node_modules/@smithy/')) return 'AWS SDK';
  if (url.includes('/node_modules/')) return 'other node_modules';
  if (url.includes('/asset.')) return 'Lambda bundles (no source map)';
  const path = relative(REPO_ROOT, url.replace(/^file:\/\//, ''));
  const match = /^local\/([^/]+)/.exec(path);
  if (match) return `local/${match[1]}`;
  return 'other';
}

/** A bundled source path without its `../` prefix: from the package (`@smithy/…`) or from `lambdas/`. */
function shortSource(source: string): string {
  const modules = source.lastIndexOf('/node_modules/');
  if (modules >= 0) return source.slice(modules + '/node_modules/'.length);
  const lambdas = source.indexOf('lambdas/');
  return lambdas >= 0 ? source.slice(lambdas) : source.replace(/^(\.\.\/)+/, '');
}

function shorten(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const asset = /\/(asset\.[0-9a-f]{8})[0-9a-f]*\/(.*)$/.exec(path);
  if (asset) return `${asset[1]}…/${asset[2]}`;
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  return relative(REPO_ROOT, path);
}
