import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CpuProfileDirError, LambdaRunner, type InvocationResult, type LambdaRunnerOptions } from '../../../local/lambda/index.js';

/**
 * A bundle that burns CPU in a named function at init and in another per invocation (or never
 * yields, with `spin`), and reports
 * whether this thread has loaded the inspector module (`process.moduleLoadList`, Node's list of
 * the built-in modules an isolate has loaded).
 */
const BUNDLE = `"use strict";
function spinFor(ms) {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
  return x;
}
function burnAtInit(ms) { return spinFor(ms); }
function burnInHandler(ms) { return spinFor(ms); }
burnAtInit(150);
exports.handler = async (event) => {
  if (event.spin) for (;;) {}
  return {
    x: burnInHandler(event.ms),
    inspectorLoaded: process.moduleLoadList.includes("NativeModule inspector/promises"),
  };
};
`;

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

const dirs: string[] = [];
const runners: LambdaRunner[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function bundleDir(): string {
  const dir = tempDir('hookbridge-prof-bundle-');
  writeFileSync(join(dir, 'index.js'), BUNDLE);
  return dir;
}

function runner(assetDir: string, options: LambdaRunnerOptions, timeoutSeconds = 10): LambdaRunner {
  const created = new LambdaRunner({ functionName: 'profiled', assetDir, handler: 'index.handler', timeoutSeconds }, { logSink: () => undefined, ...options });
  runners.push(created);
  return created;
}

function payloadOf(result: InvocationResult): { inspectorLoaded: boolean } {
  if (result.status !== 'success') throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.payload as { inspectorLoaded: boolean };
}

/** Samples whose stack includes a function named `name` (its own frame or anything it called). */
function samplesUnder(profile: CpuProfile, name: string): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inside = new Set<number>();
  const mark = (id: number): void => {
    if (inside.has(id)) return;
    inside.add(id);
    for (const child of byId.get(id)?.children ?? []) mark(child);
  };
  for (const node of profile.nodes) if (node.callFrame.functionName === name) mark(node.id);
  return profile.samples.filter((id) => inside.has(id)).length;
}

const profilesIn = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).sort();

afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.shutdown(100)));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('LambdaRunner CPU profiles', () => {
  it('writes a parseable profile per environment at shutdown, with samples from the handler and none from init', async () => {
    // GIVEN a profiled function
    const profileDir = join(tempDir('hookbridge-prof-out-'), 'profiles');
    const fn = runner(bundleDir(), { cpuProfileDir: profileDir });

    // WHEN two invocations run at once (two environments), then one more on a warm environment
    const results = await Promise.all([fn.invoke({ ms: 60 }), fn.invoke({ ms: 60 })]);
    results.push(await fn.invoke({ ms: 60 }));
    expect(results.every((r) => payloadOf(r).inspectorLoaded)).toBe(true);
    const beforeShutdown = profilesIn(profileDir);
    await fn.shutdown();

    // THEN nothing was written while running, and each environment wrote its profile at shutdown
    expect(beforeShutdown).toEqual([]);
    expect(profilesIn(profileDir)).toEqual(['profiled-1.cpuprofile', 'profiled-2.cpuprofile']);
    const profiles = profilesIn(profileDir).map((name) => JSON.parse(readFileSync(join(profileDir, name), 'utf8')) as CpuProfile);
    // AND the handler's code shows up (at least 180 ms spun in all; 1 ms sampling, allow a noisy machine)
    const handlerSamples = profiles.reduce((sum, p) => sum + samplesUnder(p, 'burnInHandler'), 0);
    expect(handlerSamples).toBeGreaterThanOrEqual(60);
    for (const profile of profiles) {
      expect(profile.endTime).toBeGreaterThan(profile.startTime);
      expect(profile.nodes.some((n) => n.callFrame.functionName === 'burnInHandler' && n.callFrame.url.endsWith('/index.js'))).toBe(true);
      // AND init (150 ms at module load) is not in it
      expect(samplesUnder(profile, 'burnAtInit')).toBe(0);
    }
  });

  it('writes nothing and loads no inspector without cpuProfileDir', async () => {
    // GIVEN a function without the option, its bundle in a directory of its own
    const assetDir = bundleDir();
    const fn = runner(assetDir, {});

    // WHEN it is invoked and shut down
    const result = await fn.invoke({ ms: 20 });
    await fn.shutdown();

    // THEN its environment never loaded the inspector, and no profile appeared
    expect(payloadOf(result).inspectorLoaded).toBe(false);
    expect(profilesIn(assetDir)).toEqual([]);
    expect(profilesIn(process.cwd())).toEqual([]);
  });

  it('writes no profile for an environment terminated by a timeout, and one for its replacement', async () => {
    // GIVEN a profiled function with one environment, whose first invocation never yields and times out
    const profileDir = tempDir('hookbridge-prof-out-');
    const fn = runner(bundleDir(), { cpuProfileDir: profileDir, maxConcurrency: 1 }, 1);
    const timedOut = await fn.invoke({ spin: true });
    expect(timedOut.status).toBe('error');

    // WHEN a second environment serves the next invocation and the runner shuts down
    const next = await fn.invoke({ ms: 10 });
    await fn.shutdown();

    // THEN only the second environment wrote a profile
    expect(next.coldStart).toBe(true);
    expect(profilesIn(profileDir)).toEqual(['profiled-2.cpuprofile']);
  });

  it('fails if the profile directory cannot be created', () => {
    // GIVEN a directory path below a regular file
    const file = join(tempDir('hookbridge-prof-out-'), 'not-a-dir');
    writeFileSync(file, '');

    // WHEN / THEN the runner refuses to start, naming the directory and the reason
    expect(() => runner(bundleDir(), { cpuProfileDir: join(file, 'profiles') })).toThrow(CpuProfileDirError);
    expect(() => runner(bundleDir(), { cpuProfileDir: join(file, 'profiles') })).toThrow(
      `function profiled: cannot write CPU profiles to ${join(file, 'profiles')} (ENOTDIR): pass a writable directory as cpuProfileDir`,
    );
  });
});
