import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../soak/constants.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
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

/** Top self-time functions and the split by area over every `.cpuprofile` in a directory (one per thread). */
export interface ProfileSummary {
  readonly files: number;
  readonly totalMs: number;
  readonly functions: readonly ProfileRow[];
  readonly areas: readonly ProfileRow[];
}

/**
 * Sums self time (hit count × the sampling interval of its profile) per function and per area
 * (the runtime's own modules, the Lambda bundles, dynalite, the AWS SDK, node internals, GC, idle)
 * over all `.cpuprofile` files that `node --cpu-prof` wrote (the main thread and each worker).
 */
export function summarizeProfiles(dir: string, lastMs: number, top = 12): ProfileSummary {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let totalMs = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    // Only the samples of the last `lastMs` before the profile ended (the load and the shutdown,
    // not the startup): each sample's own time delta is its weight.
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    const from = profile.endTime - lastMs * 1000;
    const selfUs = new Map<number, number>();
    let t = profile.startTime;
    for (let i = 0; i < samples.length; i += 1) {
      t += deltas[i] ?? 0;
      const weight = deltas[i + 1] ?? 0;
      if (t >= from) selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + weight);
    }
    for (const node of profile.nodes) {
      const ms = (selfUs.get(node.id) ?? 0) / 1000;
      if (ms === 0) continue;
      const frame = node.callFrame;
      const area = areaOf(frame.url, frame.functionName);
      if (area === 'idle') continue;
      totalMs += ms;
      const where = frame.url ? `${shorten(frame.url)}:${frame.lineNumber + 1}` : '';
      const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      byArea.set(area, (byArea.get(area) ?? 0) + ms);
    }
  }
  const rows = (map: Map<string, number>, n: number): ProfileRow[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, selfMs]) => ({ name, selfMs, share: totalMs > 0 ? selfMs / totalMs : 0 }));
  return { files: files.length, totalMs, functions: rows(byFunction, top), areas: rows(byArea, 20) };
}

function areaOf(url: string, functionName: string): string {
  if (functionName === '(idle)' || functionName === '(program)') return functionName === '(idle)' ? 'idle' : 'V8 (program)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (!url) return 'native / builtins';
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/node_modules/dynalite/') || url.includes('/node_modules/levelup') || url.includes('/node_modules/memdown') || url.includes('/node_modules/abstract-leveldown')) return 'dynalite + LevelDB (memory)';
  if (url.includes('/node_modules/@aws-sdk/') || url.includes('/node_modules/@smithy/')) return 'AWS SDK (runtime side)';
  if (url.includes('/node_modules/')) return 'other node_modules';
  if (url.includes('/asset.')) return 'Lambda bundles (verifier, consumers, SDK inside)';
  const path = relative(REPO_ROOT, url.replace(/^file:\/\//, ''));
  const match = /^local\/([^/]+)/.exec(path);
  if (match) return `local/${match[1]}`;
  return 'other';
}

function shorten(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const asset = /\/(asset\.[0-9a-f]{8})[0-9a-f]*\/(.*)$/.exec(path);
  if (asset) return `${asset[1]}…/${asset[2]}`;
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  return relative(REPO_ROOT, path);
}
