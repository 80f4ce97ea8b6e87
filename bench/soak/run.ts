#!/usr/bin/env node
/*
 * `npm run soak [-- --quick] [-- --webhooks N] [-- --connections C]`: the load-and-faults run of
 * issue 4 §2 against the local runtime, on 127.0.0.1 only. Prints progress, a table of counts and
 * one `SOAK_SUMMARY {json}` line; exits 1 when an assertion is violated (with the counts), 2 on a
 * crash or bad flags.
 */
import { FULL_WEBHOOKS, OUTAGE_SECONDS_FULL, OUTAGE_SECONDS_QUICK, QUICK_WEBHOOKS, SENDER_CONNECTIONS, SUMMARY_PREFIX } from './constants.js';
import { SoakUsageError } from './errors.js';
import { formatCounts } from './formatCounts.js';
import { runSoak } from './runSoak.js';
import type { SoakSettings } from './types.js';

function parse(argv: readonly string[]): SoakSettings {
  const quick = argv.includes('--quick');
  const number = (flag: string, fallback: number, min: number): number => {
    const at = argv.indexOf(flag);
    if (at < 0) return fallback;
    const value = Number(argv[at + 1]);
    if (!Number.isInteger(value) || value < min) throw new SoakUsageError(`${flag} must be an integer ≥ ${min} (given ${JSON.stringify(argv[at + 1])})`);
    return value;
  };
  for (const arg of argv) if (arg.startsWith('--') && !['--quick', '--webhooks', '--connections'].includes(arg)) throw new SoakUsageError(`unknown flag ${arg} (flags: --quick, --webhooks N, --connections C)`);
  return { quick, webhooks: number('--webhooks', quick ? QUICK_WEBHOOKS : FULL_WEBHOOKS, 100), connections: number('--connections', SENDER_CONNECTIONS, 1), outageSeconds: quick ? OUTAGE_SECONDS_QUICK : OUTAGE_SECONDS_FULL };
}

try {
  const settings = parse(process.argv.slice(2));
  const result = await runSoak(settings, (line) => console.log(line));
  console.log(formatCounts(result.counts));
  console.log(`${SUMMARY_PREFIX}${JSON.stringify({ passed: result.violations.length === 0, lost: result.counts.lost, doubled: result.counts.doubled, sent: result.counts.sent, accepted: result.counts.acceptedUnique, violations: result.violations })}`);
  if (result.violations.length > 0) {
    for (const violation of result.violations) console.error(`[soak] VIOLATED: ${violation}`);
    process.exit(1);
  }
  console.log('[soak] passed: lost 0, doubled 0');
  process.exit(0);
} catch (error) {
  console.error(`[soak] ${error instanceof SoakUsageError ? '' : 'crashed: '}${(error as Error).stack ?? String(error)}`);
  process.exit(2);
}
