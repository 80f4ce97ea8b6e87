import type { BenchSettings, SectionResult } from './types.js';

/**
 * Hook for the local end-to-end section (issue 4, §1 "Local end-to-end": webhooks/s accepted by
 * the local runtime, sustained end-to-end rate, webhook→consumer latency p50/p99 at a fixed
 * rate, beside bare `node:http` and dynalite's conditional PutItem/s, and a CPU profile of the
 * hot path). It needs the local runtime, which is not finished; until then the section reports
 * itself skipped and prints no numbers.
 */
export async function localEndToEndSection(_settings: BenchSettings): Promise<SectionResult> {
  return {
    name: 'local end-to-end',
    skipped: 'local end-to-end section not yet built',
    notes: [],
    figures: [],
    seconds: 0,
  };
}
