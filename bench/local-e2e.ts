import { runLocalE2eReport } from './local-e2e/index.js';
import type { BenchSettings, SectionResult } from './types.js';

/**
 * The local end-to-end section (issue 4, §1 "Local end-to-end"): webhooks/s accepted by the local
 * runtime running the default app, sustained end-to-end rate for GitHub events, webhook→consumer
 * latency p50/p99 at a fixed rate, beside bare `node:http` and dynalite's conditional PutItem/s
 * measured in the same run, and a CPU profile summary of the runtime's hot path.
 */
export async function localEndToEndSection(settings: BenchSettings): Promise<SectionResult> {
  const started = Date.now();
  const { figures, notes } = await runLocalE2eReport({ quick: settings.mode === 'quick' });
  return { name: 'local end-to-end', notes, figures, seconds: (Date.now() - started) / 1000 };
}
