/**
 * `npm run bench [-- --quick] [-- --out <file>]`: speed and size of hookbridge, every figure a
 * ratio against a baseline measured in the same run (the machines here are shared and noisy).
 * Prints a table per section and writes `bench/results.json`. A missed target does not fail the
 * run; a crash does (exit code 1), which is what CI checks with `--quick`.
 */
import { cpus } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { packageRoot } from '../lib/paths.js';
import { bundlesSection } from './bundles/section.js';
import { RESULTS_FILE, RESULTS_VERSION, SETTINGS } from './constants.js';
import { journalSection } from './journal-section.js';
import { localEndToEndSection } from './local-e2e.js';
import { formatSection } from './table.js';
import type { BenchMode, Section, SectionResult } from './types.js';
import { verifierSection } from './verifier/section.js';

/** The sections, in the order they run and print. */
const SECTIONS: readonly Section[] = [verifierSection, bundlesSection, journalSection, localEndToEndSection];

interface Options {
  readonly mode: BenchMode;
  readonly out: string;
}

function parseArgs(argv: readonly string[]): Options {
  let mode: BenchMode = 'full';
  let out = path.join(packageRoot(), RESULTS_FILE);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') mode = 'quick';
    else if (arg === '--out' && argv[i + 1]) out = path.resolve(argv[++i]!);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}; usage: tsx bench/run.ts [--quick] [--out <results.json>]`);
  }
  return { mode, out };
}

/**
 * The AWS SDK warns once that its releases after January 2027 need Node 22; that is true and
 * not about this run, and it would land in the middle of a table. Other warnings still print.
 */
function quietSdkNodeVersionWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name !== 'NodeVersionSupportWarning') console.warn(`${warning.name}: ${warning.message}`);
  });
}

async function main(): Promise<void> {
  quietSdkNodeVersionWarning();
  const options = parseArgs(process.argv.slice(2));
  const settings = SETTINGS[options.mode];
  const startedAt = new Date();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`;
  console.log(`hookbridge bench (${options.mode}) on Node ${process.versions.node}, ${machine}\n`);
  const sections: SectionResult[] = [];
  for (const section of SECTIONS) {
    const result = await section(settings);
    sections.push(result);
    console.log(formatSection(result));
  }
  const targeted = sections.flatMap((s) => s.figures).filter((f) => f.met !== null);
  const missed = targeted.filter((f) => f.met === false);
  const results = {
    version: RESULTS_VERSION,
    mode: options.mode,
    command: `npm run bench${options.mode === 'quick' ? ' -- --quick' : ''}`,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    machine,
    summary: { targets: targeted.length, met: targeted.length - missed.length, missed: missed.map((f) => f.id) },
    sections,
  };
  await mkdir(path.dirname(options.out), { recursive: true });
  await writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`targets met: ${targeted.length - missed.length} of ${targeted.length}`);
  for (const f of missed) console.log(`  missed: ${f.label}: ${f.ratio.toFixed(2)}× (${f.target!.text})`);
  console.log(`results: ${path.relative(process.cwd(), options.out) || options.out}`);
}

main().then(
  // SDK clients and the like may hold the event loop open; the run is over.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
