import { CandidateCheckError } from './errors.js';
import { summarize, type Summary } from './stats.js';
import type { BenchSettings } from './types.js';

/** Keeps results reachable so the JIT cannot drop the work that produced them. */
let blackhole: unknown;

/** Something to time: one call is one request. */
export interface Candidate {
  readonly name: string;
  /** Sync candidates return anything but a promise; async ones return a promise. */
  readonly async: boolean;
  readonly run: () => unknown;
  /** Throws unless one call's result shows the candidate did the full job (checked before timing). */
  readonly check: (result: unknown) => void;
}

/** Per-request time of one candidate. */
export interface Timing {
  readonly name: string;
  /** Nanoseconds per call, over the rounds. */
  readonly ns: Summary;
  readonly iterations: number;
}

/**
 * Times candidates against each other the way a shared, noisy machine needs: each is checked,
 * warmed up (JIT), calibrated to a batch size that takes about `roundMs`, then timed in rounds
 * that are interleaved across candidates (round 1 of every candidate, then round 2, …, in a
 * rotating order) so that a burst of noise hits all of them alike. Per-call time is the batch
 * time over the batch size; the figure is the median over rounds, with the interquartile spread.
 */
export async function measure(candidates: readonly Candidate[], settings: BenchSettings): Promise<Timing[]> {
  const batches: number[] = [];
  for (const candidate of candidates) {
    await check(candidate);
    batches.push(await calibrate(candidate, settings));
  }
  const samples: number[][] = candidates.map(() => []);
  for (let round = 0; round < settings.rounds; round++) {
    for (let k = 0; k < candidates.length; k++) {
      const index = (k + round) % candidates.length;
      const ns = await timeBatch(candidates[index]!, batches[index]!);
      samples[index]!.push(ns / batches[index]!);
    }
  }
  return candidates.map((candidate, index) => ({ name: candidate.name, ns: summarize(samples[index]!), iterations: batches[index]! }));
}

async function check(candidate: Candidate): Promise<void> {
  let result: unknown;
  try {
    result = candidate.async ? await candidate.run() : candidate.run();
  } catch (error) {
    throw new CandidateCheckError(candidate.name, `threw on a valid request: ${String(error)}`, { cause: error });
  }
  candidate.check(result);
}

/** Runs for `warmupMs`, then returns how many calls take about `roundMs`. */
async function calibrate(candidate: Candidate, settings: BenchSettings): Promise<number> {
  const warmupNs = settings.warmupMs * 1e6;
  let calls = 0;
  let elapsed = 0;
  let batch = 1;
  while (elapsed < warmupNs) {
    elapsed += await timeBatch(candidate, batch);
    calls += batch;
    batch = Math.min(batch * 2, 1024);
  }
  const perCall = elapsed / calls;
  return Math.max(1, Math.round((settings.roundMs * 1e6) / perCall));
}

async function timeBatch(candidate: Candidate, iterations: number): Promise<number> {
  const { run } = candidate;
  let sink: unknown;
  const start = process.hrtime.bigint();
  if (candidate.async) {
    for (let i = 0; i < iterations; i++) sink = await run();
  } else {
    for (let i = 0; i < iterations; i++) sink = run();
  }
  const ns = Number(process.hrtime.bigint() - start);
  blackhole = sink;
  return ns;
}
