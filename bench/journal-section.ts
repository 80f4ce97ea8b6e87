import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BenchError } from './errors.js';
import { figure } from './figure.js';
import type { BenchSettings, SectionResult } from './types.js';

const JOURNAL_BENCH = fileURLToPath(new URL('./journal.ts', import.meta.url));

/** Concurrent appenders and record size, as `bench/journal.ts` defaults them. */
const CONCURRENCY = 64;
const RECORD_BYTES = 512;

/** One line of `bench/journal.ts` output: `<label> <n> appends/s <n> fsyncs mean batch <x> mean latency <y> ms`. */
const LINE = /^\s*(one fsync per append|group commit)\s+(\d+) appends\/s\s+(\d+) fsyncs\s+mean batch\s+([\d.]+)\s+mean latency ([\d.]+) ms/;

/**
 * The local state journal (`bench/journal.ts`, run as its own process as documented there):
 * durable appends per second with group commit against one write + fsync per append.
 */
export async function journalSection(settings: BenchSettings): Promise<SectionResult> {
  const started = performance.now();
  const output = await runJournalBench(settings.journalSeconds);
  const rows = new Map<string, { perSecond: number; fsyncs: number; batch: number; latencyMs: number }>();
  for (const line of output.split('\n')) {
    const match = LINE.exec(line);
    if (match) rows.set(match[1]!, { perSecond: Number(match[2]), fsyncs: Number(match[3]), batch: Number(match[4]), latencyMs: Number(match[5]) });
  }
  const single = rows.get('one fsync per append');
  const grouped = rows.get('group commit');
  if (!single || !grouped) throw new BenchError(`bench/journal.ts printed no result lines the harness can read:\n${output}`);
  return {
    name: 'journal (local runtime state)',
    notes: [
      `${CONCURRENCY} concurrent appenders, ${RECORD_BYTES}-byte records, ${settings.journalSeconds} s per variant, on the OS temp directory's disk (its fsync latency sets the absolute numbers).`,
    ],
    figures: [
      figure({
        id: 'journal.group-commit',
        label: 'durable appends/s, group commit',
        value: grouped.perSecond,
        unit: 'appends/s',
        baseline: { name: 'one fsync per append', value: single.perSecond },
        note: `mean batch ${grouped.batch}, mean latency ${grouped.latencyMs} ms (per-append fsync: ${single.latencyMs} ms)`,
      }),
    ],
    seconds: (performance.now() - started) / 1000,
  };
}

async function runJournalBench(seconds: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', JOURNAL_BENCH, String(seconds), String(CONCURRENCY), String(RECORD_BYTES)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new BenchError(`bench/journal.ts exited with ${code}: ${stderr}`);
  return stdout;
}
