import type { BenchMode, BenchSettings } from './types.js';

/** Measurement settings per mode: quick keeps the whole run under a minute on 2 shared cores. */
export const SETTINGS: Readonly<Record<BenchMode, BenchSettings>> = {
  quick: { mode: 'quick', rounds: 5, roundMs: 4, warmupMs: 25, coldRuns: 1, journalSeconds: 0.5 },
  full: { mode: 'full', rounds: 21, roundMs: 25, warmupMs: 250, coldRuns: 9, journalSeconds: 3 },
};

/** Where the machine-readable results go, relative to the package root. */
export const RESULTS_FILE = 'bench/results.json';

/** Version of the results.json layout. */
export const RESULTS_VERSION = 1;
