import type { LambdaLogEntry } from './types.js';

/**
 * Writes a function's line to stderr labelled like CloudWatch's text format, prefixed with the
 * function name: `[verifier] 2026-01-01T00:00:00.000Z <request id> INFO message`. stdout stays
 * free for the runtime's own machine-readable output.
 */
export function defaultLogSink(entry: LambdaLogEntry): void {
  const requestId = entry.requestId ?? '-';
  process.stderr.write(`[${entry.functionName}] ${entry.timestamp.toISOString()}\t${requestId}\t${entry.level}\t${entry.message}\n`);
}
