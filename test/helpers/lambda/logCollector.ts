import type { LambdaLogEntry, LambdaLogSink } from '../../../local/lambda/index.js';

/** A log sink that keeps every entry and tracks how many invocations overlap (start/end lines). */
export interface LogCollector {
  readonly sink: LambdaLogSink;
  readonly entries: LambdaLogEntry[];
  /** Highest number of invocations between a `start` and an `end` line at the same time. */
  maxConcurrent(): number;
  messages(functionName?: string): string[];
}

export function logCollector(): LogCollector {
  const entries: LambdaLogEntry[] = [];
  let running = 0;
  let max = 0;
  return {
    entries,
    sink: (entry) => {
      entries.push(entry);
      if (entry.message.startsWith('start')) {
        running += 1;
        max = Math.max(max, running);
      } else if (entry.message.startsWith('end')) {
        running -= 1;
      }
    },
    maxConcurrent: () => max,
    messages: (functionName) =>
      entries.filter((entry) => functionName === undefined || entry.functionName === functionName).map((entry) => entry.message),
  };
}
