import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../local/state/index.js';
import { tempStateDir } from '../../helpers/state/tempStateDir.js';

const fixture = fileURLToPath(new URL('../../helpers/state/appendUntilKilled.ts', import.meta.url));

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempStateDir());
});

afterEach(async () => {
  await cleanup();
});

/**
 * Runs the fixture until it has acknowledged `killAfter` records, SIGKILLs it mid-stream and
 * returns every index it printed (each printed only after its append resolved).
 */
async function appendThenKill(killAfter: number, writeDelayMs = 0): Promise<number[]> {
  const child = fork(fixture, [dir, '16', String(writeDelayMs)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const acknowledged: number[] = [];
  let stderr = '';
  let buffered = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      if (line !== 'ready') acknowledged.push(Number(line));
    }
    if (acknowledged.length >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL');
  });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (signal !== 'SIGKILL') throw new Error(`fixture exited with code ${code} before it was killed: ${stderr}`);
  return acknowledged;
}

describe('durability across SIGKILL', () => {
  it('every record acknowledged before a SIGKILL is recovered, as a gap-free prefix in append order', async () => {
    // GIVEN a child process appending with 16 outstanding appends, killed with SIGKILL mid-stream
    const acknowledged = await appendThenKill(1_500);
    expect(acknowledged.length).toBeGreaterThanOrEqual(1_500);
    // WHEN the parent opens the directory (taking over the dead child's lock)
    const journal = await Journal.open({ dir });
    const recovered = journal.recovered.records;
    await journal.close();
    // THEN the recovered records are exactly 0..n-1 in order, and every acknowledged index is among them
    const indices = recovered.map((entry) => (entry.record as { i: number }).i);
    expect(indices).toEqual(Array.from({ length: indices.length }, (_, i) => i));
    expect(Math.max(...acknowledged)).toBeLessThan(indices.length);
    expect(recovered.every((entry, i) => entry.service === (i % 2 === 0 ? 'sqs' : 'eventbridge'))).toBe(true);
  });

  it('loses no acknowledged record on a slow disk, where the kill lands while writes are pending', async () => {
    // GIVEN a child whose file writes each take 15 ms, killed mid-stream
    const acknowledged = await appendThenKill(200, 15);
    // WHEN recovered
    const journal = await Journal.open({ dir });
    const indices = journal.recovered.records.map((entry) => (entry.record as { i: number }).i);
    await journal.close();
    // THEN every acknowledged index is present, as a gap-free prefix
    expect(indices).toEqual(Array.from({ length: indices.length }, (_, i) => i));
    expect(Math.max(...acknowledged)).toBeLessThan(indices.length);
  });

  it('survives repeated kills of runs that recover and append again', async () => {
    // GIVEN a first run killed mid-stream and recovered
    await appendThenKill(300);
    const first = await Journal.open({ dir });
    const firstCount = first.recovered.records.length;
    await first.close();
    // WHEN a second run appends (indices restart at 0) and is killed too
    const acknowledged = await appendThenKill(300);
    // THEN the second run's acknowledged records follow the first run's, all present
    const journal = await Journal.open({ dir });
    const indices = journal.recovered.records.map((entry) => (entry.record as { i: number }).i);
    await journal.close();
    expect(indices.slice(0, firstCount)).toEqual(Array.from({ length: firstCount }, (_, i) => i));
    const second = indices.slice(firstCount);
    expect(second).toEqual(Array.from({ length: second.length }, (_, i) => i));
    expect(Math.max(...acknowledged)).toBeLessThan(second.length);
  });
});
