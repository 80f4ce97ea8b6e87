/**
 * Journal throughput: durable appends per second with group commit versus one write + fsync per
 * append (`maxBatchRecords: 1`), with many appends outstanding at once as under webhook load.
 *
 *   npx tsx bench/journal.ts [durationSeconds=2] [concurrency=64] [recordBytes=512]
 *
 * Runs in a temporary directory on the OS temp file system; the absolute numbers depend on that
 * disk's fsync latency, the ratio is the point.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Journal } from '../local/state/index.js';

const durationMs = Number(process.argv[2] ?? '2') * 1000;
const concurrency = Number(process.argv[3] ?? '64');
const recordBytes = Number(process.argv[4] ?? '512');

interface Result {
  readonly label: string;
  readonly appendsPerSecond: number;
  readonly syncs: number;
  readonly meanBatch: number;
  readonly meanLatencyMs: number;
}

async function run(label: string, maxBatchRecords: number | undefined): Promise<Result> {
  const root = await mkdtemp(path.join(tmpdir(), 'hookbridge-bench-'));
  try {
    const journal = await Journal.open({ dir: path.join(root, 'state'), ...(maxBatchRecords ? { maxBatchRecords } : {}) });
    const body = 'x'.repeat(recordBytes);
    const deadline = performance.now() + durationMs;
    let latencyTotal = 0;
    let completed = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        for (let i = 0; performance.now() < deadline; i++) {
          const t0 = performance.now();
          await journal.append('sqs', { worker, i, body });
          latencyTotal += performance.now() - t0;
          completed++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const stats = journal.stats();
    await journal.close();
    return {
      label,
      appendsPerSecond: completed / elapsed,
      syncs: stats.syncs,
      meanBatch: stats.durableRecords / stats.syncs,
      meanLatencyMs: latencyTotal / completed,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const perAppend = await run('one fsync per append', 1);
const grouped = await run('group commit', undefined);
console.log(`journal bench: ${concurrency} concurrent appenders, ${recordBytes}-byte records, ${durationMs / 1000} s each, ${tmpdir()}`);
for (const r of [perAppend, grouped]) {
  console.log(
    `  ${r.label.padEnd(22)} ${r.appendsPerSecond.toFixed(0).padStart(8)} appends/s  ${String(r.syncs).padStart(6)} fsyncs  ` +
      `mean batch ${r.meanBatch.toFixed(1).padStart(6)}  mean latency ${r.meanLatencyMs.toFixed(2)} ms`,
  );
}
console.log(`  group commit / one fsync per append = ${(grouped.appendsPerSecond / perAppend.appendsPerSecond).toFixed(1)}x`);
