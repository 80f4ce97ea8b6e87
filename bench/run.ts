/**
 * `npm run bench [-- --quick] [-- --only <section>[,<section>…]] [-- --out <file>]`: speed and
 * size of hookbridge, every figure a ratio against a baseline measured in the same run (the
 * machines here are shared and noisy). Prints a table per section and writes `bench/results.json`.
 * A missed target does not fail the run; a crash does (exit code 1), which is what CI checks with
 * `--quick`. `--only` runs some sections (keys of {@link SECTIONS}), e.g. `--only verifier,bundles`.
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

/** The sections by the key `--only` takes, in the order they run and print. */
const SECTIONS: Readonly<Record<string, Section>> = {
  verifier: verifierSection,
  bundles: bundlesSection,
  journal: journalSection,
  'local-e2e': localEndToEndSection,
};

const USAGE = `usage: tsx bench/run.ts [--quick] [--only <${Object.keys(SECTIONS).join('|')}>[,…]] [--out <results.json>]`;

interface Options {
  readonly mode: BenchMode;
  readonly out: string;
  /** Keys of the sections to run. */
  readonly only: readonly string[];
}

function parseArgs(argv: readonly string[]): Options {
  let mode: BenchMode = 'full';
  let out = path.join(packageRoot(), RESULTS_FILE);
  let only = Object.keys(SECTIONS);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') mode = 'quick';
    else if (arg === '--out' && argv[i + 1]) out = path.resolve(argv[++i]!);
    else if (arg === '--only' && argv[i + 1]) only = argv[++i]!.split(',').map((key) => key.trim());
    else throw new Error(`unknown argument ${JSON.stringify(arg)}; ${USAGE}`);
  }
  const unknown = only.filter((key) => !Object.hasOwn(SECTIONS, key));
  if (unknown.length > 0 || only.length === 0) throw new Error(`--only takes section keys (given ${JSON.stringify(only.join(','))}); ${USAGE}`);
  // Run in the table's order whatever order was given.
  return { mode, out, only: Object.keys(SECTIONS).filter((key) => only.includes(key)) };
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
  for (const key of options.only) {
    const result = await SECTIONS[key]!(settings);
    sections.push(result);
    console.log(formatSection(result));
  }
  const targeted = sections.flatMap((s) => s.figures).filter((f) => f.met !== null);
  const missed = targeted.filter((f) => f.met === false);
  const results = {
    version: RESULTS_VERSION,
    mode: options.mode,
    command: `npm run bench${commandArgs(options)}`,
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

/** The arguments of this run as `npm run bench` takes them (`--out` left out). */
function commandArgs(options: Options): string {
  const args = [...(options.mode === 'quick' ? ['--quick'] : []), ...(options.only.length < Object.keys(SECTIONS).length ? ['--only', options.only.join(',')] : [])];
  return args.length > 0 ? ` -- ${args.join(' ')}` : '';
}

main().then(
  // SDK clients and the like may hold the event loop open; the run is over.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
