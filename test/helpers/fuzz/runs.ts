import { DEFAULT_GATEWAY_RUNS, DEFAULT_VERIFIER_RUNS } from './constants.js';

/** How many cases to run, and with which seed, read once from the environment. */
export interface FuzzBudget {
  /** Cases of the in-process verifier properties together (`FUZZ_RUNS`). */
  readonly verifierRuns: number;
  /** Cases sent through the local gateway (`FUZZ_GATEWAY_RUNS`, default: 300, or `FUZZ_RUNS / 50` when larger). */
  readonly gatewayRuns: number;
  /** `FUZZ_SEED`, to replay a failure fast-check reported; `undefined` picks a random seed. */
  readonly seed?: number;
}

function positiveInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (given ${JSON.stringify(text)})`);
  return value;
}

/**
 * Reads `FUZZ_RUNS`, `FUZZ_GATEWAY_RUNS` and `FUZZ_SEED`. `npm test` runs the defaults (a few
 * thousand cases); `FUZZ_RUNS=100000 npx vitest run test/fuzz` is the full run.
 */
export function fuzzBudget(env: NodeJS.ProcessEnv = process.env): FuzzBudget {
  const verifierRuns = positiveInteger('FUZZ_RUNS', env.FUZZ_RUNS) ?? DEFAULT_VERIFIER_RUNS;
  const gatewayRuns = positiveInteger('FUZZ_GATEWAY_RUNS', env.FUZZ_GATEWAY_RUNS) ?? Math.max(DEFAULT_GATEWAY_RUNS, Math.floor(verifierRuns / 50));
  const seedText = env.FUZZ_SEED;
  const seed = seedText === undefined || seedText === '' ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer (given ${JSON.stringify(seedText)})`);
  return { verifierRuns, gatewayRuns, seed };
}

/** A share of `total` runs, at least `min`. */
export function share(total: number, fraction: number, min = 1): number {
  return Math.max(min, Math.round(total * fraction));
}

/** A vitest timeout for `runs` cases at `msPerCase` each, with headroom for a slow shared machine. */
export function timeoutFor(runs: number, msPerCase: number): number {
  return 60_000 + runs * msPerCase;
}
